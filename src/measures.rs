//! Measures: the figures grouped by what they measure across documents, each measure as a
//! series by period, and the rules that decide when two citations of it cannot both be true.
//!
//! A figure's measure key (`subject|measure|unit family`) comes from extraction. Here a
//! citation becomes an interval of values it allows, in the unit family's comparable scale
//! (money in US dollars through [`money::comparable`]); two citations of one measure and
//! period agree when their intervals meet. Each rule is a named function with its statement.

use std::collections::HashMap;
use std::rc::Rc;

use extract::{Corpus, Direction, Metric, PeriodAspect, PeriodPart, Qualifier};

use crate::money;

/// "about", "around": a figure so hedged allows this fraction either side of its value.
pub const ABOUT_TOLERANCE: f64 = 0.10;

/// "nearly", "almost": a figure so hedged lies at most this fraction below its value.
pub const NEARLY_TOLERANCE: f64 = 0.10;

/// Two figures written in different currencies are compared at one fixed rate, while their
/// authors used the rate of their day: each interval widens by this fraction either side.
pub const CURRENCY_TOLERANCE: f64 = 0.10;

/// Points a measure's sparkline keeps (the latest periods).
pub const SPARK_POINTS: usize = 12;

/// The values a citation allows, in its unit family's comparable scale (inclusive; either
/// end may be infinite).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    /// Smallest value the citation allows.
    pub lo: f64,
    /// Largest value the citation allows.
    pub hi: f64,
}

impl Bounds {
    /// Whether both intervals share a value.
    pub fn meets(self, other: Bounds) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }
}

/// rule_rounding: a figure stands for every value that rounds to it as written, so it is
/// precise to half a unit of its last written digit, times the scale word after it: "3.02
/// million" covers 3.015–3.025 million, "3,024,417" covers ±0.5, "62%" covers 61.5–62.5. A
/// number written in words ("five", "a third") is taken as precise to half a unit of its
/// last significant figure. Returns the half-width in the figure's own unit.
pub fn rule_rounding(surface: &str, value: f64) -> f64 {
    let written = first_numeral(surface);
    match written {
        Some((digits, decimals)) if digits > 0.0 => {
            let half = 0.5 * 10f64.powi(-i32::try_from(decimals).unwrap_or(0));
            half * (value.abs() / digits)
        }
        _ => {
            // Words: half a unit of the value's last significant figure (at most three).
            let v = value.abs();
            if v == 0.0 || !v.is_finite() {
                return 0.5;
            }
            let mut place = 10f64.powf(v.log10().floor());
            for _ in 0..2 {
                if ((v / place) - (v / place).round()).abs() < 1e-9 {
                    break;
                }
                place /= 10.0;
            }
            0.5 * place
        }
    }
}

/// The first numeral written in `surface` (digits with thousands commas and a decimal point)
/// as its value and its number of decimals.
fn first_numeral(surface: &str) -> Option<(f64, usize)> {
    let start = surface.find(|c: char| c.is_ascii_digit())?;
    let rest = &surface[start..];
    let mut text = String::new();
    let mut decimals = None::<usize>;
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        let next_digit = chars.peek().is_some_and(char::is_ascii_digit);
        match c {
            '0'..='9' => {
                text.push(c);
                if let Some(d) = decimals.as_mut() {
                    *d += 1;
                }
            }
            ',' if next_digit && decimals.is_none() => {}
            '.' if next_digit && decimals.is_none() => {
                text.push('.');
                decimals = Some(0);
            }
            _ => break,
        }
    }
    Some((text.parse().ok()?, decimals.unwrap_or(0)))
}

/// rule_qualifier: "more than", "over" and "at least" make a lower bound (no upper limit);
/// "up to", "less than" and "under" make an upper bound (no lower limit); "nearly" means just
/// under the value as written (an upper bound at the value itself) and within
/// [`NEARLY_TOLERANCE`] below it; "about" allows [`ABOUT_TOLERANCE`]
/// either side; an exact figure allows its rounding only. `half` is the rounding half-width.
pub fn rule_qualifier(qualifier: Qualifier, value: f64, half: f64) -> Bounds {
    let v = value.abs();
    match qualifier {
        Qualifier::Exact => Bounds {
            lo: v - half,
            hi: v + half,
        },
        Qualifier::MoreThan | Qualifier::AtLeast => Bounds {
            lo: v - half,
            hi: f64::INFINITY,
        },
        Qualifier::UpTo | Qualifier::LessThan => Bounds {
            lo: f64::NEG_INFINITY,
            hi: v + half,
        },
        Qualifier::Nearly => Bounds {
            lo: v * (1.0 - NEARLY_TOLERANCE) - half,
            hi: v,
        },
        Qualifier::About => Bounds {
            lo: v * (1.0 - ABOUT_TOLERANCE) - half,
            hi: v * (1.0 + ABOUT_TOLERANCE) + half,
        },
    }
}

/// rule_direction: a stated fall is a negative value, so "fell 5%" and "rose 5%" never agree;
/// the interval of a fall is the interval of its magnitude mirrored.
pub fn rule_direction(direction: Direction, b: Bounds) -> Bounds {
    match direction {
        Direction::Down => Bounds {
            lo: -b.hi,
            hi: -b.lo,
        },
        Direction::None | Direction::Up => b,
    }
}

/// rule_units: values are compared on one scale per unit family, money converted to US
/// dollars by the app's one conversion ([`money::comparable`]); a currency without a rate
/// cannot be compared. Percent and percentage points are different families (and measure
/// keys), so they are never compared.
pub fn rule_units(m: &Metric, b: Bounds) -> Option<Bounds> {
    let factor = if m.value == 0.0 {
        1.0
    } else {
        money::comparable(m)? / m.value
    };
    Some(Bounds {
        lo: b.lo * factor,
        hi: b.hi * factor,
    })
}

/// The values citation `m` allows, on its family's comparable scale, by the rules above.
pub fn bounds(m: &Metric) -> Option<Bounds> {
    if !m.value.is_finite() {
        return None;
    }
    let half = rule_rounding(&m.surface, m.value);
    let b = rule_direction(m.direction, rule_qualifier(m.qualifier, m.value, half));
    rule_units(m, b)
}

/// rule_currencies: citations of money in different currencies widen by
/// [`CURRENCY_TOLERANCE`], since the rate each author used is unknown.
pub fn rule_currencies(a: &Metric, b: &Metric, mut x: Bounds, mut y: Bounds) -> (Bounds, Bounds) {
    if a.currency.is_some() && b.currency.is_some() && a.currency != b.currency {
        for z in [&mut x, &mut y] {
            let w = CURRENCY_TOLERANCE * z.lo.abs().max(z.hi.abs()).min(f64::MAX);
            *z = Bounds {
                lo: z.lo - w,
                hi: z.hi + w,
            };
        }
    }
    (x, y)
}

/// rule_agree: two citations of the same measure and period agree when some value satisfies
/// both once rounding, qualifiers, direction and units are applied; citations in different
/// unit families, or with no comparable value, are never said to disagree.
pub fn rule_agree(a: &Metric, b: &Metric) -> bool {
    if a.unit != b.unit {
        return true;
    }
    match (bounds(a), bounds(b)) {
        (Some(x), Some(y)) => {
            let (x, y) = rule_currencies(a, b, x, y);
            x.meets(y)
        }
        _ => true,
    }
}

/// rule_majority: a citation is flagged when it contradicts the value most citations of its
/// measure and period support: the value allowed by the most citations, when one such value
/// (one set of citations) wins outright and at least two citations support it. With no such
/// winner (one against one, two against two), every citation that contradicts another is
/// flagged. `agree(i, j)` says whether citations `i` and `j` agree; `intervals` are their
/// values on one scale. Returns a flag per citation.
pub fn rule_majority(intervals: &[Bounds], agree: impl Fn(usize, usize) -> bool) -> Vec<bool> {
    let n = intervals.len();
    let contradicts = |i: usize| (0..n).any(|j| j != i && !agree(i, j));
    if !(0..n).any(contradicts) {
        return vec![false; n];
    }
    // The best supported value lies at one of the finite ends of the intervals.
    let mut best: Vec<usize> = Vec::new();
    let mut tie = false;
    let points = intervals
        .iter()
        .flat_map(|b| [b.lo, b.hi])
        .filter(|x| x.is_finite());
    for x in points {
        let set: Vec<usize> = (0..n)
            .filter(|&i| intervals[i].lo <= x && x <= intervals[i].hi)
            .collect();
        // Members must also agree pairwise once the currency tolerance is applied.
        let set: Vec<usize> = set
            .iter()
            .copied()
            .filter(|&i| set.iter().all(|&j| i == j || agree(i, j)))
            .collect();
        if set.len() > best.len() {
            best = set;
            tie = false;
        } else if set.len() == best.len() && set != best {
            tie = true;
        }
    }
    if best.len() >= 2 && !tie {
        (0..n).map(|i| !best.contains(&i)).collect()
    } else {
        (0..n).map(contradicts).collect()
    }
}

/// A period's place in time, for ordering: year, then the part's first month, then the
/// aspect (actual before as-of, forecast, target).
pub fn period_order(m: &Metric) -> (i32, u8, u8, i32) {
    let p = &m.period;
    let month = match p.part {
        PeriodPart::Unspecified | PeriodPart::Year => 0,
        PeriodPart::Half(h) => (h.saturating_sub(1)) * 6 + 1,
        PeriodPart::Quarter(q) => (q.saturating_sub(1)) * 3 + 1,
        PeriodPart::Month(m) => m,
    };
    let aspect = match p.aspect {
        PeriodAspect::Actual => 0,
        PeriodAspect::AsOf => 1,
        PeriodAspect::Forecast => 2,
        PeriodAspect::Target => 3,
    };
    (
        p.year.unwrap_or(i32::MIN),
        month,
        aspect,
        p.year_end.unwrap_or(i32::MIN),
    )
}

/// One citation of a measure.
#[derive(Clone, Debug, PartialEq)]
pub struct Citation {
    /// Index into the corpus's metrics.
    pub metric: u32,
    /// The period label ("2024", "March 2024"); empty when the text gives none.
    pub period: String,
    /// The value on the family's comparable scale (signed), when there is one.
    pub value: Option<f64>,
    /// The interval the citation allows.
    pub bounds: Option<Bounds>,
    /// Whether it contradicts the value most citations of its period support.
    pub flagged: bool,
    /// A citation of the same period it contradicts (for the side-by-side view).
    pub against: Option<u32>,
}

/// One measure: its citations by period, with the figures a table row shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    /// The key, `subject|measure|unit family`.
    pub key: String,
    /// The subject's name (empty when none).
    pub subject: String,
    /// What is measured.
    pub what: String,
    /// The unit family.
    pub family: String,
    /// Citations in period order, then corpus order.
    pub citations: Vec<Citation>,
    /// Documents citing it.
    pub n_docs: u32,
    /// Distinct periods (labelled ones).
    pub n_periods: u32,
    /// First and last period labels.
    pub span: Option<(String, String)>,
    /// The latest period's best supported citation.
    pub latest: Option<u32>,
    /// Smallest and largest comparable value cited.
    pub spread: Option<(f64, f64)>,
    /// Flagged citations.
    pub n_flagged: u32,
    /// The median value of each of the latest [`SPARK_POINTS`] periods, oldest first.
    pub spark: Vec<f64>,
}

impl Measure {
    /// The subject and what is measured, for a heading: "BYD · deliveries".
    pub fn title(&self) -> String {
        match (self.subject.is_empty(), self.what.is_empty()) {
            (true, true) => format!("({})", self.family),
            (true, false) => self.what.clone(),
            (false, true) => self.subject.clone(),
            (false, false) => format!("{} · {}", self.subject, self.what),
        }
    }
}

/// The measures of `figures` (metric indices), in key order, and the flagged metrics (sorted).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Measures {
    /// Every measure cited by the figures in view.
    pub list: Vec<Rc<Measure>>,
    /// Metric indices flagged as disagreeing, sorted.
    pub flagged: Vec<u32>,
}

impl Measures {
    /// Whether metric `i` is flagged.
    pub fn is_flagged(&self, i: u32) -> bool {
        self.flagged.binary_search(&i).is_ok()
    }

    /// The measure with `key`.
    pub fn find(&self, key: &str) -> Option<&Rc<Measure>> {
        self.list.iter().find(|m| m.key == key)
    }
}

/// Groups `figures` (metric indices) by measure key and applies the disagreement rules
/// within each measure and period. A conversion written in parentheses after another figure
/// is the same citation, so it is left out; so are figures with no measure key.
pub fn group(corpus: &Corpus, figures: &[u32]) -> Measures {
    let mut by_key: HashMap<&str, Vec<u32>> = HashMap::new();
    for &i in figures {
        let Some(m) = corpus.metrics.get(i as usize) else {
            continue;
        };
        if m.conversion_of.is_some() || m.measure.is_empty() {
            continue;
        }
        by_key.entry(m.measure.as_str()).or_default().push(i);
    }
    let mut keys: Vec<&str> = by_key.keys().copied().collect();
    keys.sort_unstable();
    let mut flagged = Vec::new();
    let list = keys
        .into_iter()
        .map(|key| {
            let measure = build(corpus, key, &by_key[key]);
            flagged.extend(
                measure
                    .citations
                    .iter()
                    .filter(|c| c.flagged)
                    .map(|c| c.metric),
            );
            Rc::new(measure)
        })
        .collect();
    flagged.sort_unstable();
    Measures { list, flagged }
}

fn build(corpus: &Corpus, key: &str, members: &[u32]) -> Measure {
    let metric = |i: u32| &corpus.metrics[i as usize];
    let mut members = members.to_vec();
    members.sort_by_key(|&i| (period_order(metric(i)), i));
    let mut citations: Vec<Citation> = members
        .iter()
        .map(|&i| {
            let m = metric(i);
            let b = bounds(m);
            Citation {
                metric: i,
                period: m.period.label().unwrap_or_default(),
                value: money::comparable(m).map(|v| m.direction.signed(v)),
                bounds: b,
                flagged: false,
                against: None,
            }
        })
        .collect();
    // Within each labelled period, apply the majority rule.
    let mut start = 0;
    let mut latest = None;
    let mut spark = Vec::new();
    let mut n_periods = 0u32;
    while start < citations.len() {
        let period = citations[start].period.clone();
        let end = start
            + citations[start..]
                .iter()
                .take_while(|c| c.period == period)
                .count();
        if !period.is_empty() {
            n_periods += 1;
            let group = &mut citations[start..end];
            let comparable: Vec<usize> = (0..group.len())
                .filter(|&k| group[k].bounds.is_some())
                .collect();
            let intervals: Vec<Bounds> =
                comparable.iter().filter_map(|&k| group[k].bounds).collect();
            // Each pair is judged once: the majority rule asks about the same pairs many
            // times, and judging a pair reads both figures' written precision.
            let n = comparable.len();
            let mut agrees = vec![true; n * n];
            for x in 0..n {
                for y in x + 1..n {
                    let a = rule_agree(
                        metric(group[comparable[x]].metric),
                        metric(group[comparable[y]].metric),
                    );
                    agrees[x * n + y] = a;
                    agrees[y * n + x] = a;
                }
            }
            let agree = |x: usize, y: usize| agrees[x * n + y];
            let flags = rule_majority(&intervals, agree);
            for (x, &k) in comparable.iter().enumerate() {
                if flags[x] {
                    let other = comparable
                        .iter()
                        .enumerate()
                        .find(|&(y, _)| y != x && !agree(x, y));
                    group[k].flagged = true;
                    group[k].against = other.map(|(_, &j)| group[j].metric);
                }
            }
            let supported: Vec<&Citation> = group.iter().filter(|c| !c.flagged).collect();
            latest = supported
                .first()
                .or(group.first().as_ref())
                .map(|c| c.metric);
            let mut values: Vec<f64> = group.iter().filter_map(|c| c.value).collect();
            values.sort_by(f64::total_cmp);
            if let Some(&mid) = values.get(values.len() / 2) {
                spark.push(mid);
            }
        }
        start = end;
    }
    if spark.len() > SPARK_POINTS {
        spark.drain(..spark.len() - SPARK_POINTS);
    }
    let mut docs: Vec<u32> = members.iter().map(|&i| metric(i).doc).collect();
    docs.sort_unstable();
    docs.dedup();
    let labelled: Vec<&str> = citations
        .iter()
        .map(|c| c.period.as_str())
        .filter(|p| !p.is_empty())
        .collect();
    let span = labelled
        .first()
        .zip(labelled.last())
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()));
    let spread = citations
        .iter()
        .filter_map(|c| c.value)
        .fold(None, |acc: Option<(f64, f64)>, v| {
            Some(acc.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v))))
        });
    let mut parts = key.splitn(3, '|');
    let subject_id = parts.next().unwrap_or("");
    let what = parts.next().unwrap_or("").to_owned();
    let family = parts.next().unwrap_or("").to_owned();
    let subject = corpus
        .entities
        .iter()
        .find(|e| e.id == subject_id)
        .map_or_else(|| subject_id.to_owned(), |e| e.name.clone());
    let n_flagged = u32::try_from(citations.iter().filter(|c| c.flagged).count()).unwrap_or(0);
    Measure {
        key: key.to_owned(),
        subject,
        what,
        family,
        n_docs: u32::try_from(docs.len()).unwrap_or(u32::MAX),
        n_periods,
        span,
        latest,
        spread,
        n_flagged,
        spark,
        citations,
    }
}

/// How the measures table is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum MeasureSort {
    /// Most cited first.
    #[default]
    Figures,
    /// Most documents first.
    Documents,
    /// Most periods first.
    Periods,
    /// Most disagreements first.
    Disagreements,
    /// By name.
    Name,
}

impl MeasureSort {
    /// Every order, in the sort menu's order.
    pub const ALL: [MeasureSort; 5] = [
        MeasureSort::Figures,
        MeasureSort::Documents,
        MeasureSort::Periods,
        MeasureSort::Disagreements,
        MeasureSort::Name,
    ];

    /// The key used in the sort menu.
    pub fn key(self) -> &'static str {
        match self {
            MeasureSort::Figures => "figures",
            MeasureSort::Documents => "documents",
            MeasureSort::Periods => "periods",
            MeasureSort::Disagreements => "disagreements",
            MeasureSort::Name => "name",
        }
    }

    /// The order with this key.
    pub fn from_key(key: &str) -> Option<MeasureSort> {
        MeasureSort::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// The positions in `list` of the measures whose title or key contains every word of
/// `query` (ignoring case), in the order `sort` asks for.
pub fn search(list: &[Rc<Measure>], query: &str, sort: MeasureSort) -> Vec<usize> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let mut found: Vec<usize> = (0..list.len())
        .filter(|&i| {
            let hay = format!("{} {}", list[i].title(), list[i].key).to_lowercase();
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .collect();
    let n = |m: &Measure| u32::try_from(m.citations.len()).unwrap_or(u32::MAX);
    found.sort_by(|&a, &b| {
        let (x, y) = (&list[a], &list[b]);
        let by = match sort {
            MeasureSort::Figures => n(y).cmp(&n(x)),
            MeasureSort::Documents => y.n_docs.cmp(&x.n_docs),
            MeasureSort::Periods => y.n_periods.cmp(&x.n_periods),
            MeasureSort::Disagreements => y.n_flagged.cmp(&x.n_flagged),
            MeasureSort::Name => x.title().to_lowercase().cmp(&y.title().to_lowercase()),
        };
        by.then_with(|| n(y).cmp(&n(x)))
            .then_with(|| x.key.cmp(&y.key))
    });
    found
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
