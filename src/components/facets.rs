//! The filter panel: entities by kind (with search, any/all and scope), sectors,
//! documents, a year range and unit families, each value with its count under the filter.

use std::rc::Rc;

use extract::{EntityKind, Sector, Unit};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::data::{date_label, CorpusHandle};
use crate::index::CorpusIndex;
use crate::state::{Action, Filter, Match, Scope};
use crate::views::{entity_matches, View};

/// Entities listed per kind before "show all".
const SHORT_LIST: usize = 8;

/// Props of [`Facets`].
#[derive(Properties, PartialEq)]
pub struct FacetsProps {
    /// The corpus.
    pub corpus: CorpusHandle,
    /// Its index.
    pub index: Rc<CorpusIndex>,
    /// The current filter.
    pub filter: Filter,
    /// The counts.
    pub view: Rc<View>,
    /// Every change goes through here.
    pub onaction: Callback<Action>,
}

/// The side panel of filters.
#[function_component(Facets)]
pub fn facets(props: &FacetsProps) -> Html {
    let query = use_state(String::new);
    let expanded = use_state(Vec::<EntityKind>::new);
    let corpus = &props.corpus;
    let view = &props.view;
    let filter = &props.filter;
    let act = |a: Action| {
        let onaction = props.onaction.clone();
        Callback::from(move |_: Event| onaction.emit(a.clone()))
    };
    let click = |a: Action| {
        let onaction = props.onaction.clone();
        Callback::from(move |_: MouseEvent| onaction.emit(a.clone()))
    };

    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };

    // Entities by kind, most mentioned first; chosen ones always listed.
    let entity_groups = EntityKind::ALL.into_iter().filter_map(|kind| {
        let mut members: Vec<u32> = (0..corpus.entities.len())
            .filter(|&e| corpus.entities[e].kind == kind)
            .filter(|&e| entity_matches(&corpus.entities[e], &query))
            .map(|e| u32::try_from(e).unwrap_or(u32::MAX))
            .collect();
        if members.is_empty() {
            return None;
        }
        let mentions = |e: u32| view.entity_mentions.get(e as usize).copied().unwrap_or(0);
        members.sort_by_key(|&e| {
            let id = &corpus.entities[e as usize].id;
            (!filter.entities.contains(id), std::cmp::Reverse(mentions(e)), e)
        });
        let total = members.len();
        let open = expanded.contains(&kind) || !query.is_empty();
        if !open {
            members.truncate(SHORT_LIST);
        }
        let toggle_more = {
            let expanded = expanded.clone();
            Callback::from(move |_: MouseEvent| {
                let mut list = (*expanded).clone();
                if let Some(i) = list.iter().position(|k| *k == kind) {
                    list.remove(i);
                } else {
                    list.push(kind);
                }
                expanded.set(list);
            })
        };
        Some(html! {
            <fieldset class="facet-group" key={kind.key()}>
                <legend>{ format!("{} ({total})", kind.label()) }</legend>
                <ul class="facet-list">
                    { for members.iter().map(|&e| {
                        let entity = &corpus.entities[e as usize];
                        let checked = filter.entities.contains(&entity.id);
                        let figures = view.entity_figures.get(e as usize).copied().unwrap_or(0);
                        let n = mentions(e);
                        let aliases = if entity.aliases.is_empty() {
                            String::new()
                        } else {
                            format!("also: {}", entity.aliases.join(", "))
                        };
                        html! {
                            <li key={entity.id.clone()}>
                                <label class={classes!("facet-item", (figures == 0 && !checked).then_some("zero"))} title={aliases}>
                                    <input
                                        type="checkbox"
                                        data-entity={entity.id.clone()}
                                        {checked}
                                        onchange={act(Action::ToggleEntity(entity.id.clone()))}
                                    />
                                    <span class="facet-name">{ entity.name.clone() }</span>
                                    <span class="mentions" title={format!("{n} mentions in the documents in view")}>
                                        { n }
                                    </span>
                                    <span class="count" title={format!("{figures} figures under the filter with this entity")}>
                                        { figures }
                                    </span>
                                </label>
                            </li>
                        }
                    }) }
                </ul>
                if total > SHORT_LIST && query.is_empty() {
                    <button type="button" class="link-button" onclick={toggle_more}>
                        { if open { "Show fewer".to_owned() } else { format!("Show all {total}") } }
                    </button>
                }
            </fieldset>
        })
    }).collect::<Html>();

    let radio = |name: &'static str,
                 value: &'static str,
                 label: &'static str,
                 checked: bool,
                 action: Action| {
        html! {
            <label class="radio">
                <input type="radio" {name} {value} {checked} onchange={act(action)} />
                { label }
            </label>
        }
    };

    // Sectors the corpus has evidence for, in display order.
    let sectors: Vec<Sector> = Sector::ALL
        .into_iter()
        .enumerate()
        .filter(|(i, s)| {
            view.sector_counts.get(*i).copied().unwrap_or(0) > 0
                || filter.sectors.contains(s)
                || corpus.documents.iter().any(|d| d.sectors.contains(s))
        })
        .map(|(_, s)| s)
        .collect();
    let sector_count = |s: Sector| {
        Sector::ALL
            .iter()
            .position(|x| *x == s)
            .and_then(|i| view.sector_counts.get(i))
            .copied()
            .unwrap_or(0)
    };

    let years: Vec<i32> = props
        .index
        .year_bounds
        .map(|(lo, hi)| (lo..=hi).collect())
        .unwrap_or_default();
    let (from, to) = filter
        .years
        .unwrap_or_else(|| props.index.year_bounds.unwrap_or((0, 0)));
    let on_year = |which: &'static str| {
        let onaction = props.onaction.clone();
        let current = filter.years;
        let bounds = props.index.year_bounds;
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let Ok(y) = value.parse::<i32>() else {
                return;
            };
            let (lo, hi) = current.or(bounds).unwrap_or((y, y));
            let range = if which == "from" {
                (y, hi.max(y))
            } else {
                (lo.min(y), y)
            };
            // The whole span is no constraint at all: say so, so yearless figures show.
            let action = if Some(range) == bounds {
                Action::SetYears(None)
            } else {
                Action::SetYears(Some(range))
            };
            onaction.emit(action);
        })
    };
    let year_options = |selected: i32| {
        years
            .iter()
            .map(|&y| {
                let n = view.year_counts.get(&y).copied().unwrap_or(0);
                html! {
                    <option value={y.to_string()} selected={y == selected}>
                        { format!("{y} ({n})") }
                    </option>
                }
            })
            .collect::<Html>()
    };

    html! {
        <div class="facets-inner">
            <div class="facets-head">
                <h2 id="filters-heading">{ "Filters" }</h2>
                <button
                    type="button"
                    class="clear-all"
                    disabled={filter.is_empty()}
                    onclick={click(Action::ClearAll)}
                >
                    { "Clear all" }
                </button>
            </div>

            <section class="facet" aria-labelledby="facet-entities">
                <div class="facet-title">
                    <h3 id="facet-entities">{ "Entities" }</h3>
                    if !filter.entities.is_empty() {
                        <button type="button" class="link-button" onclick={click(Action::ClearEntities)}>
                            { format!("Clear {}", filter.entities.len()) }
                        </button>
                    }
                </div>
                <input
                    type="search"
                    class="entity-search"
                    placeholder="Search entities and aliases"
                    aria-label="Search entities"
                    value={(*query).clone()}
                    {oninput}
                />
                <div class="switches">
                    <fieldset class="switch" aria-label="Figures must mention">
                        <legend>{ "Match" }</legend>
                        { radio("match", "any", "any", filter.mode == Match::Any, Action::SetMatch(Match::Any)) }
                        { radio("match", "all", "all", filter.mode == Match::All, Action::SetMatch(Match::All)) }
                    </fieldset>
                    <fieldset class="switch" aria-label="Where the entity must be mentioned">
                        <legend>{ "Mentioned in the same" }</legend>
                        { radio("scope", "sentence", "sentence", filter.scope == Scope::Sentence, Action::SetScope(Scope::Sentence)) }
                        { radio("scope", "paragraph", "paragraph", filter.scope == Scope::Paragraph, Action::SetScope(Scope::Paragraph)) }
                        { radio("scope", "document", "document", filter.scope == Scope::Document, Action::SetScope(Scope::Document)) }
                    </fieldset>
                </div>
                <p class="facet-cols" aria-hidden="true"><span>{ "mentions" }</span><span>{ "figures" }</span></p>
                if corpus.entities.is_empty() {
                    <p class="muted">{ "This corpus has no entities yet." }</p>
                } else if entity_groups == Html::default() {
                    <p class="muted">{ format!("No entity matches “{}”.", *query) }</p>
                } else {
                    { entity_groups }
                }
            </section>

            <section class="facet" aria-labelledby="facet-sectors">
                <div class="facet-title">
                    <h3 id="facet-sectors">{ "Sectors" }</h3>
                    if !filter.sectors.is_empty() {
                        <button type="button" class="link-button" onclick={click(Action::ClearSectors)}>{ "Clear" }</button>
                    }
                </div>
                if sectors.is_empty() {
                    <p class="muted">{ "No sectors were found in this corpus." }</p>
                }
                <ul class="facet-list">
                    { for sectors.iter().map(|&s| {
                        let n = sector_count(s);
                        let checked = filter.sectors.contains(&s);
                        html! {
                            <li key={s.key()}>
                                <label class={classes!("facet-item", (n == 0 && !checked).then_some("zero"))}>
                                    <input type="checkbox" data-sector={s.key()} {checked} onchange={act(Action::ToggleSector(s))} />
                                    <span class="facet-name">{ s.label() }</span>
                                    <span class="count">{ n }</span>
                                </label>
                            </li>
                        }
                    }) }
                </ul>
            </section>

            <section class="facet" aria-labelledby="facet-docs">
                <div class="facet-title">
                    <h3 id="facet-docs">{ "Documents" }</h3>
                    if !filter.docs.is_empty() {
                        <button type="button" class="link-button" onclick={click(Action::ClearDocs)}>{ "Clear" }</button>
                    }
                </div>
                <ul class="facet-list">
                    { for corpus.documents.iter().enumerate().map(|(i, d)| {
                        let n = view.doc_counts.get(i).copied().unwrap_or(0);
                        let checked = filter.docs.contains(&d.id);
                        html! {
                            <li key={d.id.clone()}>
                                <label class={classes!("facet-item", "doc-item", (n == 0 && !checked).then_some("zero"))}>
                                    <input type="checkbox" data-doc={d.id.clone()} {checked} onchange={act(Action::ToggleDoc(d.id.clone()))} />
                                    <span class={classes!("swatch", format!("c{}", i % 8))} aria-hidden="true" />
                                    <span class="facet-name">
                                        <span class="doc-number">{ format!("Doc {} ", i + 1) }</span>
                                        { d.title.clone() }
                                        <span class={classes!("doc-date", matches!(d.date.basis, extract::DateBasis::Inferred).then_some("inferred"))} title={d.date.note.clone().unwrap_or_default()}>
                                            { format!(" · {}", date_label(&d.date)) }
                                        </span>
                                    </span>
                                    <span class="count">{ n }</span>
                                </label>
                            </li>
                        }
                    }) }
                </ul>
            </section>

            <section class="facet" aria-labelledby="facet-years">
                <div class="facet-title">
                    <h3 id="facet-years">{ "Years" }</h3>
                    if filter.years.is_some() {
                        <button type="button" class="link-button" onclick={click(Action::SetYears(None))}>{ "Clear" }</button>
                    }
                </div>
                if years.is_empty() {
                    <p class="muted">{ "No figure in this corpus names a year." }</p>
                } else {
                    <div class="year-range">
                        <label>{ "From " }
                            <select class="year-from" aria-label="From year" onchange={on_year("from")}>{ year_options(from) }</select>
                        </label>
                        <label>{ " to " }
                            <select class="year-to" aria-label="To year" onchange={on_year("to")}>{ year_options(to) }</select>
                        </label>
                    </div>
                    if view.hidden_without_year > 0 {
                        <p class="muted small">
                            { format!("{} figure(s) without a year are hidden by the range.", view.hidden_without_year) }
                        </p>
                    }
                }
            </section>

            <section class="facet" aria-labelledby="facet-units">
                <div class="facet-title">
                    <h3 id="facet-units">{ "Units" }</h3>
                    if !filter.units.is_empty() {
                        <button type="button" class="link-button" onclick={click(Action::ClearUnits)}>{ "Clear" }</button>
                    }
                </div>
                <ul class="facet-list">
                    { for Unit::ALL.into_iter().enumerate().map(|(i, u)| {
                        let n = view.unit_counts.get(i).copied().unwrap_or(0);
                        let checked = filter.units.contains(&u);
                        html! {
                            <li key={u.key()}>
                                <label class={classes!("facet-item", (n == 0 && !checked).then_some("zero"))}>
                                    <input type="checkbox" data-unit={u.key()} {checked} onchange={act(Action::ToggleUnit(u))} />
                                    <span class="facet-name">{ u.label() }</span>
                                    <span class="count">{ n }</span>
                                </label>
                            </li>
                        }
                    }) }
                </ul>
            </section>
        </div>
    }
}
