//! Measures: the figures grouped by what they measure across documents, each measure as a
//! series by period, and the rules that decide when two citations of it cannot both be true.
//!
//! A figure's measure key (`subject|measure|unit family`) comes from extraction. Here a
//! citation becomes an interval of values it allows, in the unit family's comparable scale
//! (money in US dollars through [`money::comparable`]); two citations of one measure and
//! period agree when their intervals meet. Each rule is a named function with its statement.

use std::collections::HashMap;
use std::rc::Rc;

use extract::{Corpus, Direction, Metric, MetricKind, PeriodAspect, PeriodPart, Qualifier};

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
    agree_within(a, b, bounds(a), bounds(b))
}

/// [`rule_agree`] over bounds already computed by [`bounds`]: judging a pair then reads
/// neither figure's text, which is what lets a whole corpus be judged once at start-up.
pub fn agree_within(a: &Metric, b: &Metric, x: Option<Bounds>, y: Option<Bounds>) -> bool {
    if a.unit != b.unit {
        return true;
    }
    match (x, y) {
        (Some(x), Some(y)) => {
            let (x, y) = rule_currencies(a, b, x, y);
            x.meets(y)
        }
        _ => true,
    }
}

/// rule_measure_key: a key names a measure only when it has a subject AND something measured
/// (`byd|deliveries|count`). A key with an empty part (`apple||currency`, `|revenue|currency`)
/// would lump together every unlabelled figure of one company, or the revenue of every
/// company, so figures with such keys belong to no measure. Returns the subject id, what is
/// measured and the unit family.
pub fn rule_measure_key(key: &str) -> Option<(&str, &str, &str)> {
    let mut parts = key.splitn(3, '|');
    let subject = parts.next()?.trim();
    let what = parts.next()?.trim();
    let family = parts.next()?.trim();
    (!subject.is_empty() && !what.is_empty() && !family.is_empty())
        .then_some((subject, what, family))
}

/// rule_same_reading: two citations are judged against each other only when they read the
/// same measure over the same period in the same way: the same period label (year, part of
/// year, and whether actual, as of, forecast or target) and the same kind of figure (a level,
/// a change or a share). "Sales rose by 5,000" and "sales reached 20,000" are not rivals.
pub fn rule_same_reading(a: &Metric, b: &Metric) -> bool {
    a.kind == b.kind && a.period.label().is_some() && a.period.label() == b.period.label()
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

/// The measures of the figures in view: every measure at least one of them cites, in key
/// order, with how many of its citations are in view. A measure and its flags are facts about
/// the whole corpus (see [`MeasureIndex`]); the filter only chooses which measures are listed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Measures {
    /// Every measure cited by the figures in view.
    pub list: Vec<Rc<Measure>>,
    /// Per measure in `list`: its citations among the figures in view.
    pub in_view: Vec<u32>,
    /// Metric indices flagged as disagreeing anywhere in the corpus, sorted.
    pub flagged: Rc<[u32]>,
}

impl Measures {
    /// Whether metric `i` is flagged.
    pub fn is_flagged(&self, i: u32) -> bool {
        self.flagged.binary_search(&i).is_ok()
    }

    /// The measure with `key`.
    pub fn find(&self, key: &str) -> Option<&Rc<Measure>> {
        self.list
            .binary_search_by(|m| m.key.as_str().cmp(key))
            .ok()
            .map(|i| &self.list[i])
    }
}

/// Every measure of a corpus, grouped and judged once when the corpus is indexed (and again
/// only when the corpus changes, as when a reader's own articles join it). A disagreement is
/// a fact about the corpus, not about the filter: the flags do not move when facets change,
/// and a filter change only selects measures, in time linear in the figures in view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MeasureIndex {
    /// Every measure, in key order.
    pub list: Vec<Rc<Measure>>,
    /// Per metric: the position of its measure in `list`, or `u32::MAX` for none.
    of_metric: Vec<u32>,
    /// Metric indices flagged as disagreeing, sorted.
    pub flagged: Rc<[u32]>,
}

impl MeasureIndex {
    /// Groups and judges every figure of `corpus`.
    pub fn new(corpus: &Corpus) -> Self {
        let all: Vec<u32> = (0..u32::try_from(corpus.metrics.len()).unwrap_or(u32::MAX)).collect();
        let grouped = group(corpus, &all);
        let mut of_metric = vec![u32::MAX; corpus.metrics.len()];
        for (k, m) in grouped.list.iter().enumerate() {
            for c in &m.citations {
                if let Some(slot) = of_metric.get_mut(c.metric as usize) {
                    *slot = u32::try_from(k).unwrap_or(u32::MAX);
                }
            }
        }
        Self {
            list: grouped.list,
            of_metric,
            flagged: grouped.flagged,
        }
    }

    /// The measure metric `i` cites, if any.
    pub fn measure_of(&self, i: u32) -> Option<&Rc<Measure>> {
        let k = *self.of_metric.get(i as usize)?;
        self.list.get(k as usize)
    }

    /// The measures cited by `figures` (metric indices), with their counts in view.
    pub fn select(&self, figures: &[u32]) -> Measures {
        let mut hits: Vec<u32> = figures
            .iter()
            .filter_map(|&i| self.of_metric.get(i as usize).copied())
            .filter(|&k| k != u32::MAX)
            .collect();
        hits.sort_unstable();
        let mut list = Vec::new();
        let mut in_view = Vec::new();
        for run in hits.chunk_by(|a, b| a == b) {
            if let Some(m) = self.list.get(run[0] as usize) {
                list.push(m.clone());
                in_view.push(u32::try_from(run.len()).unwrap_or(u32::MAX));
            }
        }
        Measures {
            list,
            in_view,
            flagged: self.flagged.clone(),
        }
    }
}

/// Groups `figures` (metric indices) by measure key and applies the disagreement rules
/// within each measure and reading ([`rule_same_reading`]). A conversion written in
/// parentheses after another figure is the same citation, so it is left out; so are figures
/// whose key names no measure ([`rule_measure_key`]).
pub fn group(corpus: &Corpus, figures: &[u32]) -> Measures {
    let mut by_key: HashMap<&str, Vec<u32>> = HashMap::new();
    for &i in figures {
        let Some(m) = corpus.metrics.get(i as usize) else {
            continue;
        };
        if m.conversion_of.is_some() || rule_measure_key(&m.measure).is_none() {
            continue;
        }
        by_key.entry(m.measure.as_str()).or_default().push(i);
    }
    let mut keys: Vec<&str> = by_key.keys().copied().collect();
    keys.sort_unstable();
    let names: HashMap<&str, &str> = corpus
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e.name.as_str()))
        .collect();
    let mut flagged = Vec::new();
    let mut in_view = Vec::new();
    let list = keys
        .into_iter()
        .map(|key| {
            let measure = build(corpus, &names, key, &by_key[key]);
            flagged.extend(
                measure
                    .citations
                    .iter()
                    .filter(|c| c.flagged)
                    .map(|c| c.metric),
            );
            in_view.push(u32::try_from(measure.citations.len()).unwrap_or(u32::MAX));
            Rc::new(measure)
        })
        .collect();
    flagged.sort_unstable();
    Measures {
        list,
        in_view,
        flagged: flagged.into(),
    }
}

fn build(corpus: &Corpus, names: &HashMap<&str, &str>, key: &str, members: &[u32]) -> Measure {
    let metric = |i: u32| &corpus.metrics[i as usize];
    // Each figure's period label and bounds are computed once: judging pairs then reads
    // neither text nor label again.
    let mut citations: Vec<Citation> = members
        .iter()
        .map(|&i| {
            let m = metric(i);
            Citation {
                metric: i,
                period: m.period.label().unwrap_or_default(),
                value: money::comparable(m).map(|v| m.direction.signed(v)),
                bounds: bounds(m),
                flagged: false,
                against: None,
            }
        })
        .collect();
    citations.sort_by(|a, b| {
        let (x, y) = (metric(a.metric), metric(b.metric));
        period_order(x)
            .cmp(&period_order(y))
            .then_with(|| a.period.cmp(&b.period))
            .then_with(|| kind_order(x.kind).cmp(&kind_order(y.kind)))
            .then_with(|| a.metric.cmp(&b.metric))
    });
    // Within each labelled period, each kind of figure is one reading: apply the majority
    // rule to it.
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
            let mut from = start;
            while from < end {
                let kind = metric(citations[from].metric).kind;
                let to = from
                    + citations[from..end]
                        .iter()
                        .take_while(|c| metric(c.metric).kind == kind)
                        .count();
                judge(corpus, &mut citations[from..to]);
                from = to;
            }
            let group = &citations[start..end];
            latest = group
                .iter()
                .find(|c| !c.flagged)
                .or(group.first())
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
    let (subject_id, what, family) = rule_measure_key(key).unwrap_or(("", "", ""));
    let subject = names
        .get(subject_id)
        .map_or(subject_id, |name| *name)
        .to_owned();
    let n_flagged = u32::try_from(citations.iter().filter(|c| c.flagged).count()).unwrap_or(0);
    Measure {
        key: key.to_owned(),
        subject,
        what: what.to_owned(),
        family: family.to_owned(),
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

/// The order of kinds within a period: levels, changes, shares.
fn kind_order(kind: MetricKind) -> u8 {
    match kind {
        MetricKind::Level => 0,
        MetricKind::Change => 1,
        MetricKind::Share => 2,
    }
}

/// Applies the majority rule to the citations of one reading (one measure, period and kind).
/// Each pair is judged once, on bounds computed once per figure.
fn judge(corpus: &Corpus, group: &mut [Citation]) {
    let metric = |i: u32| &corpus.metrics[i as usize];
    let comparable: Vec<usize> = (0..group.len())
        .filter(|&k| group[k].bounds.is_some())
        .collect();
    let n = comparable.len();
    if n < 2 {
        return;
    }
    let intervals: Vec<Bounds> = comparable.iter().filter_map(|&k| group[k].bounds).collect();
    let mut agrees = vec![true; n * n];
    for x in 0..n {
        for y in x + 1..n {
            let (a, b) = (&group[comparable[x]], &group[comparable[y]]);
            let ok = agree_within(metric(a.metric), metric(b.metric), a.bounds, b.bounds);
            agrees[x * n + y] = ok;
            agrees[y * n + x] = ok;
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
            let against = other.map(|(_, &j)| group[j].metric);
            group[k].flagged = true;
            group[k].against = against;
        }
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
