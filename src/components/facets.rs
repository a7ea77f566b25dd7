//! The filter panel: entities by kind (with search, any/all and scope), sectors,
//! documents, a year range and unit families, each value with its count under the filter.

use std::rc::Rc;

use extract::EntityKind;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::data::{date_label, CorpusHandle};
use crate::state::{Action, Filter, Match, Scope};
use crate::views::{search_docs, search_entities, Derived, SHORT_LIST};
use crate::web;

/// Props of [`Facets`]. Equal when they hold the same derived view (compared by pointer:
/// a new view is a new `Rc`, and comparing two views field by field costs more than
/// rendering), the same filter and the same callback.
#[derive(Properties)]
pub struct FacetsProps {
    /// The corpus.
    pub corpus: CorpusHandle,
    /// The derived view: every row and count shown here.
    pub derived: Rc<Derived>,
    /// The current filter, for the switches.
    pub filter: Filter,
    /// Every change goes through here.
    pub onaction: Callback<Action>,
}

impl PartialEq for FacetsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.derived, &other.derived)
            && self.corpus == other.corpus
            && self.filter == other.filter
            && self.onaction == other.onaction
    }
}

/// The side panel of filters.
#[function_component(Facets)]
pub fn facets(props: &FacetsProps) -> Html {
    web::mark("metricscope:facets");
    let query = use_state(String::new);
    let doc_query = use_state(String::new);
    let expanded = use_state(Vec::<EntityKind>::new);
    let corpus = &props.corpus;
    let derived = &props.derived;
    let view = &derived.view;
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
    let on_doc_input = {
        let doc_query = doc_query.clone();
        Callback::from(move |e: InputEvent| {
            doc_query.set(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };

    // Entities by kind in the derived order; a search or "show all" lists more of a kind.
    let entity_groups = derived.entity_groups.iter().filter_map(|group| {
        let kind = group.kind;
        let searching = !query.trim().is_empty();
        let open = expanded.contains(&kind) || searching;
        // Even when open or searched, the list stays bounded: the search narrows the rest.
        let limit = if open { SHORT_LIST * 8 } else { SHORT_LIST };
        // Only the rows shown are copied: a kind can have thousands of members.
        let (members, total) = if searching {
            let mut found = search_entities(corpus, group, &query);
            let total = found.len();
            found.truncate(limit);
            (found, total)
        } else {
            let shown: Vec<u32> = group.members.iter().copied().take(limit).collect();
            (shown, group.members.len())
        };
        if members.is_empty() {
            return None;
        }
        let hidden = total - members.len();
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
                        let checked = derived.entity_chosen(e);
                        let figures = view.entity_figures.get(e as usize).copied().unwrap_or(0);
                        let n = view.entity_mentions.get(e as usize).copied().unwrap_or(0);
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
                                    <span class="mentions">{ n }</span>
                                    <span class="count">{ figures }</span>
                                </label>
                            </li>
                        }
                    }) }
                </ul>
                if hidden > 0 && !open {
                    <button type="button" class="link-button" onclick={toggle_more}>
                        { format!("Show all {total}") }
                    </button>
                } else if open && !searching {
                    <button type="button" class="link-button" onclick={toggle_more}>{ "Show fewer" }</button>
                }
                if hidden > 0 && open {
                    <p class="muted small">{ format!("{hidden} more — search to find them") }</p>
                }
            </fieldset>
        })
    }).collect::<Html>();

    // Documents: the derived order, bounded; the search box reaches the rest.
    let doc_rows: Vec<u32> = if doc_query.trim().is_empty() {
        derived.docs.iter().copied().take(SHORT_LIST).collect()
    } else {
        search_docs(corpus, &derived.docs, &doc_query)
    };
    let doc_matches = doc_rows.len();
    let doc_hidden = if doc_query.trim().is_empty() {
        derived.docs.len() - doc_rows.len()
    } else {
        doc_matches.saturating_sub(SHORT_LIST)
    };
    let doc_rows = &doc_rows[..doc_rows.len().min(SHORT_LIST)];
    let colour_docs = !derived.colours.by_sector;

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

    let years = &derived.years;
    let on_year = |which: &'static str| {
        let onaction = props.onaction.clone();
        let current = filter.years;
        let bounds = years.bounds;
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
            .options
            .iter()
            .map(|&(y, n)| {
                html! {
                    <option value={y.to_string()} selected={y == selected}>
                        { format!("{y} ({n})") }
                    </option>
                }
            })
            .collect::<Html>()
    };

    let html = html! {
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
                if derived.sectors.is_empty() {
                    <p class="muted">{ "No sectors were found in this corpus." }</p>
                }
                <ul class="facet-list">
                    { for derived.sectors.iter().map(|row| {
                        let s = row.value;
                        html! {
                            <li key={s.key()}>
                                <label class={classes!("facet-item", (row.count == 0 && !row.checked).then_some("zero"))}>
                                    <input type="checkbox" data-sector={s.key()} checked={row.checked} onchange={act(Action::ToggleSector(s))} />
                                    <span class="facet-name">{ s.label() }</span>
                                    <span class="count">{ row.count }</span>
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
                if derived.docs.len() > SHORT_LIST {
                    <input
                        type="search"
                        class="doc-search"
                        placeholder={format!("Search {} documents", derived.docs.len())}
                        aria-label="Search documents"
                        value={(*doc_query).clone()}
                        oninput={on_doc_input}
                    />
                }
                <ul class="facet-list">
                    { for doc_rows.iter().map(|&i| {
                        let Some(d) = corpus.documents.get(i as usize) else { return Html::default() };
                        let n = view.doc_counts.get(i as usize).copied().unwrap_or(0);
                        let checked = derived.doc_chosen(i);
                        html! {
                            <li key={d.id.clone()}>
                                <label class={classes!("facet-item", "doc-item", (n == 0 && !checked).then_some("zero"))}>
                                    <input type="checkbox" data-doc={d.id.clone()} {checked} onchange={act(Action::ToggleDoc(d.id.clone()))} />
                                    if colour_docs {
                                        <span class={classes!("swatch", format!("c{}", derived.colours.of(i)))} aria-hidden="true" />
                                    }
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
                if !doc_query.trim().is_empty() && doc_matches == 0 {
                    <p class="muted small">{ format!("No document matches “{}”.", doc_query.trim()) }</p>
                } else if doc_hidden > 0 {
                    <p class="muted small doc-more">
                        { if doc_query.trim().is_empty() {
                            format!("{doc_hidden} more — search to find one")
                        } else {
                            format!("{doc_hidden} more match — refine the search")
                        } }
                    </p>
                }
            </section>

            <section class="facet" aria-labelledby="facet-years">
                <div class="facet-title">
                    <h3 id="facet-years">{ "Years" }</h3>
                    if filter.years.is_some() {
                        <button type="button" class="link-button" onclick={click(Action::SetYears(None))}>{ "Clear" }</button>
                    }
                </div>
                if years.options.is_empty() {
                    <p class="muted">{ "No figure in this corpus names a year." }</p>
                } else {
                    <div class="year-range">
                        <label>{ "From " }
                            <select class="year-from" aria-label="From year" onchange={on_year("from")}>{ year_options(years.from) }</select>
                        </label>
                        <label>{ " to " }
                            <select class="year-to" aria-label="To year" onchange={on_year("to")}>{ year_options(years.to) }</select>
                        </label>
                    </div>
                    if years.hidden_without_year > 0 {
                        <p class="muted small">
                            { format!("{} figure(s) without a year are hidden by the range.", years.hidden_without_year) }
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
                    { for derived.units.iter().map(|row| {
                        let u = row.value;
                        html! {
                            <li key={u.key()}>
                                <label class={classes!("facet-item", (row.count == 0 && !row.checked).then_some("zero"))}>
                                    <input type="checkbox" data-unit={u.key()} checked={row.checked} onchange={act(Action::ToggleUnit(u))} />
                                    <span class="facet-name">{ u.label() }</span>
                                    <span class="count">{ row.count }</span>
                                </label>
                            </li>
                        }
                    }) }
                </ul>
            </section>
        </div>
    };
    web::mark("metricscope:facets-built");
    html
}
