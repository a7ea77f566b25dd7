//! The dashboard's shareable state (filters, selection, open document, sort) and its reducer.
//!
//! Everything here is plain Rust, as in Yew's `function_todomvc` example, so native tests
//! cover it. The state names documents and entities by id rather than by position: ids are
//! what URLs carry, and they survive the corpus growing when a reader adds an article.

use std::collections::BTreeSet;
use std::rc::Rc;

use extract::{Sector, Unit};
use yew::Reducible;

/// Whether a figure must concern any or all of the selected entities.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Match {
    /// At least one selected entity.
    #[default]
    Any,
    /// Every selected entity.
    All,
}

/// How close to a figure an entity must be mentioned for the figure to count as about it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Scope {
    /// In the figure's own sentence.
    #[default]
    Sentence,
    /// In the figure's paragraph.
    Paragraph,
    /// Anywhere in the figure's document.
    Document,
}

impl Scope {
    /// Every scope, narrowest first.
    pub const ALL: [Scope; 3] = [Scope::Sentence, Scope::Paragraph, Scope::Document];

    /// The key used in URLs.
    pub fn key(self) -> &'static str {
        match self {
            Scope::Sentence => "sentence",
            Scope::Paragraph => "paragraph",
            Scope::Document => "document",
        }
    }

    /// The scope with this key.
    pub fn from_key(key: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// What narrows the figures. Empty sets mean "no constraint".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Entity ids.
    pub entities: BTreeSet<String>,
    /// Any or all of `entities`.
    pub mode: Match,
    /// Where an entity must be mentioned.
    pub scope: Scope,
    /// Sectors; a figure needs one of them.
    pub sectors: BTreeSet<Sector>,
    /// Document ids; a figure needs to come from one of them.
    pub docs: BTreeSet<String>,
    /// Inclusive year range; a figure's period must overlap it.
    pub years: Option<(i32, i32)>,
    /// Unit families; a figure needs one of them.
    pub units: BTreeSet<Unit>,
}

impl Filter {
    /// Whether nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
            && self.sectors.is_empty()
            && self.docs.is_empty()
            && self.years.is_none()
            && self.units.is_empty()
    }
}

/// A figure, named the way a URL can carry it: its document and where it starts in the text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FigureKey {
    /// Document id.
    pub doc: String,
    /// Byte offset of the figure in the document's text.
    pub start: u32,
}

/// The document open in the reader, and the sentence to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReaderAt {
    /// Document id.
    pub doc: String,
    /// Sentence to scroll to and highlight.
    pub sentence: Option<u32>,
}

/// A table column, which is also a sort key.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Column {
    /// The value (money compared in US dollars).
    Value,
    /// The unit.
    Unit,
    /// The qualifier.
    Qualifier,
    /// What is measured.
    Label,
    /// The period.
    Period,
    /// The entities in the sentence.
    Entities,
    /// The quoted sentence.
    Quote,
    /// The source document (and then position in it: the corpus order).
    #[default]
    Document,
}

impl Column {
    /// Every column, in table order.
    pub const ALL: [Column; 8] = [
        Column::Value,
        Column::Unit,
        Column::Qualifier,
        Column::Label,
        Column::Period,
        Column::Entities,
        Column::Quote,
        Column::Document,
    ];

    /// The key used in URLs.
    pub fn key(self) -> &'static str {
        match self {
            Column::Value => "value",
            Column::Unit => "unit",
            Column::Qualifier => "qualifier",
            Column::Label => "label",
            Column::Period => "period",
            Column::Entities => "entities",
            Column::Quote => "quote",
            Column::Document => "document",
        }
    }

    /// The column heading.
    pub fn label(self) -> &'static str {
        match self {
            Column::Value => "Value",
            Column::Unit => "Unit",
            Column::Qualifier => "Qualifier",
            Column::Label => "Measures",
            Column::Period => "Period",
            Column::Entities => "Entities",
            Column::Quote => "Quote",
            Column::Document => "Document",
        }
    }

    /// The column with this key.
    pub fn from_key(key: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// The table's sort order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sort {
    /// Sort key.
    pub column: Column,
    /// Largest (or last) first.
    pub descending: bool,
}

/// Which of the two views sits under the charts: the table of figures or the Measures view.
/// Only one is rendered, so the page stays a few screens tall and a click re-renders one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Tab {
    /// The table of figures in the filter.
    #[default]
    Figures,
    /// The figures grouped by measure, with their disagreements.
    Measures,
}

impl Tab {
    /// Both tabs, in the order shown.
    pub const ALL: [Tab; 2] = [Tab::Figures, Tab::Measures];

    /// The key used in URLs.
    pub fn key(self) -> &'static str {
        match self {
            Tab::Figures => "figures",
            Tab::Measures => "measures",
        }
    }

    /// The tab with this key.
    pub fn from_key(key: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// How the next URL update enters the browser history.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HistoryMode {
    /// A reader's action: a new history entry, so Back undoes it.
    #[default]
    Push,
    /// State restored from the URL (load, back/forward): rewrite the entry in place.
    Replace,
}

/// Everything a reader can share, plus the notes about what the URL could not restore.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    /// The filter.
    pub filter: Filter,
    /// The selected figure.
    pub selected: Option<FigureKey>,
    /// The document open in the reader.
    pub reader: Option<ReaderAt>,
    /// The table's order.
    pub sort: Sort,
    /// What the URL asked for that could not be honoured, for a visible note.
    pub notes: Vec<String>,
    /// How the URL should follow the latest change.
    pub history: HistoryMode,
    /// The measure open in the Measures view, by its key (`subject|measure|unit family`).
    pub measure: Option<String>,
    /// The view under the charts.
    pub tab: Tab,
}

/// Everything a reader can do to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Add or remove an entity from the filter.
    ToggleEntity(String),
    /// Any or all.
    SetMatch(Match),
    /// Sentence, paragraph or document.
    SetScope(Scope),
    /// Add or remove a sector.
    ToggleSector(Sector),
    /// Add or remove a document.
    ToggleDoc(String),
    /// Set (or clear, with `None`) the year range; the ends may come in either order.
    SetYears(Option<(i32, i32)>),
    /// Add or remove a unit family.
    ToggleUnit(Unit),
    /// Clear the entity selection only.
    ClearEntities,
    /// Clear the sector selection only.
    ClearSectors,
    /// Clear the document selection only.
    ClearDocs,
    /// Clear the unit selection only.
    ClearUnits,
    /// Clear every filter (the selection and the reader stay).
    ClearAll,
    /// Select a figure and open the reader at its sentence.
    Select {
        /// The figure.
        key: FigureKey,
        /// Its sentence.
        sentence: u32,
    },
    /// Open the reader on a document, optionally at a sentence, without selecting a figure.
    Open(ReaderAt),
    /// Close the reader (the selection stays, so the table still shows it).
    CloseReader,
    /// Sort by a column; sorting by the current column again reverses it.
    SortBy(Column),
    /// Replace the whole state with one decoded from the URL.
    Restore(Box<State>),
    /// Hide the notes about the URL.
    DismissNotes,
    /// Open a measure by its key in the Measures view (showing that view), or close it with
    /// `None`.
    OpenMeasure(Option<String>),
    /// Show the table of figures or the Measures view; an open measure stays open.
    ShowTab(Tab),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.history = HistoryMode::Push;
        let f = &mut next.filter;
        match action {
            Action::ToggleEntity(id) => toggle(&mut f.entities, id),
            Action::SetMatch(mode) => f.mode = mode,
            Action::SetScope(scope) => f.scope = scope,
            Action::ToggleSector(sector) => toggle(&mut f.sectors, sector),
            Action::ToggleDoc(id) => toggle(&mut f.docs, id),
            Action::SetYears(years) => f.years = years.map(|(a, b)| (a.min(b), a.max(b))),
            Action::ToggleUnit(unit) => toggle(&mut f.units, unit),
            Action::ClearEntities => f.entities.clear(),
            Action::ClearSectors => f.sectors.clear(),
            Action::ClearDocs => f.docs.clear(),
            Action::ClearUnits => f.units.clear(),
            Action::ClearAll => {
                // The match mode and scope are settings, not constraints: keep them.
                let (mode, scope) = (f.mode, f.scope);
                *f = Filter {
                    mode,
                    scope,
                    ..Filter::default()
                };
            }
            Action::Select { key, sentence } => {
                next.reader = Some(ReaderAt {
                    doc: key.doc.clone(),
                    sentence: Some(sentence),
                });
                next.selected = Some(key);
            }
            Action::Open(at) => next.reader = Some(at),
            Action::CloseReader => next.reader = None,
            Action::SortBy(column) => {
                next.sort = if next.sort.column == column {
                    Sort {
                        column,
                        descending: !next.sort.descending,
                    }
                } else {
                    Sort {
                        column,
                        descending: false,
                    }
                };
            }
            Action::Restore(state) => {
                next = *state;
                next.history = HistoryMode::Replace;
            }
            Action::DismissNotes => next.notes.clear(),
            Action::OpenMeasure(key) => {
                if key.is_some() {
                    next.tab = Tab::Measures;
                }
                next.measure = key;
            }
            Action::ShowTab(tab) => next.tab = tab,
        }
        // Nothing changed (e.g. the same sort twice does change; clearing an empty filter
        // does not): keep the old Rc so `use_reducer_eq` skips the re-render.
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

fn toggle<T: Ord>(set: &mut BTreeSet<T>, item: T) {
    if !set.remove(&item) {
        set.insert(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(state: State, actions: impl IntoIterator<Item = Action>) -> State {
        let mut rc = Rc::new(state);
        for a in actions {
            rc = rc.reduce(a);
        }
        (*rc).clone()
    }

    #[test]
    fn toggles_add_then_remove() {
        let s = apply(
            State::default(),
            [
                Action::ToggleEntity("huawei".into()),
                Action::ToggleEntity("byd".into()),
                Action::ToggleEntity("huawei".into()),
                Action::ToggleSector(Sector::Ai),
                Action::ToggleUnit(Unit::Count),
                Action::ToggleDoc("alpha".into()),
            ],
        );
        assert_eq!(s.filter.entities, BTreeSet::from(["byd".to_owned()]));
        assert_eq!(s.filter.sectors, BTreeSet::from([Sector::Ai]));
        assert_eq!(s.filter.units, BTreeSet::from([Unit::Count]));
        assert_eq!(s.filter.docs, BTreeSet::from(["alpha".to_owned()]));
        assert_eq!(s.history, HistoryMode::Push);
    }

    #[test]
    fn clear_all_keeps_mode_scope_and_selection() {
        let s = apply(
            State::default(),
            [
                Action::ToggleEntity("huawei".into()),
                Action::SetMatch(Match::All),
                Action::SetScope(Scope::Paragraph),
                Action::SetYears(Some((2020, 2018))),
                Action::Select {
                    key: FigureKey {
                        doc: "alpha".into(),
                        start: 7,
                    },
                    sentence: 0,
                },
                Action::ClearAll,
            ],
        );
        assert!(s.filter.is_empty());
        assert_eq!(s.filter.mode, Match::All);
        assert_eq!(s.filter.scope, Scope::Paragraph);
        assert_eq!(s.selected.as_ref().map(|k| k.start), Some(7));
        assert_eq!(
            s.reader,
            Some(ReaderAt {
                doc: "alpha".into(),
                sentence: Some(0)
            })
        );
    }

    #[test]
    fn year_range_is_ordered() {
        let s = apply(State::default(), [Action::SetYears(Some((2021, 2019)))]);
        assert_eq!(s.filter.years, Some((2019, 2021)));
        let s = apply(s, [Action::SetYears(None)]);
        assert_eq!(s.filter.years, None);
    }

    #[test]
    fn sorting_same_column_twice_reverses() {
        let s = apply(State::default(), [Action::SortBy(Column::Value)]);
        assert_eq!(
            s.sort,
            Sort {
                column: Column::Value,
                descending: false
            }
        );
        let s = apply(s, [Action::SortBy(Column::Value)]);
        assert!(s.sort.descending);
        let s = apply(s, [Action::SortBy(Column::Label)]);
        assert!(!s.sort.descending);
    }

    #[test]
    fn restore_replaces_history_and_no_op_keeps_rc() {
        let restored = State {
            notes: vec!["x".into()],
            ..State::default()
        };
        let rc = Rc::new(State::default()).reduce(Action::Restore(Box::new(restored)));
        assert_eq!(rc.history, HistoryMode::Replace);
        assert_eq!(rc.notes, ["x"]);
        let rc = rc.reduce(Action::DismissNotes);
        assert!(rc.notes.is_empty());
        let again = Rc::clone(&rc).reduce(Action::ClearAll);
        assert!(Rc::ptr_eq(&rc, &again));
    }

    #[test]
    fn opening_a_measure_shows_the_measures_view_and_switching_keeps_it_open() {
        let key = "byd|deliveries|count".to_owned();
        let s = apply(State::default(), [Action::OpenMeasure(Some(key.clone()))]);
        assert_eq!(
            (s.tab, s.measure.as_deref()),
            (Tab::Measures, Some(key.as_str()))
        );
        let s = apply(s, [Action::ShowTab(Tab::Figures)]);
        assert_eq!(
            (s.tab, s.measure.as_deref()),
            (Tab::Figures, Some(key.as_str()))
        );
        let s = apply(
            s,
            [Action::ShowTab(Tab::Measures), Action::OpenMeasure(None)],
        );
        assert_eq!((s.tab, s.measure), (Tab::Measures, None));
    }
}
