//! Metrics: assembles cited figures from the numbers, units, qualifiers, periods and labels
//! found in each sentence of a document.

use crate::dates::find_dates;
use crate::labels::{label_of, LabelInput};
use crate::model::{Direction, Document, Metric, MetricKind, Period, Unit};
use crate::non_metrics::{reject, NonMetric};
use crate::numbers::{find_numbers, Number, NumberForm};
use crate::qualifiers::qualifier_of;
use crate::units::{unit_of, Ambiguous, UnitFound};
use crate::words::{word_at_or_after, words, Word};

/// A figure found in one sentence, before it is placed in a document.
#[derive(Clone, Debug, PartialEq)]
pub struct SentenceFigure {
    /// The figure's extent in the sentence.
    pub start: usize,
    /// One past its end.
    pub end: usize,
    /// Normalised value.
    pub value: f64,
    /// Unit family.
    pub unit: Unit,
    /// ISO code for currencies.
    pub currency: Option<&'static str>,
    /// Hedge.
    pub qualifier: crate::model::Qualifier,
    /// Level, change or share.
    pub kind: MetricKind,
    /// Chart label.
    pub label: String,
    /// Period.
    pub period: Period,
    /// Rise, fall or neither.
    pub direction: Direction,
    /// A currency sign that the paragraph settles.
    pub ambiguous: Option<Ambiguous>,
}

/// A number that was read and turned down, with the reason (for tests and diagnostics).
#[derive(Clone, Debug, PartialEq)]
pub struct Rejected {
    /// The number's extent in the sentence.
    pub start: usize,
    /// One past its end.
    pub end: usize,
    /// Why it is not a figure.
    pub reason: NonMetric,
}

/// What the metric finder needs to know about a sentence's surroundings.
#[derive(Clone, Debug, Default)]
pub struct SentenceContext<'a> {
    /// The document's year, for "this year" and for telling forecasts from the past.
    pub doc_year: Option<i32>,
    /// The period of the previous figure in the document, for "the same timeframe".
    pub previous_period: Option<&'a Period>,
    /// Places named in the sentence: start offset in the sentence and name.
    pub places: Vec<(usize, String)>,
}

/// Words before a figure that make it a change.
const CHANGE_CUES: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "rising",
    "increased",
    "increase",
    "increases",
    "grew",
    "grow",
    "grows",
    "growth",
    "up",
    "down",
    "fell",
    "fall",
    "falls",
    "dropped",
    "drop",
    "declined",
    "decline",
    "declines",
    "jumped",
    "jump",
    "surged",
    "surge",
    "climbed",
    "climb",
    "slumped",
    "gained",
    "gain",
    "expanded",
    "contracted",
    "plunged",
    "soared",
    "decreased",
    "decrease",
    "slipped",
    "shrank",
    "added",
    "boosted",
    "cut",
    "widened",
    "narrowed",
    "rebounded",
    "shed",
    "lost",
    "slid",
    "tumbled",
    "eased",
    "advanced",
    "rallied",
    "sank",
    "dipped",
    "retreated",
    "firmed",
    "lifted",
    "sagged",
    "skidded",
];

/// Words after a figure that make it a change ("a 5% increase", "20% higher").
const CHANGE_AFTER: &[&str] = &[
    "increase",
    "rise",
    "growth",
    "jump",
    "gain",
    "drop",
    "decline",
    "fall",
    "higher",
    "lower",
    "year-on-year",
    "year-over-year",
    "yoy",
    "annually",
    "y/y",
];

/// Words before a percentage that make it a share.
const SHARE_CUES: &[&str] = &[
    "accounting for",
    "accounted for",
    "accounts for",
    "account for",
    "share of",
    "making up",
    "made up",
    "makes up",
    "represented",
    "representing",
    "represents",
    "penetration",
    "market share",
    "share",
];

/// Finds the figures in one sentence, and the numbers it turned down.
pub fn figures_in_sentence(
    sentence: &str,
    ctx: &SentenceContext<'_>,
) -> (Vec<SentenceFigure>, Vec<Rejected>) {
    let ws = words(sentence);
    let numbers = find_numbers(sentence);
    let mut rejected = Vec::new();
    let mut kept: Vec<(Number, UnitFound)> = Vec::new();
    for n in numbers {
        let mut u = unit_of(sentence, &n);
        if u.unit == Unit::Count && !u.explicit && crate::units::is_index_level(sentence, &n) {
            u.unit = Unit::IndexPoints;
            u.explicit = true;
        }
        match reject(sentence, &ws, &n, u.explicit) {
            Some(reason) => rejected.push(Rejected {
                start: n.start,
                end: n.end,
                reason,
            }),
            None => kept.push((n, u)),
        }
    }
    // match_range_partner: in "10 to 15 years" or "5-7 nm", the first number shares the
    // second's reason for not being a figure.
    kept.retain(|(n, u)| {
        let partner = rejected.iter().find(|r| {
            r.start > u.end
                && matches!(
                    r.reason,
                    NonMetric::Duration | NonMetric::Designation | NonMetric::Multiplier
                )
                && matches!(
                    sentence.get(u.end..r.start).map(str::trim),
                    Some("to" | "-" | "–" | "or" | "and")
                )
        });
        match partner {
            Some(p) if !u.explicit => {
                let reason = p.reason;
                rejected.push(Rejected {
                    start: n.start,
                    end: n.end,
                    reason,
                });
                false
            }
            _ => true,
        }
    });
    propagate_units(sentence, &mut kept);
    let dates = find_dates(sentence, ctx.doc_year);
    let mut out: Vec<SentenceFigure> = Vec::new();
    let mut previous_period = ctx.previous_period.cloned();
    for k in 0..kept.len() {
        let (n, u) = &kept[k];
        let floor = if k == 0 { 0 } else { kept[k - 1].1.end };
        let ceiling = kept.get(k + 1).map_or(sentence.len(), |(_, nu)| nu.start);
        let value = n.value * u.factor;
        if !value.is_finite() {
            rejected.push(Rejected {
                start: n.start,
                end: n.end,
                reason: NonMetric::TooLarge,
            });
            continue;
        }
        // Hedges are short: look at most 48 bytes back, so long sentences stay linear.
        let mut from = u.start.saturating_sub(48);
        while !sentence.is_char_boundary(from) {
            from -= 1;
        }
        let to = sentence[u.end..]
            .char_indices()
            .nth(48)
            .map_or(sentence.len(), |(p, _)| u.end + p);
        let qualifier = qualifier_of(&sentence[from..u.start], &sentence[u.end..to]);
        let sign = sign_before(sentence, u.start);
        let mut kind = kind_of(sentence, &ws, u, n, floor);
        // A written sign makes a figure a change ("Stoxx 50 -1.3%", "+0.4%").
        if sign != Direction::None && kind == MetricKind::Level && u.unit != Unit::Count {
            kind = MetricKind::Change;
        }
        let period = crate::periods::period_of(
            sentence,
            (floor, ceiling),
            (u.start, u.end),
            &dates,
            previous_period.as_ref(),
            ctx.doc_year,
        );
        let label = label_of(&LabelInput {
            sentence,
            words: &ws,
            fig: (u.start, u.end),
            floor,
            unit: u.unit,
            kind,
            previous: out.last().map(|f| f.label.as_str()),
            places: &ctx.places,
        });
        // match_list_kind: "rose 50%, 40% and 35% respectively" — later items of a list share
        // the first item's kind.
        let kind = match out.last() {
            Some(prev)
                if kind == MetricKind::Level
                    && prev.unit == u.unit
                    && is_list_gap(sentence.get(prev.end..u.start).unwrap_or("x")) =>
            {
                prev.kind
            }
            // "fell 212 points, or 0.9%": the same change in another unit.
            Some(prev)
                if kind == MetricKind::Level
                    && prev.kind == MetricKind::Change
                    && matches!(
                        sentence.get(prev.end..u.start).map(str::trim),
                        Some(", or" | "or" | "(" | ", or about")
                    ) =>
            {
                MetricKind::Change
            }
            _ => kind,
        };
        // match_adjacent_move: a verb of moving right before a percentage or index points
        // ("slid 0.7 per cent", "strengthened 0.4%") makes it a change.
        // Money and counts after such verbs are often amounts ("raised 10.8 billion yuan",
        // "lost $2bn"), so the rule is kept to percentages and index points.
        let moves = matches!(u.unit, Unit::Percent | Unit::IndexPoints);
        let kind =
            if kind == MetricKind::Level && moves && adjacent_cue(sentence, &ws, u.start, floor) {
                MetricKind::Change
            } else {
                kind
            };
        let direction = if kind == MetricKind::Change {
            match sign {
                Direction::None => direction_of(sentence, &ws, (u.start, u.end), floor)
                    .or_else(|| {
                        // A list shares its first item's direction ("rose 5% and 7%"), and so
                        // does the same change in another unit ("212 points, or 0.9%").
                        out.last()
                            .filter(|p| {
                                let gap = sentence.get(p.end..u.start).unwrap_or("x");
                                p.kind == MetricKind::Change
                                    && (is_list_gap(gap)
                                        || matches!(gap.trim(), ", or" | "or" | "(" | ", or about"))
                            })
                            .map(|p| p.direction)
                    })
                    .unwrap_or(Direction::None),
                signed => signed,
            }
        } else {
            Direction::None
        };
        previous_period = Some(period.clone());
        out.push(SentenceFigure {
            start: u.start,
            end: u.end,
            value,
            unit: u.unit,
            currency: u.currency,
            qualifier,
            kind,
            label,
            period,
            direction,
            ambiguous: u.ambiguous,
        });
    }
    (out, rejected)
}

/// match_written_sign: "-1.3%", "−0.4%" and "+2.1%" carry their direction in a sign written
/// right before the figure (after a space, a bracket or the start of the sentence, so that the
/// hyphen of a range "10-15%" is not read as a minus).
fn sign_before(sentence: &str, start: usize) -> Direction {
    let before = &sentence[..start];
    let Some(c) = before.chars().next_back() else {
        return Direction::None;
    };
    let head = &before[..before.len() - c.len_utf8()];
    let free = head
        .chars()
        .next_back()
        .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | ',' | ':' | '/'));
    match c {
        '-' | '−' | '–' if free => Direction::Down,
        '+' if free => Direction::Up,
        _ => Direction::None,
    }
}

/// Whether a word stating a rise or a fall stands right before the figure, with at most a
/// hedge or "by" between ("fell 2%", "slid by about 3%", "a loss of as much as 1.9%"), and no
/// "to", "at" or "from" (which introduce a level).
fn adjacent_cue(sentence: &str, ws: &[Word<'_>], start: usize, floor: usize) -> bool {
    let before: Vec<String> = ws
        .iter()
        .filter(|w| w.end <= start && w.start >= floor)
        .map(Word::lower)
        .collect();
    for (k, w) in before.iter().rev().take(5).enumerate() {
        if cue_direction(w).is_some() && !matches!(w.as_str(), "up" | "down" | "off") {
            // "up to" is a hedge, and a level after "rose to" is not a change.
            return !sentence[..start].trim_end().ends_with(" to");
        }
        let filler = HEDGE_WORDS.contains(&w.as_str())
            || matches!(
                w.as_str(),
                "by" | "as" | "much" | "of" | "an" | "a" | "another" | "just" | "early" | "only"
            );
        if !filler || (k == 0 && matches!(w.as_str(), "of") && before.len() < 2) {
            return false;
        }
    }
    false
}

/// Verbs, adverbs and nouns that state a fall.
const DOWN_CUES: &[&str] = &[
    "down",
    "fell",
    "fall",
    "falls",
    "falling",
    "dropped",
    "drop",
    "drops",
    "dropping",
    "declined",
    "decline",
    "declines",
    "declining",
    "lost",
    "lose",
    "loses",
    "losing",
    "loss",
    "slid",
    "slide",
    "slides",
    "sliding",
    "slipped",
    "slip",
    "slips",
    "slumped",
    "slump",
    "plunged",
    "plunge",
    "plunges",
    "tumbled",
    "tumble",
    "tumbles",
    "shed",
    "sheds",
    "eased",
    "ease",
    "eases",
    "contracted",
    "contraction",
    "decreased",
    "decrease",
    "decreases",
    "shrank",
    "shrink",
    "shrinks",
    "cut",
    "cuts",
    "lower",
    "narrowed",
    "retreated",
    "retreat",
    "sank",
    "sink",
    "dipped",
    "dip",
    "dips",
    "weakened",
    "weaker",
    "slashed",
    "reduced",
    "reduction",
    "downturn",
    "plummeted",
    "sagged",
    "skidded",
    "lowered",
    "trimmed",
    "off",
    "negative",
    "decelerated",
    "slowed",
    "dived",
    "dove",
    "crashed",
    "collapsed",
    "erased",
    "wiped",
];

/// Verbs, adverbs and nouns that state a rise.
const UP_CUES: &[&str] = &[
    "up",
    "rose",
    "rise",
    "rises",
    "rising",
    "gained",
    "gain",
    "gains",
    "gaining",
    "jumped",
    "jump",
    "jumps",
    "surged",
    "surge",
    "surges",
    "climbed",
    "climb",
    "climbs",
    "grew",
    "grow",
    "grows",
    "growing",
    "growth",
    "increased",
    "increase",
    "increases",
    "added",
    "adds",
    "advanced",
    "advance",
    "advances",
    "soared",
    "soar",
    "soars",
    "rallied",
    "rally",
    "rallies",
    "higher",
    "expanded",
    "expand",
    "expands",
    "expansion",
    "boosted",
    "boost",
    "widened",
    "rebounded",
    "rebound",
    "firmed",
    "raised",
    "raise",
    "hiked",
    "hike",
    "lifted",
    "accelerated",
    "spiked",
    "improved",
    "stronger",
    "strengthened",
    "topped",
    "leapt",
    "leaped",
    "doubled",
    "positive",
];

/// The direction a cue word states, if it states one.
fn cue_direction(word: &str) -> Option<Direction> {
    if DOWN_CUES.contains(&word) {
        Some(Direction::Down)
    } else if UP_CUES.contains(&word) {
        Some(Direction::Up)
    } else {
        None
    }
}

/// match_change_direction: the direction of a change is stated by the nearest cue word before
/// the figure in its clause ("fell 17%", "down 2.1%", "a decline of 3%"), or by the word right
/// after it ("a 5% drop", "20% higher"). "up to" is a hedge, not a rise.
fn direction_of(
    sentence: &str,
    ws: &[Word<'_>],
    (start, end): (usize, usize),
    floor: usize,
) -> Option<Direction> {
    let after_idx = word_at_or_after(ws, end);
    // The word right after the figure speaks for it ("a 5% drop", "20% higher").
    if let Some(d) = ws
        .get(after_idx)
        .filter(|w| w.start <= end + 1 && !w.lower().starts_with("up"))
        .and_then(|w| cue_direction(&w.lower()))
    {
        return Some(d);
    }
    let before: Vec<&Word<'_>> = ws[..after_idx]
        .iter()
        .filter(|w| w.end <= start && w.start >= floor.min(start))
        .collect();
    for (k, w) in before.iter().rev().take(6).enumerate() {
        let lower = w.lower();
        if lower == "up"
            && sentence
                .get(w.end..start)
                .is_some_and(|g| g.trim_start().starts_with("to "))
        {
            continue;
        }
        if let Some(d) = cue_direction(&lower) {
            return Some(d);
        }
        // A clause boundary ends the search ("..., while X").
        if k > 0 && w.punct_after && sentence.get(w.end..w.end + 1) == Some(",") {
            break;
        }
    }
    ws.iter()
        .skip(after_idx)
        .take(2)
        .find_map(|w| cue_direction(&w.lower()))
}

/// Words of a hedge before a figure ("more than", "about", "nearly"): between a verb and its
/// figure they do not change what the figure measures.
const HEDGE_WORDS: &[&str] = &[
    "more", "than", "over", "about", "nearly", "almost", "around", "roughly", "some",
];
fn is_list_gap(between: &str) -> bool {
    matches!(between.trim(), "," | "and" | ", and" | "or" | ", or")
}

/// match_list_unit: in "500,000, 290,000 and 135,000 yuan" or "10-15%", the unit written
/// after the last figure of a list or range belongs to all of them; so does a scale word
/// ("between 2 and 3 billion"), and a currency prefix carries forward ("$5-7bn").
fn propagate_units(sentence: &str, kept: &mut [(Number, UnitFound)]) {
    const CONNECTORS: &[&str] = &[
        ",", "and", ", and", "or", ", or", "to", "-", "–", "—", "and to", "/",
    ];
    for i in (0..kept.len().saturating_sub(1)).rev() {
        let between = sentence
            .get(kept[i].1.end..kept[i + 1].1.start)
            .unwrap_or("x")
            .trim();
        if !CONNECTORS.contains(&between) {
            continue;
        }
        let (left, right) = kept.split_at_mut(i + 1);
        let (a, b) = (&mut left[i], &mut right[0]);
        if !a.1.explicit && b.1.explicit {
            a.1.unit = b.1.unit;
            a.1.currency = b.1.currency;
            a.1.factor = b.1.factor;
            a.1.explicit = true;
            if a.0.scale.is_none() && a.0.form == NumberForm::Digits {
                if let Some(s) = b.0.scale {
                    a.0.value *= s;
                    a.0.scale = Some(s);
                }
            }
        } else if a.1.explicit && a.1.prefix && !b.1.explicit {
            b.1.unit = a.1.unit;
            b.1.currency = a.1.currency;
            b.1.ambiguous = a.1.ambiguous;
            b.1.explicit = true;
        }
        // match_shared_scale: "$10 to $15 billion", "four to five thousand": a scale written
        // once, after the last of a range or list, belongs to the unscaled figures before it
        // when they are smaller than the scale (so "500 to 2 billion" keeps its 500).
        let same_unit = a.1.unit == b.1.unit && a.1.currency == b.1.currency;
        if same_unit && a.0.scale.is_none() && a.0.form != NumberForm::Fraction {
            if let Some(scale) = b.0.scale {
                if a.0.value < 1000.0 && a.0.value > 0.0 {
                    a.0.value *= scale;
                    a.0.scale = Some(scale);
                }
            }
        }
    }
}

/// match_metric_kind: a fraction, a percentage "of" something or after "accounting for" is a
/// share; a figure after "rose/grew/up ... (by)" or before "increase/higher/year-on-year", and
/// any percentage-point figure, is a change; anything else is a level.
fn kind_of(sentence: &str, ws: &[Word<'_>], u: &UnitFound, n: &Number, floor: usize) -> MetricKind {
    if u.unit == Unit::PercentagePoints {
        return MetricKind::Change;
    }
    let after_idx = word_at_or_after(ws, u.end);
    let next = ws.get(after_idx).map(Word::lower).unwrap_or_default();
    if n.form == NumberForm::Fraction {
        let before = sentence.get(floor..u.start).unwrap_or("").to_lowercase();
        let last = before.split_whitespace().next_back().unwrap_or("");
        return if CHANGE_CUES.contains(&last) || last == "by" {
            MetricKind::Change
        } else {
            MetricKind::Share
        };
    }
    let before_text = sentence.get(floor..u.start).unwrap_or("").to_lowercase();
    let before_words: Vec<String> = words(&before_text).iter().map(Word::lower).collect();
    let near: Vec<&str> = before_words
        .iter()
        .rev()
        .take(5)
        .map(String::as_str)
        .collect();
    if u.unit == Unit::Percent {
        let of_follows = next == "of"
            && !ws
                .get(after_idx + 1)
                .is_some_and(|w| w.text.starts_with(|c: char| c.is_ascii_digit()));
        let share_cue = SHARE_CUES.iter().any(|c| {
            before_text.trim_end().ends_with(c)
                || before_text
                    .trim_end()
                    .strip_suffix(near.first().copied().unwrap_or(""))
                    .is_some_and(|h| h.trim_end().ends_with(c))
        });
        if of_follows || share_cue {
            return MetricKind::Share;
        }
    }
    // The word right before the figure, after any hedge.
    let direct = near.iter().copied().find(|w| {
        !(HEDGE_WORDS.contains(w)
            || matches!(
                *w,
                "by" | "at" | "least" | "up" | "an" | "a" | "estimated" | "just" | "another"
            ))
    });
    let by_before = near.first().is_some_and(|w| *w == "by")
        || near
            .windows(2)
            .any(|p| p[1] == "by" && HEDGE_WORDS.contains(&p[0]));
    let up_to_hedge = before_text.trim_end().ends_with("up to");
    // "up 38%", "down 15.4%": the direction word itself.
    let direction = near.first().is_some_and(|w| matches!(*w, "up" | "down")) && !up_to_hedge;
    // "an increase of 40%", "a decline of 28%".
    let change_noun_of = near.first() == Some(&"of")
        && near
            .get(1)
            .is_some_and(|w| CHANGE_CUES.contains(w) || CHANGE_AFTER.contains(w));
    let cue_before = direction
        || change_noun_of
        || (near.iter().take(4).any(|w| CHANGE_CUES.contains(w))
            && (by_before || direct.is_some_and(|d| CHANGE_CUES.contains(&d)))
            && !near
                .first()
                .is_some_and(|w| matches!(*w, "to" | "from" | "at" | "of"))
            && !up_to_hedge);
    let fig_word_ends_clause = ws
        .get(after_idx.saturating_sub(1))
        .is_some_and(|w| w.end >= u.end && w.punct_after);
    let after_text = sentence
        .get(u.end..)
        .unwrap_or("")
        .trim_start()
        .to_lowercase();
    let after_words: Vec<String> = ws.iter().skip(after_idx).take(2).map(Word::lower).collect();
    let cue_after = !fig_word_ends_clause
        && (after_words
            .iter()
            .any(|w| CHANGE_AFTER.contains(&w.as_str()))
            || after_text.starts_with("year on year")
            || after_text.starts_with("from a year")
            || after_text.starts_with("on the year"))
        && u.unit != Unit::Count;
    if cue_before || cue_after {
        MetricKind::Change
    } else {
        MetricKind::Level
    }
}

/// match_conversion: a money figure in parentheses right after a money figure in another
/// currency ("€2 billion ($2.2 billion)", "HK$3.7 billion (about US$474 million)") is the
/// same amount converted; it is linked to the original by its index in the document's
/// figures (made corpus-wide by the caller).
fn link_conversion(out: &mut [Metric], sentence: &str, offset: usize) {
    let [.., prev, last] = out else {
        return;
    };
    if last.unit != Unit::Currency
        || prev.unit != Unit::Currency
        || prev.sentence != last.sentence
        || prev.currency == last.currency
    {
        return;
    }
    let gap = sentence
        .get(prev.span.end as usize - offset..last.span.start as usize - offset)
        .unwrap_or("x")
        .trim()
        .to_lowercase();
    let opening = gap.strip_prefix('(').map(str::trim);
    if matches!(
        opening,
        Some(
            "" | "about"
                | "around"
                | "roughly"
                | "or"
                | "or about"
                | "approximately"
                | "nearly"
                | "some"
        )
    ) || matches!(gap.as_str(), ", or" | ", or about" | ", about" | "or about")
    {
        let idx = out.len() - 2;
        if let Some(last) = out.last_mut() {
            last.conversion_of = u32::try_from(idx).ok();
        }
    }
}

/// What a paragraph has said about money so far, to settle ambiguous signs.
#[derive(Debug, Default)]
struct MoneyContext {
    /// The paragraph this context is for.
    paragraph: Option<u32>,
    /// The last dollar named ("HK$" → HKD), or the last dollar or euro for cents.
    dollar: Option<&'static str>,
    /// The currency cents are a hundredth of.
    cents_of: Option<&'static str>,
    /// Whether the paragraph speaks of Japan.
    japan: bool,
    /// Crowns of Sweden or Norway, when the paragraph speaks of them.
    crowns: Option<&'static str>,
}

impl MoneyContext {
    fn for_paragraph(paragraph: u32, text: &str) -> Self {
        let lower = text.to_lowercase();
        let japan = ["yen", "japan", "tokyo", "nikkei", "topix"]
            .iter()
            .any(|c| lower.contains(c));
        let crowns = if lower.contains("swed") {
            Some("SEK")
        } else if lower.contains("norw") {
            Some("NOK")
        } else {
            None
        };
        MoneyContext {
            paragraph: Some(paragraph),
            dollar: None,
            cents_of: None,
            japan,
            crowns,
        }
    }

    /// match_currency_context: settles a figure's ambiguous currency sign from the paragraph
    /// (the rules are stated in [`crate::currencies`]) and remembers named dollars.
    fn settle(&mut self, f: &mut SentenceFigure) {
        match f.ambiguous {
            Some(Ambiguous::NamedDollar) => {
                self.dollar = f.currency;
                self.cents_of = f.currency;
            }
            Some(Ambiguous::Dollar) => {
                if let Some(d) = self.dollar {
                    f.currency = Some(d);
                }
                self.cents_of = f.currency;
            }
            Some(Ambiguous::Yen) if self.japan => f.currency = Some("JPY"),
            Some(Ambiguous::Crowns) => {
                if let Some(c) = self.crowns {
                    f.currency = Some(c);
                }
            }
            Some(Ambiguous::Cents) => {
                if let Some(c) = self.cents_of {
                    f.currency = Some(c);
                }
            }
            _ => {
                if f.currency == Some("EUR") {
                    self.cents_of = Some("EUR");
                }
            }
        }
    }
}

/// Finds the metrics of document `doc` (index `doc_idx`). `places_of` gives, for each
/// sentence, the places named in it (offset in the sentence and name).
pub fn find_metrics(
    doc: &Document,
    doc_idx: u32,
    places_of: &dyn Fn(usize) -> Vec<(usize, String)>,
) -> Vec<Metric> {
    let mut out: Vec<Metric> = Vec::new();
    let mut money = MoneyContext::default();
    for (si, sent) in doc.sentences.iter().enumerate() {
        let text = doc.slice(sent.span);
        if money.paragraph != Some(sent.paragraph) {
            let para = doc
                .paragraphs
                .get(sent.paragraph as usize)
                .map_or("", |p| doc.slice(*p));
            money = MoneyContext::for_paragraph(sent.paragraph, para);
        }
        let offset = sent.span.start as usize;
        let ctx = SentenceContext {
            doc_year: doc.date.year,
            previous_period: out.last().map(|m| &m.period),
            places: places_of(si),
        };
        let (figures, _) = figures_in_sentence(text, &ctx);
        for mut f in figures {
            money.settle(&mut f);
            out.push(Metric {
                value: f.value,
                surface: text[f.start..f.end].to_owned(),
                unit: f.unit,
                currency: f.currency.map(str::to_owned),
                qualifier: f.qualifier,
                kind: f.kind,
                label: f.label,
                period: f.period,
                entities: Vec::new(),
                doc: doc_idx,
                sentence: u32::try_from(si).unwrap_or(u32::MAX),
                span: crate::model::Span::new(offset + f.start, offset + f.end),
                direction: f.direction,
                measure: String::new(),
                conversion_of: None,
            });
            link_conversion(&mut out, text, offset);
        }
    }
    out
}
