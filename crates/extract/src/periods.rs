//! Periods: which year, half, quarter or month a figure refers to, and whether it is actual,
//! "as of", a forecast or a target.

use crate::dates::{has_cue, DateExpr, FORECAST_CUES, TARGET_CUES};
use crate::model::{Period, PeriodAspect, PeriodPart};

/// Phrases that say a figure shares the period of the figure before it.
const SAME_PERIOD: &[&str] = &[
    "same timeframe",
    "same time frame",
    "same period",
    "same time period",
    "same quarter",
    "same half",
    "same month",
    "same year",
];

/// The period of a figure at `fig_start..fig_end` in `sentence`.
///
/// `segment` is the stretch of the sentence that belongs to this figure (from the end of the
/// previous figure to the start of the next), `dates` the sentence's date expressions, and
/// `previous` the period of the document's previous figure, for "the same timeframe".
///
/// Rules: match_period_date — the nearest date inside the figure's segment gives the period,
/// else the nearest in the sentence; match_same_timeframe — "the same timeframe/period" in the
/// segment, with no date of its own, inherits the previous figure's period; match_aspect —
/// "as of"/"by the end of" make a stock, a target cue a target, a forecast cue or a deadline
/// ("by 2030") a forecast.
pub fn period_of(
    sentence: &str,
    segment: (usize, usize),
    fig: (usize, usize),
    dates: &[DateExpr],
    previous: Option<&Period>,
    doc_year: Option<i32>,
) -> Period {
    // The figure's own stretch: from the previous figure to it, and after it up to the end of
    // its clause (", and", " and ", ";", ", while", ", but", ", which").
    let after = sentence.get(fig.1..segment.1.max(fig.1)).unwrap_or("");
    let clause_end = [
        ", and ",
        " and ",
        "; ",
        ", while",
        ", but",
        ", which",
        ", whereas",
        ", who",
        ", said",
        ", according",
    ]
    .iter()
    .filter_map(|b| after.find(b))
    .min()
    .map_or(segment.1.max(fig.1), |p| fig.1 + p);
    let before_text = sentence.get(segment.0..fig.0.max(segment.0)).unwrap_or("");
    let after_text = sentence.get(fig.1..clause_end).unwrap_or("");
    let seg_text_owned = format!("{before_text} {after_text}");
    let seg_text = seg_text_owned.as_str();
    let seg_lower = seg_text.to_lowercase();
    let in_segment: Vec<&DateExpr> = dates
        .iter()
        .filter(|d| {
            (d.start >= segment.0 && d.end <= fig.0) || (d.start >= fig.1 && d.end <= clause_end)
        })
        .filter(|d| !in_apposition(sentence, d, fig))
        .collect();
    let distance = |d: &&DateExpr| {
        if d.end <= fig.0 {
            fig.0 - d.end
        } else {
            d.start.saturating_sub(fig.1)
        }
    };
    if in_segment.is_empty() && SAME_PERIOD.iter().any(|p| seg_lower.contains(p)) {
        if let Some(prev) = previous {
            let mut p = prev.clone();
            p.inherited = true;
            return p;
        }
    }
    // match_so_far: "so far", "to date" make a stock as of the time of writing.
    if seg_lower.contains("so far") || seg_lower.contains("to date") {
        return Period {
            year: doc_year,
            part: if doc_year.is_some() {
                PeriodPart::Year
            } else {
                PeriodPart::Unspecified
            },
            aspect: PeriodAspect::AsOf,
            ..Period::default()
        };
    }
    // Between two candidates, one in the figure's own comma-free stretch wins.
    let across_comma = |d: &&DateExpr| {
        let (a, b) = if d.end <= fig.0 {
            (d.end, fig.0)
        } else {
            (fig.1, d.start)
        };
        sentence.get(a..b).is_some_and(|t| t.contains(", "))
    };
    let date = in_segment
        .iter()
        .copied()
        .min_by_key(|d| (across_comma(d), distance(d)))
        .or_else(|| {
            dates
                .iter()
                .filter(|d| !in_apposition(sentence, d, fig))
                .min_by_key(distance)
        });
    let mut period = Period::default();
    if let Some(d) = date {
        period.year = d.year;
        period.year_end = d.year_end;
        period.part = if d.part == PeriodPart::Unspecified && d.year.is_some() {
            PeriodPart::Year
        } else {
            d.part
        };
    }
    let target = has_cue(seg_text, TARGET_CUES);
    let forecast = has_cue(seg_text, FORECAST_CUES);
    period.aspect = match date {
        // "aims to place 648 satellites by the end of 2025" is a goal, not a stock.
        Some(d) if d.as_of && target => PeriodAspect::Target,
        Some(d) if d.as_of => PeriodAspect::AsOf,
        Some(d) if d.deadline && target => PeriodAspect::Target,
        _ if target && (forecast || date.is_some_and(|d| d.deadline || d.ahead)) => {
            PeriodAspect::Target
        }
        Some(d) if d.deadline || d.ahead => PeriodAspect::Forecast,
        _ if forecast => PeriodAspect::Forecast,
        _ if seg_lower.contains("so far") || seg_lower.contains("to date") => PeriodAspect::AsOf,
        _ => PeriodAspect::Actual,
    };
    period
}

/// match_apposition_date: a date inside a comma-delimited aside about something else
/// (", founded in 2007,", ", spun off from Huawei in 2020,") does not date other figures.
fn in_apposition(sentence: &str, d: &DateExpr, fig: (usize, usize)) -> bool {
    let Some(open) = sentence.get(..d.start).and_then(|b| b.rfind(", ")) else {
        return false;
    };
    // The figure inside the same aside is dated by it ("..., which delivered 20,000 EVs in
    // October 2024, ...").
    if open < fig.0 && fig.1 <= d.start {
        return false;
    }
    let closes = sentence
        .get(d.end..)
        .is_some_and(|a| a.starts_with(',') || a.contains(", "));
    let aside = sentence.get(open + 2..d.start).unwrap_or("").to_lowercase();
    let first = aside.split_whitespace().next().unwrap_or("");
    closes
        && matches!(
            first,
            "founded"
                | "spun"
                | "launched"
                | "established"
                | "set"
                | "created"
                | "which"
                | "who"
                | "listed"
                | "built"
                | "opened"
                | "acquired"
                | "bought"
        )
}
