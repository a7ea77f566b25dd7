//! Dates: years, months, days, halves, quarters, ranges and relative years ("this year") in a
//! sentence, and the dated events built from them for the timeline.

/// English month names, January first: for reading dates and for writing periods in words.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The month number of a month name or its abbreviation ("Nov." → 11, "Sept" → 9), read
/// from [`MONTH_NAMES`]: the full name, or its first three letters ("sept" too).
pub fn month_number(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.');
    if !(3..=9).contains(&word.len()) || !word.is_ascii() {
        return None;
    }
    let abbreviation = word.len() == 3 || word.eq_ignore_ascii_case("sept");
    MONTH_NAMES
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(word)
                || (abbreviation
                    && m.get(..word.len())
                        .is_some_and(|h| h.eq_ignore_ascii_case(word)))
        })
        .and_then(|i| u8::try_from(i + 1).ok())
}

use crate::model::{EventTense, PeriodPart};
use crate::words::{words, Word};

/// A date expression found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateExpr {
    /// Byte offset of the expression in the sentence.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The (first) year, when known.
    pub year: Option<i32>,
    /// The last year of a range.
    pub year_end: Option<i32>,
    /// Month 1–12.
    pub month: Option<u8>,
    /// Day of the month.
    pub day: Option<u8>,
    /// Which part of the year.
    pub part: PeriodPart,
    /// "as of", "by the end of", "at the end of": a stock at a point in time.
    pub as_of: bool,
    /// "by 2030": a deadline, which makes the figure a target or forecast.
    pub deadline: bool,
    /// A relative year ("next year", "the coming year") that points ahead.
    pub ahead: bool,
}

/// Words that mark a figure or event as a goal someone set.
pub const TARGET_CUES: &[&str] = &[
    "target",
    "targets",
    "targeted",
    "targeting",
    "aim",
    "aims",
    "aiming",
    "aimed",
    "goal",
    "goals",
    "pledged",
    "pledges",
    "intends",
    "seeks",
    "wants",
];

/// Words that mark a figure or event as an expectation.
pub const FORECAST_CUES: &[&str] = &[
    "forecast",
    "forecasts",
    "expected",
    "expects",
    "expect",
    "projected",
    "projection",
    "predicted",
    "predicts",
    "will",
    "likely",
    "outlook",
    "anticipated",
    "anticipates",
    "could",
    "would",
];

fn year_of(word: &str) -> Option<i32> {
    let w = word.trim_end_matches(['’', '\'', 's']);
    let w = w.strip_suffix("’s").unwrap_or(w);
    if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = w.parse().ok()?;
        return (1800..=2100).contains(&y).then_some(y);
    }
    None
}

fn ordinal_part(lower: &str) -> Option<u8> {
    match lower {
        "first" | "1st" => Some(1),
        "second" | "2nd" => Some(2),
        "third" | "3rd" => Some(3),
        "fourth" | "4th" | "final" => Some(4),
        _ => None,
    }
}

/// Whether the word at `i` is part of a name rather than a date: a year right after a
/// capitalised non-function word ("Made in China 2025") or before a capitalised word
/// ("the 2020 Hurun Global Unicorn List").
fn year_inside_name(ws: &[Word<'_>], i: usize) -> bool {
    let prev = i.checked_sub(1).map(|p| &ws[p]);
    let next = ws.get(i + 1);
    let prev_name = prev.is_some_and(|p| {
        p.is_capitalised()
            && !p.punct_after
            && month_number(p.text).is_none()
            && !matches!(
                p.text,
                "In" | "By"
                    | "Since"
                    | "From"
                    | "Until"
                    | "Before"
                    | "After"
                    | "During"
                    | "Of"
                    | "As"
                    | "For"
                    | "To"
                    | "And"
                    | "H1"
                    | "H2"
                    | "Q1"
                    | "Q2"
                    | "Q3"
                    | "Q4"
                    | "End"
                    | "Through"
                    | "Between"
            )
    });
    let next_name = next.is_some_and(|n| {
        n.is_capitalised()
            && !ws[i].punct_after
            && month_number(n.text).is_none()
            && !n.text.starts_with("Q")
    });
    prev_name || next_name
}

/// Finds the date expressions of `sentence`. `doc_year` resolves relative years.
pub fn find_dates(sentence: &str, doc_year: Option<i32>) -> Vec<DateExpr> {
    if !may_hold_a_date(sentence) {
        return Vec::new();
    }
    let ws = words(sentence);
    let lower: Vec<String> = ws.iter().map(Word::lower).collect();
    let l = |i: usize| lower.get(i).map_or("", String::as_str);
    let mut out: Vec<DateExpr> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let mut e = DateExpr {
            start: ws[i].start,
            end: ws[i].end,
            year: None,
            year_end: None,
            month: None,
            day: None,
            part: PeriodPart::Unspecified,
            as_of: false,
            deadline: false,
            ahead: false,
        };
        let mut next_i = i + 1;
        let w = l(i);
        if let Some(y) = year_of(ws[i].text).filter(|_| !year_inside_name(&ws, i)) {
            // match_year_range: "2015-2020", "from 2003 to 2018", "between 2015 and 2020".
            e.year = Some(y);
            e.part = PeriodPart::Year;
            if let Some((a, b)) = ws[i].text.split_once(['-', '–']) {
                if let (Some(a), Some(b)) = (year_of(a), year_of(b)) {
                    e.year = Some(a);
                    e.year_end = Some(b);
                }
            }
            if matches!(l(i + 1), "to" | "and" | "through" | "until") {
                if let Some(y2) = ws.get(i + 2).and_then(|w| year_of(w.text)) {
                    if matches!(l(i.wrapping_sub(1)), "from" | "between") || l(i + 1) == "to" {
                        e.year_end = Some(y2);
                        e.end = ws[i + 2].end;
                        next_i = i + 3;
                    }
                }
            }
        } else if let Some((a, b)) = ws[i].text.split_once(['-', '–']) {
            if let (Some(a), Some(b)) = (year_of(a), year_of(b)) {
                e.year = Some(a);
                e.year_end = Some(b);
                e.part = PeriodPart::Year;
            } else if let Some(y) = year_of(b) {
                // match_year_edge: "end-2023", "mid-2024", "early-2025".
                if matches!(
                    a.to_lowercase().as_str(),
                    "end" | "mid" | "early" | "late" | "year"
                ) {
                    e.year = Some(y);
                    e.part = PeriodPart::Year;
                    e.as_of = a.eq_ignore_ascii_case("end") || a.eq_ignore_ascii_case("year");
                }
            }
        }
        if e.year.is_none() {
            if let Some(m) = month_number(ws[i].text).filter(|_| {
                ws[i].is_capitalised() && (ws[i].text.len() > 3 || ws[i].text.ends_with('.'))
                    || matches!(
                        ws[i].text,
                        "Jan"
                            | "Feb"
                            | "Mar"
                            | "Apr"
                            | "Jun"
                            | "Jul"
                            | "Aug"
                            | "Sep"
                            | "Oct"
                            | "Nov"
                            | "Dec"
                    )
            }) {
                // "May" is also a verb: require a day or a year after it.
                let mut j = i + 1;
                let mut day = None;
                if let Some(d) = ws
                    .get(j)
                    .and_then(|w| w.text.parse::<u8>().ok())
                    .filter(|d| (1..=31).contains(d))
                {
                    day = Some(d);
                    j += 1;
                }
                let year = ws.get(j).and_then(|w| year_of(w.text));
                if year.is_some()
                    || day.is_some()
                    || (m != 5
                        && matches!(
                            l(i.wrapping_sub(1)),
                            "in" | "since"
                                | "by"
                                | "of"
                                | "early"
                                | "late"
                                | "mid"
                                | "end"
                                | "until"
                        ))
                {
                    e.month = Some(m);
                    e.day = day;
                    e.part = PeriodPart::Month(m);
                    e.year = year;
                    let last = if year.is_some() { j } else { j - 1 };
                    e.end = ws[last.min(ws.len() - 1)].end;
                    next_i = last + 1;
                }
            } else if let Ok(d) = ws[i].text.parse::<u8>() {
                // "12 June 2014".
                if let Some(m) = ws
                    .get(i + 1)
                    .filter(|w| w.is_capitalised())
                    .and_then(|w| month_number(w.text))
                {
                    if (1..=31).contains(&d) {
                        e.month = Some(m);
                        e.day = Some(d);
                        e.part = PeriodPart::Month(m);
                        e.year = ws.get(i + 2).and_then(|w| year_of(w.text));
                        let last = if e.year.is_some() { i + 2 } else { i + 1 };
                        e.end = ws[last].end;
                        next_i = last + 1;
                    }
                }
            } else if let Some(part) = match_half_or_quarter(&ws, &lower, i) {
                // "the first half of 2018", "Q3 2024", "H1 2018".
                let (part, last) = part;
                e.part = part;
                e.end = ws[last].end;
                next_i = last + 1;
                if matches!(l(last + 1), "of" | "in") {
                    if let Some(y) = ws.get(last + 2).and_then(|w| year_of(w.text)) {
                        e.year = Some(y);
                        e.end = ws[last + 2].end;
                        next_i = last + 3;
                    }
                } else if let Some(y) = ws.get(last + 1).and_then(|w| year_of(w.text)) {
                    e.year = Some(y);
                    e.end = ws[last + 1].end;
                    next_i = last + 2;
                }
            } else if matches!(
                w,
                "this" | "last" | "next" | "coming" | "following" | "previous" | "past"
            ) && matches!(l(i + 1), "year")
            {
                // match_relative_year: "this year", "last year", "next year", "the coming year".
                let offset = match w {
                    "this" => 0,
                    "last" | "previous" | "past" => -1,
                    _ => 1,
                };
                e.year = doc_year.map(|y| y + offset);
                e.part = PeriodPart::Year;
                e.ahead = offset > 0;
                e.end = ws[i + 1].end;
                next_i = i + 2;
            }
        }
        if e.part != PeriodPart::Unspecified || e.year.is_some() {
            // Look back for "as of", "by the end of", "at the end of", "by".
            let back: Vec<&str> = (i.saturating_sub(4)..i).map(l).collect();
            let tail = back.join(" ");
            if tail.ends_with("as of")
                || tail.ends_with("as at")
                || tail.ends_with("end of")
                || tail.ends_with("end")
            {
                e.as_of = true;
            } else if tail.ends_with("by") {
                e.deadline = true;
            }
            if e.year.is_some()
                || e.month.is_some()
                || matches!(e.part, PeriodPart::Half(_) | PeriodPart::Quarter(_))
            {
                out.push(e);
            }
        }
        i = next_i;
    }
    out
}

/// A cheap test that lets most sentences skip date parsing: a date needs a digit, a month
/// name, or the words "year", "half" or "quarter".
fn may_hold_a_date(sentence: &str) -> bool {
    const MONTH_STEMS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    sentence.bytes().any(|b| b.is_ascii_digit())
        || ["year", "Year", "half", "quarter"]
            .iter()
            .chain(MONTH_STEMS.iter())
            .any(|w| sentence.contains(w))
}

/// match_half_or_quarter: "first half", "second quarter", "H1", "Q3", "1H".
fn match_half_or_quarter(
    ws: &[Word<'_>],
    lower: &[String],
    i: usize,
) -> Option<(PeriodPart, usize)> {
    let w = lower[i].as_str();
    let t = ws[i].text;
    if t.len() == 2 {
        let (a, b) = (t.as_bytes()[0], t.as_bytes()[1]);
        match (a, b) {
            (b'Q', b'1'..=b'4') => return Some((PeriodPart::Quarter(b - b'0'), i)),
            (b'H', b'1'..=b'2') => return Some((PeriodPart::Half(b - b'0'), i)),
            (b'1'..=b'4', b'Q') => return Some((PeriodPart::Quarter(a - b'0'), i)),
            (b'1'..=b'2', b'H') => return Some((PeriodPart::Half(a - b'0'), i)),
            _ => {}
        }
    }
    let n = ordinal_part(w)?;
    let next = lower.get(i + 1)?.as_str();
    match next {
        "half" if n <= 2 => Some((PeriodPart::Half(n), i + 1)),
        "quarter" => Some((PeriodPart::Quarter(n), i + 1)),
        _ => None,
    }
}

/// Whether one of `cues` occurs among the lower-cased words of `text`.
pub fn has_cue(text: &str, cues: &[&str]) -> bool {
    words(text).iter().any(|w| {
        let l = w.lower();
        cues.contains(&l.as_str())
    })
}

/// The tense of an event dated `date` in `sentence`, given the document's year.
///
/// Rule: a deadline ("by 2030") or a target cue makes a target; a forecast cue, a relative
/// year ahead, or a year after the document's makes a forecast; anything else happened.
pub fn event_tense(sentence: &str, date: &DateExpr, doc_year: Option<i32>) -> EventTense {
    let target = has_cue(sentence, TARGET_CUES);
    let ahead = date.ahead || matches!((date.year, doc_year), (Some(y), Some(d)) if y > d);
    if (date.deadline || ahead) && target {
        EventTense::Target
    } else if date.deadline
        || ahead
        || (has_cue(sentence, &["will", "expected", "forecast", "ahead"])
            && date.year.is_some_and(|y| doc_year.is_none_or(|d| y >= d)))
    {
        EventTense::Forecast
    } else {
        EventTense::Past
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(s: &str) -> Vec<(String, Option<i32>, PeriodPart)> {
        find_dates(s, Some(2020))
            .into_iter()
            .map(|d| (s[d.start..d.end].to_owned(), d.year, d.part))
            .collect()
    }

    #[test]
    fn finds_dates() {
        assert_eq!(
            dates("reaching 31.3 trillion yuan in 2018, up"),
            [("2018".into(), Some(2018), PeriodPart::Year)]
        );
        assert_eq!(
            dates("in the first half of 2018."),
            [("first half of 2018".into(), Some(2018), PeriodPart::Half(1))]
        );
        assert_eq!(
            dates("Since its opening on June 12, 2014, it"),
            [("June 12, 2014".into(), Some(2014), PeriodPart::Month(6))]
        );
        assert_eq!(
            dates("This year, sales"),
            [("This year".into(), Some(2020), PeriodPart::Year)]
        );
        assert!(dates("the Made in China 2025 strategy").is_empty());
        assert!(dates("released the 2020 Hurun Global Unicorn List").is_empty());
    }
}
