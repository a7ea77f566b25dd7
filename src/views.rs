//! Derived views: which figures and events pass the filter, the facet counts, the table order,
//! and [`derive`], which turns them into everything the dashboard renders ([`Derived`]).
//!
//! One pass over the figures computes everything, so a filter change costs time linear in
//! the corpus. Facet counts are disjunctive, as in most faceted search: the count beside a
//! value is how many figures the view would hold with that value chosen, given every
//! *other* facet as it stands. That way counts change with the filter, and a count of zero
//! warns before a click that it would empty the view.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::rc::Rc;

use extract::{Corpus, EntityKind, Metric, Sector, Unit};

use crate::charts::{figures, heatmap, series, timeline, ChartSpec, Colours};
use crate::data::CorpusHandle;
use crate::index::CorpusIndex;
use crate::measures::{self, Measures};
use crate::money;
use crate::state::{Action, Column, FigureKey, Filter, Match, Scope, Sort};

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

/// The years a figure refers to, first and last: the one year-range rule (a range that ends
/// before it starts is read as its first year).
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
    // With no document or sector chosen every mention counts: no need to look at them.
    let every_mention = filter.docs.is_empty() && filter.sectors.is_empty();
    for (e, entity) in corpus.entities.iter().enumerate() {
        if every_mention {
            view.entity_mentions[e] = u32::try_from(entity.mentions.len()).unwrap_or(u32::MAX);
            continue;
        }
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

/// Entities listed per kind, and documents listed, before the reader searches.
pub const SHORT_LIST: usize = 8;

/// One facet value with its count under the filter.
#[derive(Clone, Debug, PartialEq)]
pub struct FacetRow<T> {
    /// The value.
    pub value: T,
    /// Figures the view would hold with it chosen.
    pub count: u32,
    /// Whether the filter has it.
    pub checked: bool,
}

/// The entities of one kind, in the order the facet lists them.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityGroup {
    /// The kind.
    pub kind: EntityKind,
    /// Entity indices: chosen first, then most mentioned; every entity of the kind.
    pub members: Vec<u32>,
}

/// The year facet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct YearFacet {
    /// Every year of the corpus with its count.
    pub options: Vec<(i32, u32)>,
    /// The range selected (the whole span when none is).
    pub from: i32,
    /// See `from`.
    pub to: i32,
    /// The corpus's span, which means "no constraint".
    pub bounds: Option<(i32, i32)>,
    /// Figures hidden by the range for having no year.
    pub hidden_without_year: u32,
}

/// The charts of a view, ready to draw.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Charts {
    /// One per unit family in view.
    pub figures: Vec<Rc<ChartSpec>>,
    /// The timeline.
    pub timeline: Option<Rc<ChartSpec>>,
    /// Entity mentions by document.
    pub heat: Option<Rc<ChartSpec>>,
    /// Series across documents and years.
    pub series: Vec<Rc<ChartSpec>>,
}

/// Everything the dashboard shows for one filter and sort, derived in one place. Components
/// render it; none of them derives anything.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Derived {
    /// The filter with ids resolved.
    pub filter: Resolved,
    /// What passes and the counts.
    pub view: View,
    /// Figures in the corpus.
    pub total: usize,
    /// The entity facet, by kind.
    pub entity_groups: Vec<EntityGroup>,
    /// Sectors with evidence in the corpus (or chosen).
    pub sectors: Vec<FacetRow<Sector>>,
    /// Documents: chosen first, then by count, then corpus order; every document.
    pub docs: Vec<u32>,
    /// The year facet.
    pub years: YearFacet,
    /// Unit families.
    pub units: Vec<FacetRow<Unit>>,
    /// Active filters as removable chips.
    pub chips: Vec<(String, Action)>,
    /// What to offer when nothing matches.
    pub offers: Vec<(String, Action)>,
    /// What the colours mean.
    pub colours: Colours,
    /// The charts.
    pub charts: Charts,
    /// Figure indices in table order.
    pub rows: Vec<u32>,
    /// The figures in view grouped by measure, with their disagreements.
    pub measures: Rc<Measures>,
}

impl Derived {
    /// Whether entity `e` is chosen.
    pub fn entity_chosen(&self, e: u32) -> bool {
        self.filter.entities.binary_search(&e).is_ok()
    }

    /// Whether document `d` is chosen.
    pub fn doc_chosen(&self, d: u32) -> bool {
        self.filter.docs.binary_search(&d).is_ok()
    }

    /// Documents in view: the chosen ones, or all.
    pub fn docs_in_view(&self) -> Vec<u32> {
        if self.filter.docs.is_empty() {
            (0..u32::try_from(self.view.doc_counts.len()).unwrap_or(0)).collect()
        } else {
            self.filter.docs.clone()
        }
    }
}

/// Derives everything the dashboard renders from the corpus, its index, the filter and the
/// table's sort.
pub fn derive(
    corpus: &CorpusHandle,
    index: &CorpusIndex,
    filter: &Filter,
    sort: Sort,
) -> Rc<Derived> {
    let resolved = Resolved::new(filter, index);
    let view = compute(corpus, index, &resolved);
    let mut d = Derived {
        total: corpus.metrics.len(),
        ..Derived::default()
    };

    // Entities by kind, chosen first, then most mentioned.
    let mut by_kind: Vec<Vec<u32>> = vec![Vec::new(); EntityKind::ALL.len()];
    for (e, entity) in corpus.entities.iter().enumerate() {
        if let Some(k) = EntityKind::ALL.iter().position(|k| *k == entity.kind) {
            by_kind[k].push(as_u32(e));
        }
    }
    let mentions = |e: u32| view.entity_mentions.get(e as usize).copied().unwrap_or(0);
    d.entity_groups = EntityKind::ALL
        .into_iter()
        .zip(by_kind)
        .filter(|(_, m)| !m.is_empty())
        .map(|(kind, mut members)| {
            crate::sort::sort_by_key(&mut members, |&e| {
                (
                    resolved.entities.binary_search(&e).is_err(),
                    std::cmp::Reverse(mentions(e)),
                    e,
                )
            });
            EntityGroup { kind, members }
        })
        .collect();

    d.sectors = Sector::ALL
        .into_iter()
        .zip(&view.sector_counts)
        .filter(|(s, &n)| {
            n > 0
                || resolved.sectors.contains(s)
                || corpus.documents.iter().any(|doc| doc.sectors.contains(s))
        })
        .map(|(s, &n)| FacetRow {
            value: s,
            count: n,
            checked: resolved.sectors.contains(&s),
        })
        .collect();
    d.units = Unit::ALL
        .into_iter()
        .zip(&view.unit_counts)
        .map(|(u, &n)| FacetRow {
            value: u,
            count: n,
            checked: resolved.units.contains(&u),
        })
        .collect();

    let mut docs: Vec<u32> = (0..as_u32(corpus.documents.len())).collect();
    crate::sort::sort_by_key(&mut docs, |&i| {
        (
            resolved.docs.binary_search(&i).is_err(),
            std::cmp::Reverse(view.doc_counts.get(i as usize).copied().unwrap_or(0)),
            i,
        )
    });
    d.docs = docs;

    d.years = YearFacet {
        options: index
            .year_bounds
            .map(|(lo, hi)| {
                (lo..=hi)
                    .map(|y| (y, view.year_counts.get(&y).copied().unwrap_or(0)))
                    .collect()
            })
            .unwrap_or_default(),
        from: resolved.years.or(index.year_bounds).map_or(0, |r| r.0),
        to: resolved.years.or(index.year_bounds).map_or(0, |r| r.1),
        bounds: index.year_bounds,
        hidden_without_year: view.hidden_without_year,
    };

    d.chips = chips(corpus, index, filter);
    d.offers = offers(filter);
    d.colours = colours(corpus, &resolved);
    d.charts = charts(corpus, &view, &resolved, &d.colours);
    d.rows = sort_figures(corpus, &view.figures, sort);
    d.measures = Rc::new(index.measures.select(&view.figures));
    d.filter = resolved;
    d.view = view;
    Rc::new(d)
}

fn as_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Active filters as removable chips, in facet order.
fn chips(corpus: &Corpus, index: &CorpusIndex, f: &Filter) -> Vec<(String, Action)> {
    let mut chips = Vec::new();
    for id in &f.entities {
        let name = index
            .entity(id)
            .and_then(|e| corpus.entities.get(e as usize))
            .map_or(id.clone(), |e| e.name.clone());
        chips.push((name, Action::ToggleEntity(id.clone())));
    }
    for s in &f.sectors {
        chips.push((s.label().to_owned(), Action::ToggleSector(*s)));
    }
    for id in &f.docs {
        let name = index
            .doc(id)
            .and_then(|d| Some((d, corpus.documents.get(d as usize)?)))
            .map_or(id.clone(), |(d, doc)| {
                format!("Doc {} · {}", d + 1, crate::format::shorten(&doc.title, 32))
            });
        chips.push((name, Action::ToggleDoc(id.clone())));
    }
    if let Some((lo, hi)) = f.years {
        let label = if lo == hi {
            lo.to_string()
        } else {
            format!("{lo}–{hi}")
        };
        chips.push((label, Action::SetYears(None)));
    }
    for u in &f.units {
        chips.push((u.label().to_owned(), Action::ToggleUnit(*u)));
    }
    chips
}

/// What the empty state offers, most specific first ("clear all" is always offered too).
fn offers(f: &Filter) -> Vec<(String, Action)> {
    let mut offers: Vec<(String, Action)> = Vec::new();
    if f.years.is_some() {
        offers.push(("clear the year range".into(), Action::SetYears(None)));
    }
    if f.mode == Match::All && f.entities.len() > 1 {
        offers.push((
            "match any entity instead of all".into(),
            Action::SetMatch(Match::Any),
        ));
    }
    if !f.entities.is_empty() && f.scope != Scope::Document {
        let wider = if f.scope == Scope::Sentence {
            Scope::Paragraph
        } else {
            Scope::Document
        };
        offers.push((
            format!("widen to the same {}", wider.key()),
            Action::SetScope(wider),
        ));
    }
    if !f.units.is_empty() {
        offers.push(("clear the units".into(), Action::ClearUnits));
    }
    if !f.sectors.is_empty() {
        offers.push(("clear the sectors".into(), Action::ClearSectors));
    }
    if !f.docs.is_empty() {
        offers.push(("clear the documents".into(), Action::ClearDocs));
    }
    if !f.entities.is_empty() {
        offers.push(("clear the entities".into(), Action::ClearEntities));
    }
    offers
}

/// Most colour groups: the palette's size.
const COLOURS: usize = 8;

/// Colours for the documents: one each while the documents in view fit the palette, else by
/// each document's main sector (the most common sectors in view get their own colour, the
/// rest share the last one). The meaning is stable for a given filter of documents, so the
/// colours do not shift when other facets change.
fn colours(corpus: &Corpus, filter: &Resolved) -> Colours {
    let n = corpus.documents.len();
    let in_view: Vec<u32> = if filter.docs.is_empty() {
        (0..as_u32(n)).collect()
    } else {
        filter.docs.clone()
    };
    let mut by_doc = vec![0u8; n];
    if in_view.len() <= COLOURS {
        let mut groups = Vec::new();
        for (k, &doc) in in_view.iter().enumerate() {
            by_doc[doc as usize] = u8::try_from(k).unwrap_or(0);
            groups.push(crate::provenance::doc_name(corpus, doc));
        }
        return Colours {
            by_doc,
            groups,
            by_sector: false,
        };
    }
    let main = |doc: u32| corpus.documents[doc as usize].sectors.first().copied();
    let mut count = vec![0usize; Sector::ALL.len()];
    for &doc in &in_view {
        if let Some(s) = main(doc) {
            count[sector_pos(s)] += 1;
        }
    }
    let mut ranked: Vec<usize> = (0..Sector::ALL.len()).filter(|&i| count[i] > 0).collect();
    crate::sort::sort_by_key(&mut ranked, |&i| (std::cmp::Reverse(count[i]), i));
    let own = if ranked.len() > COLOURS {
        COLOURS - 1
    } else {
        ranked.len()
    };
    let mut groups: Vec<String> = ranked[..own]
        .iter()
        .map(|&i| Sector::ALL[i].label().to_owned())
        .collect();
    let other = u8::try_from(own.min(COLOURS - 1)).unwrap_or(0);
    let needs_other = ranked.len() > own || in_view.iter().any(|&d| main(d).is_none());
    if needs_other {
        groups.push(if ranked.len() > own {
            "Other sectors".to_owned()
        } else {
            "No sector".to_owned()
        });
    }
    for &doc in &in_view {
        by_doc[doc as usize] = main(doc)
            .and_then(|s| ranked[..own].iter().position(|&i| i == sector_pos(s)))
            .map_or(other, |k| u8::try_from(k).unwrap_or(other));
    }
    Colours {
        by_doc,
        groups,
        by_sector: true,
    }
}

/// The charts of `view`: summaries bounded in size whatever the corpus.
fn charts(corpus: &Corpus, view: &View, filter: &Resolved, colours: &Colours) -> Charts {
    let docs: Vec<u32> = if filter.docs.is_empty() {
        (0..as_u32(corpus.documents.len())).collect()
    } else {
        filter.docs.clone()
    };
    Charts {
        figures: Unit::ALL
            .into_iter()
            .filter_map(|u| figures::build(corpus, &view.figures, u, &colours.by_doc))
            .map(|c| Rc::new(ChartSpec::Figures(c)))
            .collect(),
        timeline: Some(Rc::new(ChartSpec::Timeline(timeline::build(
            corpus,
            &view.events,
            colours,
        )))),
        heat: Some(Rc::new(ChartSpec::Heat(heatmap::build(
            corpus,
            &docs,
            &view.entity_mentions,
            &filter.entities,
        )))),
        series: series::build(corpus, &view.figures, &colours.by_doc)
            .into_iter()
            .map(|s| Rc::new(ChartSpec::Series(s)))
            .collect(),
    }
}

/// One measure open in the Measures view: its chart and its disagreements as pairs of
/// citations to show side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureView {
    /// The measure.
    pub measure: Rc<measures::Measure>,
    /// Every citation by period.
    pub chart: Rc<ChartSpec>,
    /// Disagreeing citations (metric indices), each pair once, in period order.
    pub pairs: Vec<(u32, u32)>,
    /// The measure's citations (metric indices, sorted) that the filter leaves out: a
    /// disagreement is judged over the whole corpus, so its other side may be one of them.
    pub outside: Vec<u32>,
}

impl MeasureView {
    /// Whether citation `i` lies outside the current filter.
    pub fn is_outside(&self, i: u32) -> bool {
        self.outside.binary_search(&i).is_ok()
    }
}

/// The view of the measure `key` among the measures of the figures in `d`, or `None` when the
/// filter leaves none of its figures.
pub fn measure_view(corpus: &Corpus, d: &Derived, key: &str) -> Option<Rc<MeasureView>> {
    let measure = d.measures.find(key)?.clone();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for c in measure.citations.iter().filter(|c| c.flagged) {
        if let Some(other) = c.against {
            let pair = (c.metric.min(other), c.metric.max(other));
            if !pairs.contains(&pair) {
                pairs.push(pair);
            }
        }
    }
    // The figures in view are in corpus order, so membership is a binary search.
    let mut outside: Vec<u32> = measure
        .citations
        .iter()
        .map(|c| c.metric)
        .filter(|i| d.view.figures.binary_search(i).is_err())
        .collect();
    outside.sort_unstable();
    Some(Rc::new(MeasureView {
        chart: Rc::new(ChartSpec::Measure(crate::charts::measure::build(
            corpus, &measure,
        ))),
        measure,
        pairs,
        outside,
    }))
}

/// The members of `group` whose name or alias matches `query`, in facet order.
pub fn search_entities(corpus: &Corpus, group: &EntityGroup, query: &str) -> Vec<u32> {
    group
        .members
        .iter()
        .copied()
        .filter(|&e| {
            corpus
                .entities
                .get(e as usize)
                .is_some_and(|x| entity_matches(x, query))
        })
        .collect()
}

/// The documents among `docs` whose title, id or publisher contains every word of `query`
/// (ignoring case), keeping their order.
pub fn search_docs(corpus: &Corpus, docs: &[u32], query: &str) -> Vec<u32> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    docs.iter()
        .copied()
        .filter(|&d| {
            let Some(doc) = corpus.documents.get(d as usize) else {
                return false;
            };
            let hay = format!(
                "{} {} {} doc {}",
                doc.title,
                doc.id,
                doc.publisher.as_deref().unwrap_or(""),
                d + 1
            )
            .to_lowercase();
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .collect()
}

/// Rows per page of the figures table.
pub const PAGE: usize = 50;

/// Which rows of a table of `len` rows page `page` shows (clamped to the last page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    /// The page shown, from 0.
    pub page: usize,
    /// Pages in all (at least 1).
    pub pages: usize,
    /// First row shown.
    pub start: usize,
    /// One past the last row shown.
    pub end: usize,
}

/// The rows of page `page` of a table of `len` rows.
pub fn page_of(len: usize, page: usize) -> Paging {
    let pages = len.div_ceil(PAGE).max(1);
    let page = page.min(pages - 1);
    let start = page * PAGE;
    Paging {
        page,
        pages,
        start: start.min(len),
        end: (start + PAGE).min(len),
    }
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
    money::comparable(m).unwrap_or(m.value)
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
pub fn sort_figures(corpus: &CorpusHandle, figures: &[u32], sort: Sort) -> Vec<u32> {
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
            Column::Quote => corpus
                .sentence(ma.doc, ma.sentence)
                .cmp(corpus.sentence(mb.doc, mb.sentence)),
            Column::Document => (ma.doc, ma.span.start).cmp(&(mb.doc, mb.span.start)),
        }
    };
    crate::sort::sort_by(&mut rows, &|a, b| {
        let o = by(a, b);
        let o = if sort.descending { o.reverse() } else { o };
        o.then(a.cmp(b))
    });
    rows
}

/// The sentence a figure comes from.
pub fn quote<'c>(corpus: &'c CorpusHandle, m: &Metric) -> &'c str {
    corpus.sentence(m.doc, m.sentence)
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
        let corpus = CorpusHandle::new(fixture::corpus());
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

    fn derived(filter: &Filter) -> (CorpusHandle, Rc<Derived>) {
        let corpus = CorpusHandle::new(fixture::corpus());
        let index = CorpusIndex::new(&corpus);
        let d = derive(&corpus, &index, filter, Sort::default());
        (corpus, d)
    }

    #[test]
    fn derive_holds_the_view_the_facets_chips_and_rows() {
        let f = filter(&["byd"], Match::Any, Scope::Sentence);
        let (corpus, d) = derived(&f);
        let surfaces: Vec<&str> = d
            .rows
            .iter()
            .map(|&i| corpus.metrics[i as usize].surface.as_str())
            .collect();
        // Table order by default: document, then position.
        assert_eq!(surfaces, ["more than 100,000", "up to 3 million"]);
        assert_eq!(d.total, corpus.metrics.len());
        assert_eq!(
            d.chips,
            [("BYD".to_owned(), Action::ToggleEntity("byd".into()))]
        );
        // The chosen entity heads its kind; the rest follow by mentions.
        let companies = &d.entity_groups[0];
        assert_eq!(companies.kind, EntityKind::Company);
        assert_eq!(corpus.entities[companies.members[0] as usize].id, "byd");
        assert!(d.entity_chosen(companies.members[0]));
        // Documents by count under the filter: beta and alpha have one BYD figure each.
        assert_eq!(d.docs, [0, 1, 2]);
        let units: Vec<(Unit, u32)> = d.units.iter().map(|r| (r.value, r.count)).collect();
        assert_eq!(
            units,
            [
                (Unit::Percent, 0),
                (Unit::PercentagePoints, 0),
                (Unit::Count, 2),
                (Unit::Currency, 0),
                (Unit::IndexPoints, 0),
            ]
        );
        // Offers for an empty view name what could widen it.
        assert!(d
            .offers
            .iter()
            .any(|(_, a)| *a == Action::SetScope(Scope::Paragraph)));
        // Only counts are in view: one figure chart.
        assert_eq!(d.charts.figures.len(), 1);
        assert_eq!(d.charts.figures[0].key(), "figures-count");
    }

    #[test]
    fn derive_orders_documents_by_count_and_sorts_all_rows() {
        let f = Filter {
            units: [Unit::Percent].into(),
            ..Filter::default()
        };
        let corpus = CorpusHandle::new(fixture::corpus());
        let index = CorpusIndex::new(&corpus);
        let sort = Sort {
            column: Column::Value,
            descending: true,
        };
        let d = derive(&corpus, &index, &f, sort);
        // Beta holds both percentages; alpha and gamma none.
        assert_eq!(d.docs, [1, 0, 2]);
        let surfaces: Vec<&str> = d
            .rows
            .iter()
            .map(|&i| corpus.metrics[i as usize].surface.as_str())
            .collect();
        assert_eq!(surfaces, ["36.2%", "34.8%"]);
        assert_eq!(d.years.from, index.year_bounds.expect("years").0);
    }

    #[test]
    fn few_documents_are_coloured_each_many_by_sector() {
        let (_, d) = derived(&Filter::default());
        assert!(!d.colours.by_sector);
        assert_eq!(d.colours.by_doc, [0, 1, 2]);
        assert_eq!(d.colours.groups.len(), 3);

        // Twelve copies of the three documents: colour by their main sector instead.
        let mut corpus = fixture::corpus();
        let docs = corpus.documents.clone();
        for k in 0..3 {
            for doc in &docs {
                let mut copy = doc.clone();
                copy.id = format!("{}-{k}", doc.id);
                corpus.documents.push(copy);
            }
        }
        let corpus = CorpusHandle::new(corpus);
        let index = CorpusIndex::new(&corpus);
        let d = derive(&corpus, &index, &Filter::default(), Sort::default());
        assert!(d.colours.by_sector);
        // Documents' main sectors: alpha telecoms, beta digital economy, gamma fintech; four
        // documents each, so they rank in the sectors' own order.
        assert_eq!(
            d.colours.groups,
            [
                Sector::Telecoms.label(),
                Sector::Fintech.label(),
                Sector::DigitalEconomy.label()
            ]
        );
        assert!(d.colours.groups.len() <= COLOURS);
        // Alpha and its copies share a colour.
        assert_eq!(d.colours.of(0), d.colours.of(3));
        assert_ne!(d.colours.of(0), d.colours.of(1));
    }

    #[test]
    fn pages_cover_every_row_once() {
        assert_eq!(
            page_of(0, 0),
            Paging {
                page: 0,
                pages: 1,
                start: 0,
                end: 0
            }
        );
        let last = page_of(PAGE * 2 + 3, 99);
        assert_eq!(
            (last.page, last.pages, last.start, last.end),
            (2, 3, PAGE * 2, PAGE * 2 + 3)
        );
        let mut seen = 0;
        for p in 0..3 {
            let page = page_of(PAGE * 2 + 3, p);
            assert_eq!(page.start, seen);
            seen = page.end;
        }
        assert_eq!(seen, PAGE * 2 + 3);
    }

    #[test]
    fn document_search_matches_title_words_in_order_given() {
        let corpus = fixture::corpus();
        assert_eq!(search_docs(&corpus, &[2, 1, 0], "REPORT phones"), [0]);
        assert_eq!(search_docs(&corpus, &[2, 1, 0], "a"), [2, 1, 0]);
        assert_eq!(search_docs(&corpus, &[0, 1, 2], "doc 2"), [1]);
        assert!(search_docs(&corpus, &[0, 1, 2], "zebra").is_empty());
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
