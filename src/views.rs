//! Derived views: which figures and events pass the filter, the facet counts, the table order.
//!
//! One pass over the figures computes everything, so a filter change costs time linear in
//! the corpus. Facet counts are disjunctive, as in most faceted search: the count beside a
//! value is how many figures the view would hold with that value chosen, given every
//! *other* facet as it stands. That way counts change with the filter, and a count of zero
//! warns before a click that it would empty the view.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use extract::{Corpus, Metric, Sector, Unit};

use crate::index::CorpusIndex;
use crate::money;
use crate::state::{Column, FigureKey, Filter, Match, Scope, Sort};

/// Longest year range a single figure adds to the year counts; guards against a stray
/// "from 1 to 9999" making the count loop long.
const MAX_YEARS_PER_FIGURE: i32 = 60;

/// A filter with ids resolved to positions in one corpus.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Resolved {
    entities: Vec<u32>,
    mode: Match,
    scope: Scope,
    sectors: Vec<Sector>,
    docs: Vec<u32>,
    years: Option<(i32, i32)>,
    units: Vec<Unit>,
}

impl Resolved {
    /// Resolves `filter` against `index`. Ids the corpus does not have are dropped: the URL
    /// decoder has already told the reader about them.
    pub fn new(filter: &Filter, index: &CorpusIndex) -> Self {
        let mut entities: Vec<u32> = filter
            .entities
            .iter()
            .filter_map(|id| index.entity(id))
            .collect();
        entities.sort_unstable();
        let mut docs: Vec<u32> = filter.docs.iter().filter_map(|id| index.doc(id)).collect();
        docs.sort_unstable();
        Self {
            entities,
            mode: filter.mode,
            scope: filter.scope,
            sectors: filter.sectors.iter().copied().collect(),
            docs,
            years: filter.years,
            units: filter.units.iter().copied().collect(),
        }
    }

    fn entities_pass(&self, index: &CorpusIndex, doc: u32, sentence: u32) -> bool {
        if self.entities.is_empty() {
            return true;
        }
        let around = index.entities_in(self.scope, doc, sentence);
        let has = |e: &u32| around.binary_search(e).is_ok();
        match self.mode {
            Match::Any => self.entities.iter().any(has),
            Match::All => self.entities.iter().all(has),
        }
    }

    fn sectors_pass(&self, index: &CorpusIndex, doc: u32, sentence: u32) -> bool {
        self.sectors.is_empty()
            || index
                .sectors_of(doc, sentence)
                .iter()
                .any(|s| self.sectors.contains(s))
    }

    fn doc_passes(&self, doc: u32) -> bool {
        self.docs.is_empty() || self.docs.binary_search(&doc).is_ok()
    }

    fn years_pass(&self, span: Option<(i32, i32)>) -> bool {
        match (self.years, span) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some((lo, hi)), Some((a, b))) => a <= hi && lo <= b,
        }
    }

    fn unit_passes(&self, unit: Unit) -> bool {
        self.units.is_empty() || self.units.contains(&unit)
    }
}

/// The years a figure refers to, first and last.
pub fn metric_years(m: &Metric) -> Option<(i32, i32)> {
    m.period
        .year
        .map(|y| (y, m.period.year_end.unwrap_or(y).max(y)))
}

/// What the filter lets through, and the counts beside every facet value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct View {
    /// Metric indices that pass, in corpus order.
    pub figures: Vec<u32>,
    /// Event indices that pass (the unit facet does not apply to events).
    pub events: Vec<u32>,
    /// Per entity: figures the view would hold with this entity chosen.
    pub entity_figures: Vec<u32>,
    /// Per entity: its mentions in the documents and sectors the filter allows.
    pub entity_mentions: Vec<u32>,
    /// Per sector, in [`Sector::ALL`] order.
    pub sector_counts: Vec<u32>,
    /// Per document.
    pub doc_counts: Vec<u32>,
    /// Per unit family, in [`Unit::ALL`] order.
    pub unit_counts: Vec<u32>,
    /// Per year.
    pub year_counts: BTreeMap<i32, u32>,
    /// Figures that pass every other facet but have no year, so a year range hides them.
    pub hidden_without_year: u32,
}

fn sector_pos(s: Sector) -> usize {
    Sector::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

fn unit_pos(u: Unit) -> usize {
    Unit::ALL.iter().position(|x| *x == u).unwrap_or(0)
}

/// Computes the view of `corpus` under `filter`.
pub fn compute(corpus: &Corpus, index: &CorpusIndex, filter: &Resolved) -> View {
    let mut view = View {
        entity_figures: vec![0; corpus.entities.len()],
        entity_mentions: vec![0; corpus.entities.len()],
        sector_counts: vec![0; Sector::ALL.len()],
        doc_counts: vec![0; corpus.documents.len()],
        unit_counts: vec![0; Unit::ALL.len()],
        ..View::default()
    };
    for (i, m) in corpus.metrics.iter().enumerate() {
        let years = metric_years(m);
        let pe = filter.entities_pass(index, m.doc, m.sentence);
        let ps = filter.sectors_pass(index, m.doc, m.sentence);
        let pd = filter.doc_passes(m.doc);
        let py = filter.years_pass(years);
        let pu = filter.unit_passes(m.unit);
        let all = pe && ps && pd && py && pu;
        if all {
            view.figures.push(u32::try_from(i).unwrap_or(u32::MAX));
        }
        if pe && ps && pd && py {
            view.unit_counts[unit_pos(m.unit)] += 1;
        }
        if pe && ps && py && pu {
            if let Some(c) = view.doc_counts.get_mut(m.doc as usize) {
                *c += 1;
            }
        }
        if pe && pd && py && pu {
            for s in index.sectors_of(m.doc, m.sentence) {
                view.sector_counts[sector_pos(*s)] += 1;
            }
        }
        if pe && ps && pd && pu {
            match years {
                Some((a, b)) => {
                    for y in a..=b.min(a + MAX_YEARS_PER_FIGURE) {
                        *view.year_counts.entry(y).or_default() += 1;
                    }
                }
                None if filter.years.is_some() => view.hidden_without_year += 1,
                None => {}
            }
        }
        // Any: a figure counts for every entity around it, whatever else is chosen.
        // All: only figures that already have every chosen entity count, since choosing
        // one more can only narrow them.
        let entity_context = ps && pd && py && pu && (filter.mode == Match::Any || pe);
        if entity_context {
            for &e in index.entities_in(filter.scope, m.doc, m.sentence) {
                if let Some(c) = view.entity_figures.get_mut(e as usize) {
                    *c += 1;
                }
            }
        }
    }
    for (i, e) in corpus.events.iter().enumerate() {
        if filter.entities_pass(index, e.doc, e.sentence)
            && filter.sectors_pass(index, e.doc, e.sentence)
            && filter.doc_passes(e.doc)
            && filter.years_pass(Some((e.year, e.year)))
        {
            view.events.push(u32::try_from(i).unwrap_or(u32::MAX));
        }
    }
    for (e, entity) in corpus.entities.iter().enumerate() {
        view.entity_mentions[e] = entity
            .mentions
            .iter()
            .filter(|m| filter.doc_passes(m.doc) && filter.sectors_pass(index, m.doc, m.sentence))
            .count()
            .try_into()
            .unwrap_or(u32::MAX);
    }
    view
}

/// The URL name of metric `i`.
pub fn figure_key(corpus: &Corpus, i: u32) -> Option<FigureKey> {
    let m = corpus.metrics.get(i as usize)?;
    let doc = corpus.documents.get(m.doc as usize)?;
    Some(FigureKey {
        doc: doc.id.clone(),
        start: m.span.start,
    })
}

/// The metric a URL names.
pub fn find_figure(index: &CorpusIndex, key: &FigureKey) -> Option<u32> {
    index.metric_at(index.doc(&key.doc)?, key.start)
}

/// A figure's value on a scale comparable within its unit family: money in US dollars
/// (unconvertible currencies keep their raw value and sort after).
pub fn comparable_value(m: &Metric) -> f64 {
    match (m.unit, m.currency.as_deref()) {
        (Unit::Currency, Some(code)) => money::to_usd(m.value, code).unwrap_or(m.value),
        _ => m.value,
    }
}

/// The entity names of a figure, joined for display and sorting.
pub fn entity_names(corpus: &Corpus, m: &Metric) -> String {
    m.entities
        .iter()
        .filter_map(|&e| corpus.entities.get(e as usize))
        .map(|e| e.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `figures` in table order. Ties keep corpus order, so the order is stable.
pub fn sort_figures(corpus: &Corpus, figures: &[u32], sort: Sort) -> Vec<u32> {
    let mut rows = figures.to_vec();
    let metric = |i: u32| &corpus.metrics[i as usize];
    let by = |a: &u32, b: &u32| -> Ordering {
        let (ma, mb) = (metric(*a), metric(*b));
        match sort.column {
            Column::Value => unit_pos(ma.unit).cmp(&unit_pos(mb.unit)).then(
                comparable_value(ma)
                    .partial_cmp(&comparable_value(mb))
                    .unwrap_or(Ordering::Equal),
            ),
            Column::Unit => unit_pos(ma.unit)
                .cmp(&unit_pos(mb.unit))
                .then_with(|| ma.currency.cmp(&mb.currency)),
            Column::Qualifier => ma.qualifier.cmp(&mb.qualifier),
            Column::Label => ma.label.to_lowercase().cmp(&mb.label.to_lowercase()),
            Column::Period => (ma.period.year.is_none(), ma.period.year, ma.period.year_end)
                .cmp(&(mb.period.year.is_none(), mb.period.year, mb.period.year_end)),
            Column::Entities => {
                let (ea, eb) = (entity_names(corpus, ma), entity_names(corpus, mb));
                (ea.is_empty(), ea.to_lowercase()).cmp(&(eb.is_empty(), eb.to_lowercase()))
            }
            Column::Quote => quote(corpus, ma).cmp(quote(corpus, mb)),
            Column::Document => (ma.doc, ma.span.start).cmp(&(mb.doc, mb.span.start)),
        }
    };
    rows.sort_by(|a, b| {
        let o = by(a, b);
        let o = if sort.descending { o.reverse() } else { o };
        o.then(a.cmp(b))
    });
    rows
}

/// The sentence a figure comes from.
pub fn quote<'c>(corpus: &'c Corpus, m: &Metric) -> &'c str {
    corpus
        .documents
        .get(m.doc as usize)
        .map_or("", |d| d.sentence_text(m.sentence as usize))
}

/// Whether `entity` matches the facet search box: its name or any alias contains every
/// word of the query, ignoring case.
pub fn entity_matches(entity: &extract::Entity, query: &str) -> bool {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return true;
    }
    let haystack = std::iter::once(&entity.name)
        .chain(entity.aliases.iter())
        .map(|s| s.to_lowercase())
        .collect::<Vec<_>>()
        .join(" | ");
    query.split_whitespace().all(|w| haystack.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    fn view_of(filter: &Filter) -> (Corpus, View) {
        let corpus = fixture::corpus();
        let index = CorpusIndex::new(&corpus);
        let view = compute(&corpus, &index, &Resolved::new(filter, &index));
        (corpus, view)
    }

    fn labels(corpus: &Corpus, view: &View) -> Vec<String> {
        view.figures
            .iter()
            .map(|&i| corpus.metrics[i as usize].surface.clone())
            .collect()
    }

    fn filter(entities: &[&str], mode: Match, scope: Scope) -> Filter {
        Filter {
            entities: entities.iter().map(|s| (*s).to_owned()).collect(),
            mode,
            scope,
            ..Filter::default()
        }
    }

    #[test]
    fn empty_filter_keeps_everything() {
        let (corpus, view) = view_of(&Filter::default());
        assert_eq!(view.figures.len(), corpus.metrics.len());
        assert_eq!(view.events.len(), corpus.events.len());
        assert_eq!(view.unit_counts, [2, 1, 4, 2, 0]);
        assert_eq!(view.doc_counts, [3, 4, 2]);
    }

    #[test]
    fn entity_any_in_sentence() {
        let (corpus, view) = view_of(&filter(&["huawei", "byd"], Match::Any, Scope::Sentence));
        assert_eq!(
            labels(&corpus, &view),
            [
                "50 million",
                "more than 100,000",
                "36.2%",
                "up to 3 million"
            ]
        );
    }

    #[test]
    fn entity_all_in_sentence_and_paragraph_and_document() {
        let (corpus, view) = view_of(&filter(&["huawei", "byd"], Match::All, Scope::Sentence));
        assert_eq!(labels(&corpus, &view), ["more than 100,000"]);
        // In beta, Huawei (p0) and BYD (p1) share no paragraph.
        let (corpus, view) = view_of(&filter(&["huawei", "byd"], Match::All, Scope::Paragraph));
        assert_eq!(labels(&corpus, &view), ["more than 100,000"]);
        // ...but share the document, as in alpha.
        let (corpus, view) = view_of(&filter(&["huawei", "byd"], Match::All, Scope::Document));
        assert_eq!(view.figures.len(), 7, "{:?}", labels(&corpus, &view));
    }

    #[test]
    fn paragraph_scope_widens_sentence_scope() {
        let (corpus, view) = view_of(&filter(&["huawei"], Match::Any, Scope::Paragraph));
        assert_eq!(
            labels(&corpus, &view),
            [
                "50 million",
                "858.8 billion yuan",
                "more than 100,000",
                "34.8%",
                "36.2%"
            ]
        );
    }

    #[test]
    fn counts_follow_the_filter() {
        let (_, view) = view_of(&filter(&["byd"], Match::Any, Scope::Sentence));
        // Units: BYD's sentences hold two counts.
        assert_eq!(view.unit_counts, [0, 0, 2, 0, 0]);
        // Any mode: entity counts ignore the entity facet itself.
        assert_eq!(view.entity_figures, [3, 2, 1]);
        // All mode: counts are what adding the entity would leave.
        let (_, view) = view_of(&filter(&["byd"], Match::All, Scope::Sentence));
        assert_eq!(view.entity_figures, [1, 2, 0]);
        // Mentions are not narrowed by entities, only by documents and sectors.
        let f = Filter {
            docs: ["beta".to_owned()].into(),
            ..Filter::default()
        };
        let (_, view) = view_of(&f);
        assert_eq!(view.entity_mentions, [1, 1, 0]);
        assert_eq!(view.doc_counts, [3, 4, 2], "the doc facet ignores itself");
        assert_eq!(view.unit_counts, [2, 1, 1, 0, 0]);
    }

    #[test]
    fn years_overlap_and_hide_yearless_figures() {
        let f = Filter {
            years: Some((2020, 2022)),
            ..Filter::default()
        };
        let (corpus, view) = view_of(&f);
        assert_eq!(
            labels(&corpus, &view),
            ["36.2%", "2.5 percentage points", "about 90"]
        );
        assert_eq!(view.hidden_without_year, 2);
        assert_eq!(view.year_counts.get(&2019), Some(&3));
        assert_eq!(view.events.len(), 2);
    }

    #[test]
    fn sectors_and_units_combine() {
        let f = Filter {
            sectors: [Sector::DigitalEconomy].into(),
            units: [Unit::Percent].into(),
            ..Filter::default()
        };
        let (corpus, view) = view_of(&f);
        assert_eq!(labels(&corpus, &view), ["34.8%", "36.2%"]);
        let de = Sector::ALL
            .iter()
            .position(|s| *s == Sector::DigitalEconomy)
            .expect("listed");
        assert_eq!(view.sector_counts[de], 2);
        assert_eq!(view.unit_counts, [2, 1, 0, 0, 0]);
    }

    #[test]
    fn unknown_ids_filter_nothing_out() {
        let (corpus, view) = view_of(&filter(&["nobody"], Match::All, Scope::Sentence));
        assert_eq!(view.figures.len(), corpus.metrics.len());
    }

    #[test]
    fn sorting_by_value_compares_money_in_dollars() {
        let corpus = fixture::corpus();
        let all: Vec<u32> = (0..corpus.metrics.len() as u32).collect();
        let sort = Sort {
            column: Column::Value,
            descending: true,
        };
        let rows = sort_figures(&corpus, &all, sort);
        let surfaces: Vec<&str> = rows
            .iter()
            .map(|&i| corpus.metrics[i as usize].surface.as_str())
            .collect();
        // Descending reverses the unit order too: money first, largest first within it
        // (858.8bn yuan ≈ $118bn beats $1.5bn), percentages last.
        assert_eq!(surfaces[..2], ["858.8 billion yuan", "$1.5 billion"]);
        assert_eq!(surfaces[surfaces.len() - 1], "34.8%");
    }

    #[test]
    fn figure_keys_round_trip() {
        let corpus = fixture::corpus();
        let index = CorpusIndex::new(&corpus);
        for i in 0..corpus.metrics.len() as u32 {
            let key = figure_key(&corpus, i).expect("key");
            assert_eq!(find_figure(&index, &key), Some(i));
        }
    }

    #[test]
    fn entity_search_uses_names_and_aliases() {
        let corpus = fixture::corpus();
        assert!(entity_matches(&corpus.entities[1], "auto"));
        assert!(entity_matches(&corpus.entities[0], "HUAWEI tech"));
        assert!(!entity_matches(&corpus.entities[2], "byd"));
        assert!(entity_matches(&corpus.entities[2], "  "));
    }
}
