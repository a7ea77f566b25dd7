//! The state in the URL's query string: encoding, and defensive decoding with notes.
//!
//! Format (every part optional, in this order when encoded):
//! `?e=huawei,byd&match=all&scope=paragraph&sec=ai,ev&d=alpha&y=2018-2020&u=percent,count`
//! `&fig=alpha~57&read=alpha~3&sort=-value&m=byd|deliveries|count&tab=figures`.
//! `fig` names a figure by document and byte offset; `read` names the open document and
//! sentence; `m` names the measure open in the Measures view by its key. `tab` names the
//! view under the charts when it is not the one implied: `measures` without an open measure,
//! `figures` with one (an open measure implies the Measures view). Decoding never fails: whatever it cannot use becomes a note for the reader,
//! and the rest of the link still applies.

use extract::{Corpus, Sector, Unit};

use crate::index::CorpusIndex;
use crate::state::{Column, FigureKey, HistoryMode, Match, ReaderAt, Scope, Sort, State, Tab};

/// Most items read from one list parameter; a longer list is cut with a note.
const MAX_LIST_ITEMS: usize = 200;
/// Years outside this range are not plausible for this corpus's figures.
const YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

/// The query string for `state`, without the leading `?`; empty for the default view.
pub fn encode(state: &State) -> String {
    let mut parts: Vec<String> = Vec::new();
    let f = &state.filter;
    let list = |items: Vec<&str>| -> String {
        items.into_iter().map(escape).collect::<Vec<_>>().join(",")
    };
    if !f.entities.is_empty() {
        parts.push(format!(
            "e={}",
            list(f.entities.iter().map(String::as_str).collect())
        ));
    }
    if f.mode == Match::All {
        parts.push("match=all".to_owned());
    }
    if f.scope != Scope::Sentence {
        parts.push(format!("scope={}", f.scope.key()));
    }
    if !f.sectors.is_empty() {
        parts.push(format!(
            "sec={}",
            list(f.sectors.iter().map(|s| s.key()).collect())
        ));
    }
    if !f.docs.is_empty() {
        parts.push(format!(
            "d={}",
            list(f.docs.iter().map(String::as_str).collect())
        ));
    }
    if let Some((lo, hi)) = f.years {
        if lo == hi {
            parts.push(format!("y={lo}"));
        } else {
            parts.push(format!("y={lo}-{hi}"));
        }
    }
    if !f.units.is_empty() {
        parts.push(format!(
            "u={}",
            list(f.units.iter().map(|u| u.key()).collect())
        ));
    }
    if let Some(key) = &state.selected {
        parts.push(format!("fig={}~{}", escape(&key.doc), key.start));
    }
    if let Some(at) = &state.reader {
        match at.sentence {
            Some(s) => parts.push(format!("read={}~{s}", escape(&at.doc))),
            None => parts.push(format!("read={}", escape(&at.doc))),
        }
    }
    if state.sort != Sort::default() {
        let sign = if state.sort.descending { "-" } else { "" };
        parts.push(format!("sort={sign}{}", state.sort.column.key()));
    }
    if let Some(key) = &state.measure {
        parts.push(format!("m={}", escape(key)));
    }
    if state.tab != implied_tab(state) {
        parts.push(format!("tab={}", state.tab.key()));
    }
    parts.join("&")
}

/// The view a link shows when it does not name one: the Measures view when a measure is open.
fn implied_tab(state: &State) -> Tab {
    if state.measure.is_some() {
        Tab::Measures
    } else {
        Tab::Figures
    }
}

/// Decodes `query` (with or without its leading `?`) against `corpus`. Unknown or malformed
/// parts are skipped and described in [`State::notes`]; the result is always usable.
pub fn decode(query: &str, corpus: &Corpus, index: &CorpusIndex) -> State {
    let mut state = State {
        history: HistoryMode::Replace,
        ..State::default()
    };
    let mut notes = Vec::new();
    let mut tab = None;
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = unescape(raw_key);
        let value = unescape(raw_value);
        let shown = shorten_for_note(&value);
        match key.as_str() {
            "e" => {
                for id in items(&value, &key, &mut notes) {
                    if index.entity(&id).is_some() {
                        state.filter.entities.insert(id);
                    } else {
                        notes.push(format!("unknown entity “{}”", shorten_for_note(&id)));
                    }
                }
            }
            "match" => match value.as_str() {
                "all" => state.filter.mode = Match::All,
                "any" => state.filter.mode = Match::Any,
                _ => notes.push(format!("match “{shown}” (expected any or all)")),
            },
            "scope" => match Scope::from_key(&value) {
                Some(scope) => state.filter.scope = scope,
                None => notes.push(format!(
                    "scope “{shown}” (expected sentence, paragraph or document)"
                )),
            },
            "sec" => {
                for k in items(&value, &key, &mut notes) {
                    match Sector::from_key(&k) {
                        Some(s) => {
                            state.filter.sectors.insert(s);
                        }
                        None => notes.push(format!("unknown sector “{}”", shorten_for_note(&k))),
                    }
                }
            }
            "d" => {
                for id in items(&value, &key, &mut notes) {
                    if index.doc(&id).is_some() {
                        state.filter.docs.insert(id);
                    } else {
                        notes.push(format!("unknown document “{}”", shorten_for_note(&id)));
                    }
                }
            }
            "y" => match parse_years(&value) {
                Some(range) => state.filter.years = Some(range),
                None => notes.push(format!("year range “{shown}” (expected e.g. 2018-2020)")),
            },
            "u" => {
                for k in items(&value, &key, &mut notes) {
                    match Unit::ALL.into_iter().find(|u| u.key() == k) {
                        Some(u) => {
                            state.filter.units.insert(u);
                        }
                        None => notes.push(format!("unknown unit “{}”", shorten_for_note(&k))),
                    }
                }
            }
            "fig" => match parse_place(&value) {
                Some((doc, start)) => {
                    let key = FigureKey { doc, start };
                    if crate::views::find_figure(index, &key).is_some() {
                        state.selected = Some(key);
                    } else {
                        notes.push(format!("figure “{shown}”, which is not in this corpus"));
                    }
                }
                None => notes.push(format!("figure “{shown}” (malformed)")),
            },
            "read" => {
                let (doc, sentence) = match value.split_once('~') {
                    Some((doc, s)) => (doc.to_owned(), Some(s)),
                    None => (value.clone(), None),
                };
                match index.doc(&doc) {
                    Some(d) => {
                        let n = corpus.documents[d as usize].sentences.len();
                        let sentence = match sentence.map(str::parse::<u32>) {
                            None => None,
                            Some(Ok(s)) if (s as usize) < n => Some(s),
                            Some(_) => {
                                notes.push(format!(
                                    "sentence in “{shown}”; the document opens at the top"
                                ));
                                None
                            }
                        };
                        state.reader = Some(ReaderAt { doc, sentence });
                    }
                    None => notes.push(format!("unknown document “{shown}” to read")),
                }
            }
            "sort" => {
                let (descending, name) = match value.strip_prefix('-') {
                    Some(rest) => (true, rest),
                    None => (false, value.as_str()),
                };
                match Column::from_key(name) {
                    Some(column) => state.sort = Sort { column, descending },
                    None => notes.push(format!("sort “{shown}”")),
                }
            }
            "m" => {
                if value.split('|').count() != 3 {
                    notes.push(format!("measure “{shown}” (expected subject|measure|unit)"));
                } else if corpus.metrics.iter().any(|m| m.measure == value) {
                    state.measure = Some(value);
                } else {
                    notes.push(format!(
                        "measure “{shown}”, which this corpus does not cite"
                    ));
                }
            }
            "tab" => match Tab::from_key(&value) {
                Some(t) => tab = Some(t),
                None => notes.push(format!("view “{shown}” (expected figures or measures)")),
            },
            _ => notes.push(format!("unknown part “{}”", shorten_for_note(&key))),
        }
    }
    state.tab = tab.unwrap_or_else(|| implied_tab(&state));
    state.notes = notes
        .into_iter()
        .map(|n| format!("Ignored from the link: {n}."))
        .collect();
    state
}

fn items(value: &str, key: &str, notes: &mut Vec<String>) -> Vec<String> {
    let all: Vec<String> = value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    if all.len() > MAX_LIST_ITEMS {
        notes.push(format!(
            "{} items of “{key}” beyond the first {MAX_LIST_ITEMS}",
            all.len() - MAX_LIST_ITEMS
        ));
    }
    all.into_iter().take(MAX_LIST_ITEMS).collect()
}

fn parse_years(value: &str) -> Option<(i32, i32)> {
    let year = |s: &str| s.trim().parse::<i32>().ok().filter(|y| YEARS.contains(y));
    let (a, b) = match value.split_once('-') {
        Some((a, b)) => (year(a)?, year(b)?),
        None => {
            let y = year(value)?;
            (y, y)
        }
    };
    Some((a.min(b), a.max(b)))
}

fn parse_place(value: &str) -> Option<(String, u32)> {
    let (doc, start) = value.rsplit_once('~')?;
    if doc.is_empty() {
        return None;
    }
    Some((doc.to_owned(), start.parse().ok()?))
}

/// Percent-encodes everything but unreserved characters (RFC 3986), so ids with commas,
/// ampersands or non-ASCII letters survive the trip.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` as a space. Malformed escapes are kept as written, and
/// invalid UTF-8 is replaced, so any input decodes to something.
pub fn unescape(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A value short enough to quote in a note, so a huge link cannot flood the page.
fn shorten_for_note(s: &str) -> String {
    crate::format::shorten(s, 40)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;
    use crate::state::Filter;

    fn setup() -> (Corpus, CorpusIndex) {
        let corpus = fixture::corpus();
        let index = CorpusIndex::new(&corpus);
        (corpus, index)
    }

    fn full_state() -> State {
        State {
            filter: Filter {
                entities: ["byd".to_owned(), "huawei".to_owned()].into(),
                mode: Match::All,
                scope: Scope::Paragraph,
                sectors: [Sector::Ai, Sector::ElectricVehicles].into(),
                docs: ["beta".to_owned()].into(),
                years: Some((2018, 2020)),
                units: [Unit::Percent, Unit::Count].into(),
            },
            selected: Some(FigureKey {
                doc: "alpha".into(),
                start: 12,
            }),
            reader: Some(ReaderAt {
                doc: "alpha".into(),
                sentence: Some(0),
            }),
            sort: Sort {
                column: Column::Value,
                descending: true,
            },
            notes: Vec::new(),
            history: HistoryMode::Replace,
            measure: Some("huawei|employees|count".into()),
            tab: Tab::Measures,
        }
    }

    #[test]
    fn the_tab_is_written_only_when_the_open_measure_does_not_imply_it() {
        let (corpus, index) = setup();
        let measures = State {
            tab: Tab::Measures,
            ..State::default()
        };
        assert_eq!(encode(&measures), "tab=measures");
        let figures_over_open_measure = State {
            tab: Tab::Figures,
            ..full_state()
        };
        assert!(encode(&figures_over_open_measure).ends_with("&tab=figures"));
        for s in [measures, figures_over_open_measure, full_state()] {
            let back = decode(&encode(&s), &corpus, &index);
            assert_eq!(back.tab, s.tab, "{}", encode(&s));
            assert_eq!(back.measure, s.measure);
        }
    }

    #[test]
    fn default_state_is_an_empty_query() {
        assert_eq!(encode(&State::default()), "");
        let (corpus, index) = setup();
        let s = decode("", &corpus, &index);
        assert_eq!(s.filter, Filter::default());
        assert!(s.notes.is_empty());
    }

    #[test]
    fn full_state_round_trips() {
        let (corpus, index) = setup();
        let state = full_state();
        let query = encode(&state);
        assert_eq!(
            query,
            "e=byd,huawei&match=all&scope=paragraph&sec=ai,ev&d=beta&y=2018-2020&u=percent,count&fig=alpha~12&read=alpha~0&sort=-value&m=huawei%7Cemployees%7Ccount"
        );
        assert_eq!(decode(&format!("?{query}"), &corpus, &index), state);
    }

    #[test]
    fn every_single_part_round_trips() {
        let (corpus, index) = setup();
        let full = full_state();
        let variants = [
            State {
                filter: Filter {
                    years: Some((2019, 2019)),
                    ..Filter::default()
                },
                ..State::default()
            },
            State {
                reader: Some(ReaderAt {
                    doc: "gamma".into(),
                    sentence: None,
                }),
                ..State::default()
            },
            State {
                sort: Sort {
                    column: Column::Quote,
                    descending: false,
                },
                ..State::default()
            },
            State {
                filter: full.filter,
                ..State::default()
            },
        ];
        for mut s in variants {
            s.history = HistoryMode::Replace;
            assert_eq!(decode(&encode(&s), &corpus, &index), s, "{}", encode(&s));
        }
    }

    #[test]
    fn malformed_parts_are_noted_and_the_rest_applies() {
        let (corpus, index) = setup();
        let s = decode(
            "?e=huawei,ghost&match=some&scope=planet&sec=ai,warp&d=nope&y=20x8&u=furlongs\
             &fig=alpha~99999&read=beta~400&sort=-height&zzz=1&%ZZ\
             &m=nothing&m=%7Cghosts%7Ccount&tab=charts",
            &corpus,
            &index,
        );
        assert_eq!(s.filter.entities, ["huawei".to_owned()].into());
        assert_eq!(s.filter.mode, Match::Any);
        assert_eq!(s.filter.sectors, [Sector::Ai].into());
        assert!(s.filter.docs.is_empty());
        assert_eq!(s.filter.years, None);
        assert!(s.filter.units.is_empty());
        assert_eq!(s.selected, None);
        assert_eq!(
            s.reader,
            Some(ReaderAt {
                doc: "beta".into(),
                sentence: None
            })
        );
        assert_eq!(s.sort, Sort::default());
        assert_eq!(s.measure, None);
        assert_eq!(s.tab, Tab::Figures);
        let notes = s.notes.join("\n");
        for expected in [
            "unknown entity “ghost”",
            "match “some”",
            "scope “planet”",
            "unknown sector “warp”",
            "unknown document “nope”",
            "year range “20x8”",
            "unknown unit “furlongs”",
            "figure “alpha~99999”, which is not in this corpus",
            "sentence in “beta~400”",
            "sort “-height”",
            "unknown part “zzz”",
            "unknown part “%ZZ”",
            "measure “nothing” (expected subject|measure|unit)",
            "measure “|ghosts|count”, which this corpus does not cite",
            "view “charts” (expected figures or measures)",
        ] {
            assert!(notes.contains(expected), "missing {expected:?} in\n{notes}");
        }
        assert!(s
            .notes
            .iter()
            .all(|n| n.starts_with("Ignored from the link: ")));
    }

    #[test]
    fn garbage_never_panics() {
        let (corpus, index) = setup();
        for q in [
            "?",
            "&&&",
            "=",
            "e=",
            "y=-",
            "y=2020-",
            "y=99999999999999",
            "fig=~",
            "fig=alpha~-1",
            "read=~",
            "%",
            "%F",
            "%FF%FE",
            "e=%E4%B8%AD",
            "sort=-",
            "\u{0}\u{FFFF}",
        ] {
            let s = decode(q, &corpus, &index);
            assert!(s.filter.years.is_none(), "{q}");
        }
    }

    #[test]
    fn escapes_round_trip() {
        for s in ["a,b&c=d", "中国", "100% sure", "~tilde~", ""] {
            assert_eq!(unescape(&escape(s)), s);
        }
        assert_eq!(unescape("a+b%2Cc"), "a b,c");
        assert_eq!(unescape("%"), "%");
        assert_eq!(unescape("%4"), "%4");
    }

    #[test]
    fn long_lists_are_cut_with_a_note() {
        let (corpus, index) = setup();
        let ids = vec!["huawei"; MAX_LIST_ITEMS + 5].join(",");
        let s = decode(&format!("e={ids}"), &corpus, &index);
        assert_eq!(s.filter.entities.len(), 1);
        assert!(s.notes[0].contains("5 items of “e”"), "{:?}", s.notes);
    }
}
