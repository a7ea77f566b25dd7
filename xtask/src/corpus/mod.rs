//! `cargo xtask corpus`: a deterministic synthetic corpus of any size, for scale tests and benchmarks.
//!
//! Each article is a short news story about one sector: a headline, paragraphs that mix
//! sentences with figures and sentences without, now and then a subheading or page furniture
//! (a "Loading Now" line, a copyright line), and a `metadata.toml` entry with its publisher,
//! author and date. Figures are readings of shared measures ("BYD's vehicle sales",
//! "China's digital economy share of GDP") taken in different years with noise, so series
//! form across articles and some readings disagree. Article `i` depends only on the seed and
//! `i`, never on how many articles are generated, and the same seed gives the same bytes.

mod rng;
mod words;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use rng::Rng;
use words::{Measure, Measured};

/// The file that marks a folder as written by this command, so it may be cleared and rewritten.
const MARKER: &str = ".generated-corpus";

/// The seed when `--seed` is not given.
pub const DEFAULT_SEED: u64 = 1;

/// One generated article.
pub struct Article {
    /// The file name (`00042-slug.txt`); the dashboard derives the document id from it.
    pub file_name: String,
    /// The article as a reader would paste it.
    pub text: String,
    pub publisher: &'static str,
    pub author: Option<String>,
    pub year: i32,
    pub month: u8,
    /// The figures written into the text, for tests that check the extractor finds them.
    pub planted: Vec<Planted>,
}

/// A figure written into an article.
#[derive(Clone, Debug, PartialEq)]
pub struct Planted {
    /// The normalised value (for a decline, the size of the fall: texts say "fell 4%").
    pub value: f64,
    pub family: Family,
    /// The ISO code, for money.
    pub currency: Option<&'static str>,
    /// The figure as written, qualifier excluded.
    pub surface: String,
}

/// Unit families, as the extractor names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Percent,
    PercentagePoints,
    Count,
    Money,
}

/// `cargo xtask corpus --articles N [--seed S] --out DIR`.
pub fn corpus(args: &[String]) -> Result<(), String> {
    let mut articles = None;
    let mut seed = DEFAULT_SEED;
    let mut out = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = |name: &str| {
            iter.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match arg.as_str() {
            "--articles" => {
                let v = value("--articles")?;
                articles = Some(
                    v.parse::<usize>()
                        .map_err(|_| format!("--articles wants a whole number, not `{v}`"))?,
                );
            }
            "--seed" => {
                let v = value("--seed")?;
                seed = v
                    .parse::<u64>()
                    .map_err(|_| format!("--seed wants a whole number, not `{v}`"))?;
            }
            "--out" => out = Some(value("--out")?),
            other => return Err(format!("unknown option for corpus: {other}")),
        }
    }
    let n = articles.ok_or("corpus needs --articles N")?;
    let out = out.ok_or("corpus needs --out DIR")?;
    let started = std::time::Instant::now();
    let (bytes, figures) = write_corpus(Path::new(&out), n, seed)?;
    println!(
        "wrote {n} articles ({:.1} MB, {figures} figures) and metadata.toml to {out} in {:.2} s (seed {seed})",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Generates `n` articles with `seed` into `dir` (created if missing) and returns the bytes
/// written and the number of figures planted. A folder that holds other files and was not written by this command is refused,
/// so a mistyped `--out` cannot clear someone's articles.
pub fn write_corpus(dir: &Path, n: usize, seed: u64) -> Result<(usize, usize), String> {
    prepare_dir(dir)?;
    let articles = generate(n, seed);
    let mut total = 0;
    for article in &articles {
        let path = dir.join(&article.file_name);
        std::fs::write(&path, &article.text)
            .map_err(|e| format!("writing {}: {e}", path.display()))?;
        total += article.text.len();
    }
    let meta = metadata_toml(&articles);
    total += meta.len();
    let path = dir.join("metadata.toml");
    std::fs::write(&path, meta).map_err(|e| format!("writing {}: {e}", path.display()))?;
    std::fs::write(
        dir.join(MARKER),
        format!("cargo xtask corpus --articles {n} --seed {seed}\n"),
    )
    .map_err(|e| format!("writing the marker in {}: {e}", dir.display()))?;
    let figures = articles.iter().map(|a| a.planted.len()).sum();
    Ok((total, figures))
}

fn prepare_dir(dir: &Path) -> Result<(), String> {
    if !dir.exists() {
        return std::fs::create_dir_all(dir)
            .map_err(|e| format!("creating {}: {e}", dir.display()));
    }
    let entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("reading {}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    if entries.is_empty() {
        return Ok(());
    }
    if !dir.join(MARKER).exists() {
        return Err(format!(
            "{} is not empty and was not written by `cargo xtask corpus`; choose another --out",
            dir.display()
        ));
    }
    for path in entries {
        let generated = path.extension().is_some_and(|x| x == "txt")
            || path.file_name().is_some_and(|f| f == "metadata.toml");
        if generated {
            std::fs::remove_file(&path).map_err(|e| format!("removing {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// The articles `0..n` for `seed`.
pub fn generate(n: usize, seed: u64) -> Vec<Article> {
    let width = n.to_string().len().max(5);
    let mut titles = BTreeSet::new();
    (0..n)
        .map(|i| article(seed, i, width, &mut titles))
        .collect()
}

/// `metadata.toml` in the format `build.rs` reads: one table per file name.
pub fn metadata_toml(articles: &[Article]) -> String {
    let mut out = String::from(
        "# Publication facts for the generated articles (cargo xtask corpus); dates are stated.\n",
    );
    for a in articles {
        let _ = write!(
            out,
            "\n[{}]\npublisher = {}\n",
            toml_string(&a.file_name),
            toml_string(a.publisher)
        );
        if let Some(author) = &a.author {
            let _ = writeln!(out, "author = {}", toml_string(author));
        }
        let _ = writeln!(out, "year = {}\nmonth = {}", a.year, a.month);
    }
    out
}

fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The names an article's sentences draw on, chosen once per article so it stays on topic.
struct Cast {
    sector: usize,
    company: &'static str,
    company2: &'static str,
    person: (&'static str, &'static str),
    place: &'static str,
    org: &'static str,
    programme: &'static str,
    publisher: &'static str,
    year: i32,
}

fn article(seed: u64, index: usize, width: usize, titles: &mut BTreeSet<String>) -> Article {
    let mut rng = Rng::fork(seed, index as u64);
    let sector = rng.below(words::SECTORS.len());
    let year = rng.range(2015, 2025) as i32;
    let month = rng.range(1, 12) as u8;
    let in_sector: Vec<&'static str> = words::COMPANIES
        .iter()
        .filter(|(_, s)| *s == sector)
        .map(|(c, _)| *c)
        .collect();
    let company = if in_sector.is_empty() || rng.chance(0.15) {
        rng.pick(words::COMPANIES).0
    } else {
        rng.pick(&in_sector)
    };
    let mut company2 = rng.pick(words::COMPANIES).0;
    while company2 == company {
        company2 = rng.pick(words::COMPANIES).0;
    }
    let publisher = rng.pick(words::PUBLISHERS);
    let cast = Cast {
        sector,
        company,
        company2,
        person: rng.pick(words::PEOPLE),
        place: rng.pick(words::PLACES),
        org: rng.pick(words::ORGS),
        programme: rng.pick(words::PROGRAMMES),
        publisher,
        year,
    };
    let author = rng
        .chance(0.8)
        .then(|| format!("{} {}", rng.pick(words::GIVEN), rng.pick(words::FAMILY)));

    // A headline no earlier article has; retries draw new frames from the same stream.
    let mut title = fill(rng.pick(words::TITLES), &cast);
    let mut tries = 0;
    while titles.contains(&title) {
        tries += 1;
        let place = rng.pick(words::PLACES);
        title = if tries < 20 {
            format!("{} ({place})", fill(rng.pick(words::TITLES), &cast))
        } else {
            format!("{title} ({place}, part {})", index + 1)
        };
    }
    titles.insert(title.clone());

    let mut planted = Vec::new();
    let mut sentences = Vec::new();
    let n_figures = rng.range(4, 9);
    for _ in 0..n_figures {
        let measure = pick_measure(&mut rng, sector, year);
        sentences.push(figure_sentence(&mut rng, measure, &cast, &mut planted));
    }
    // Sentences without figures, none twice in one article.
    let mut fillers: Vec<&str> = words::FILLERS.to_vec();
    for _ in 0..rng.range(5, 12) {
        let frame = fillers.swap_remove(rng.below(fillers.len()));
        sentences.push(fill(frame, &cast));
    }
    // Shuffle (Fisher–Yates), but lead with a figure as news stories usually do.
    for i in (2..sentences.len()).rev() {
        let j = 1 + rng.below(i);
        sentences.swap(i, j);
    }

    let mut text = String::new();
    text.push_str(&title);
    text.push_str("\n\n");
    if rng.chance(0.2) {
        text.push_str(rng.pick(words::FURNITURE_TOP));
        text.push_str("\n\n");
    }
    let mut rest = &sentences[..];
    let mut paragraph = 0;
    while !rest.is_empty() {
        let take = (rng.range(2, 4) as usize).min(rest.len());
        if paragraph == 2 && rng.chance(0.5) {
            text.push_str(rng.pick(words::SUBHEADINGS));
            text.push_str("\n\n");
        }
        text.push_str(&rest[..take].join(" "));
        text.push_str("\n\n");
        rest = &rest[take..];
        paragraph += 1;
    }
    if rng.chance(0.25) {
        let _ = writeln!(text, "© {year} {publisher}. All rights reserved.");
    } else {
        text.pop();
    }

    let slug = slug(&title);
    Article {
        file_name: format!("{:0width$}-{slug}.txt", index + 1),
        text,
        publisher,
        author,
        year,
        month,
        planted,
    }
}

/// A measure that already existed in the article's year, usually from its own sector.
fn pick_measure(rng: &mut Rng, sector: usize, year: i32) -> &'static Measure {
    let existing = |m: &&Measure| m.from <= year;
    let own: Vec<&Measure> = words::MEASURES
        .iter()
        .filter(|m| m.sector == sector)
        .filter(existing)
        .collect();
    if !own.is_empty() && rng.chance(0.7) {
        return rng.pick(&own);
    }
    let all: Vec<&Measure> = words::MEASURES.iter().filter(existing).collect();
    rng.pick(&all)
}

/// A sentence stating one or two readings of `measure`; the figures go into `planted`.
fn figure_sentence(
    rng: &mut Rng,
    measure: &Measure,
    cast: &Cast,
    planted: &mut Vec<Planted>,
) -> String {
    let first = measure.from.max(cast.year - 3);
    let y = rng.range(i64::from(first), i64::from(cast.year)) as i32;
    // The article's own year is still under way: only part of it can be reported.
    let when = if y == cast.year {
        format!(
            "in the {} of {y}",
            rng.pick(&["first half", "first quarter", "first nine months"])
        )
    } else {
        format!("in {y}")
    };
    let poss = format!("{}'s {}", measure.subject, measure.what);
    let roll = rng.unit();
    let sentence = if roll < 0.55 {
        // A level, with a frame that may name its source.
        let v = level_figure(rng, measure, y, planted);
        let clause = measure
            .level
            .replace("{s}", measure.subject)
            .replace("{v}", &v);
        let o = cast.org;
        match rng.below(6) {
            0 => format!("{clause} {when}."),
            1 => format!("{}, {clause}.", capitalise(&when)),
            2 => format!("{clause} {when}, according to {o}."),
            3 => format!("Figures published by {o} show that {clause} {when}."),
            4 => format!("{clause} {when}, {o} said."),
            _ if y < cast.year => format!("By the end of {y}, {clause}."),
            _ => format!("{clause} {when}."),
        }
    } else if roll < 0.8 || measure.unit == Measured::Count {
        // A change, sometimes with the level it reached.
        let (verb, pct) = change_figure(rng, planted);
        if matches!(measure.unit, Measured::Money(_)) && rng.chance(0.5) {
            let v = level_figure(rng, measure, y, planted);
            format!("{poss} {verb} {pct} to {v} {when}.")
        } else if rng.chance(0.3) {
            let dir = if verb_is_up(verb) { "up" } else { "down" };
            format!("{poss} was {dir} {pct} year on year {when}.")
        } else {
            format!("{poss} {verb} {pct} {when}.")
        }
    } else if measure.unit == Measured::Percent {
        // A move in percentage points and the level it reached.
        let points = round_to(rng.between(0.3, 6.0), 1);
        let surface = format!("{} percentage points", number(points));
        planted.push(Planted {
            value: points,
            family: Family::PercentagePoints,
            currency: None,
            surface: surface.clone(),
        });
        let verb = if rng.chance(0.7) { "rose" } else { "fell" };
        let v = level_figure(rng, measure, y, planted);
        format!("{poss} {verb} {surface} to {v} {when}.")
    } else {
        // Two readings in one sentence: a small series.
        let v = level_figure(rng, measure, y, planted);
        let clause = measure
            .level
            .replace("{s}", measure.subject)
            .replace("{v}", &v);
        let y0 = y - rng.range(1, 3) as i32;
        let v0 = level_figure(rng, measure, y0.max(measure.from), planted);
        format!(
            "{clause} {when}, compared with {v0} in {}.",
            y0.max(measure.from)
        )
    };
    capitalise(&sentence)
}

fn verb_is_up(verb: &str) -> bool {
    matches!(verb, "rose" | "grew" | "jumped" | "climbed" | "increased")
}

/// A percentage change with its verb ("fell", "4.2%").
fn change_figure(rng: &mut Rng, planted: &mut Vec<Planted>) -> (&'static str, String) {
    let up = rng.chance(0.7);
    let size = if up {
        rng.between(0.5, 80.0)
    } else {
        rng.between(0.5, 35.0)
    };
    let pct = round_to(size, 1);
    let surface = percent(rng, pct);
    planted.push(Planted {
        value: pct,
        family: Family::Percent,
        currency: None,
        surface: surface.clone(),
    });
    let verb = if up {
        rng.pick(&["rose", "grew", "jumped", "climbed", "increased"])
    } else {
        rng.pick(&["fell", "dropped", "declined", "slipped", "shrank"])
    };
    (verb, surface)
}

/// One noisy reading of `measure` in year `y`, written with a qualifier now and then.
fn level_figure(rng: &mut Rng, measure: &Measure, y: i32, planted: &mut Vec<Planted>) -> String {
    let years = f64::from(y - measure.from);
    let (value, surface, family, currency) = match measure.unit {
        Measured::Percent => {
            let truth = measure.base + measure.trend * years;
            let v = round_to((truth + rng.between(-1.5, 1.5)).clamp(0.5, 99.0), 1);
            (v, percent(rng, v), Family::Percent, None)
        }
        Measured::Count => {
            let truth = measure.base * (1.0 + measure.trend).powf(years);
            let reading = truth * rng.between(0.92, 1.08);
            let (v, s) = count(rng, reading);
            (v, s, Family::Count, None)
        }
        Measured::Money(code) => {
            let truth = measure.base * (1.0 + measure.trend).powf(years);
            let reading = truth * rng.between(0.92, 1.08);
            let (v, s) = money(rng, reading, code);
            (v, s, Family::Money, Some(code))
        }
    };
    planted.push(Planted {
        value,
        family,
        currency,
        surface: surface.clone(),
    });
    let qualifier = if rng.chance(0.35) {
        rng.pick(&[
            "more than ",
            "over ",
            "about ",
            "around ",
            "roughly ",
            "nearly ",
            "almost ",
            "at least ",
            "less than ",
            "up to ",
        ])
    } else {
        ""
    };
    format!("{qualifier}{surface}")
}

fn percent(rng: &mut Rng, v: f64) -> String {
    let n = number(v);
    match rng.below(6) {
        0 => format!("{n} percent"),
        1 => format!("{n} per cent"),
        _ => format!("{n}%"),
    }
}

const WORD_NUMBERS: [&str; 13] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
];

/// A count as written: a word, digits with commas, or a scaled figure ("1.2 million").
fn count(rng: &mut Rng, v: f64) -> (f64, String) {
    if v < 12.5 {
        let n = v.round().max(2.0);
        return (n, WORD_NUMBERS[n as usize].to_owned());
    }
    if v < 1e6 {
        // Round to a plausible precision: small counts exactly, larger ones to hundreds now and then.
        let n = if v >= 10_000.0 && rng.chance(0.5) {
            (v / 100.0).round() * 100.0
        } else {
            v.round()
        };
        return (n, thousands(n as u64));
    }
    let (scale, word, short) = if v >= 1e9 {
        (1e9, "billion", "bn")
    } else {
        (1e6, "million", "mln")
    };
    let x = round_to(v / scale, if v / scale < 10.0 { 2 } else { 1 });
    let value = x * scale;
    let s = match rng.below(8) {
        0 => format!("{} {short}", number(x)),
        1 if v < 1e8 => thousands(value.round() as u64),
        _ => format!("{} {word}", number(x)),
    };
    (value, s)
}

/// An amount of money in one of the ways articles write it.
fn money(rng: &mut Rng, v: f64, code: &'static str) -> (f64, String) {
    let (scale, word, short) = if v >= 1e12 {
        (1e12, "trillion", "tn")
    } else if v >= 1e9 {
        (1e9, "billion", "bn")
    } else {
        (1e6, "million", "m")
    };
    let x = round_to(v / scale, if v / scale < 10.0 { 2 } else { 1 });
    let n = number(x);
    let s = match code {
        "CNY" => match rng.below(6) {
            0 => format!("RMB {n} {word}"),
            1 => format!("{n} {word} renminbi"),
            2 => format!("CNY {n} {word}"),
            _ => format!("{n} {word} yuan"),
        },
        "USD" => match rng.below(6) {
            0 => format!("US${n} {word}"),
            1 => format!("${n}{short}"),
            2 => format!("USD {n} {word}"),
            _ => format!("${n} {word}"),
        },
        "EUR" => match rng.below(3) {
            0 => format!("{n} {word} euros"),
            _ => format!("€{n} {word}"),
        },
        "HKD" => format!("HK${n} {word}"),
        "GBP" => format!("£{n} {word}"),
        "JPY" => format!("{n} {word} yen"),
        other => format!("{n} {word} {other}"),
    };
    (x * scale, s)
}

/// `v` rounded to `places` decimals.
fn round_to(v: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (v * f).round() / f
}

/// A decimal without trailing zeros ("12", "3.5", "1.25").
fn number(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let int = thousands(int.parse().unwrap_or(0));
    if frac.is_empty() {
        int
    } else {
        format!("{int}.{frac}")
    }
}

/// An integer with thousands separators ("1,234,567").
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Fills a frame's placeholders from the article's cast.
fn fill(frame: &str, cast: &Cast) -> String {
    let (person, role) = cast.person;
    let out = frame
        .replace("{c2}", cast.company2)
        .replace("{c}", cast.company)
        .replace("{per}", &format!("{role} {person}"))
        .replace("{p}", cast.place)
        .replace("{o}", cast.org)
        .replace("{prog}", cast.programme)
        .replace("{sec}", words::SECTORS[cast.sector])
        .replace("{pub}", cast.publisher)
        .replace("{y}", &cast.year.to_string());
    capitalise(&out)
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A file-name slug of a title: lowercase ASCII words joined by hyphens, at most 48 bytes.
fn slug(title: &str) -> String {
    let mut out = String::new();
    for word in title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() + word.len() + 1 > 48 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod tests;
