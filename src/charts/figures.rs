//! The figures of one unit family as a dot plot: one row per figure, its value on the x axis.
//!
//! Percentages use a linear axis from zero; counts and money span many orders of magnitude,
//! so they use a log axis. Money is converted to US dollars at the rates in
//! [`crate::money`], which the chart prints beneath itself. Rows are coloured by their
//! document's colour group (the document itself when few are in view, else its sector).

use plotters::coord::ranged1d::{AsRangedCoord, ValueFormatter};
use plotters::coord::Shift;
use plotters::prelude::*;

use extract::{Corpus, Unit};

use super::{draw_empty, draw_marker, Bound, Ink, Mark, Target};
use crate::format::{compact, period_label, shorten, trim_number};
use crate::money;

/// Rows drawn when a chart summarises: the largest, with a note and a link to the table.
pub const MAX_ROWS: usize = 10;
/// Up to this many rows a chart draws them all: hiding a handful would save little room.
pub const ALL_ROWS_UP_TO: usize = 20;
/// Height of one row, CSS pixels.
const ROW: u32 = 22;
/// Height of one note line, CSS pixels.
const NOTE_LINE: u32 = 16;

/// One figure on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureRow {
    /// The row label: what is measured, and when.
    pub label: String,
    /// The value on the chart's scale (money in US dollars).
    pub value: f64,
    /// How the qualifier is drawn.
    pub bound: Bound,
    /// Colour group.
    pub colour: u8,
    /// The figure.
    pub target: Target,
}

/// A dot plot of one unit family.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureChart {
    /// The unit family.
    pub unit: Unit,
    /// The caption.
    pub title: String,
    /// Whether the x axis is logarithmic.
    pub log: bool,
    /// The rows, largest value first.
    pub rows: Vec<FigureRow>,
    /// Lines printed under the chart: conversion rates, what was left out.
    pub notes: Vec<String>,
    /// Figures of this unit in view that are not drawn (they are in the table).
    pub more: usize,
}

/// The chart of the figures among `figures` whose unit is `unit`, or `None` when there are none.
/// `colours` gives each document's colour group.
pub fn build(corpus: &Corpus, figures: &[u32], unit: Unit, colours: &[u8]) -> Option<FigureChart> {
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    let mut codes: Vec<&str> = Vec::new();
    let mut unconverted = 0;
    let mut non_positive = 0;
    let log = matches!(unit, Unit::Count | Unit::Currency);
    for &i in figures {
        let Some(m) = corpus.metrics.get(i as usize) else {
            continue;
        };
        if m.unit != unit {
            continue;
        }
        let Some(value) = money::comparable(m) else {
            unconverted += 1;
            continue;
        };
        if let (Unit::Currency, Some(code)) = (unit, m.currency.as_deref()) {
            codes.push(code);
        }
        if !value.is_finite() || (log && value <= 0.0) {
            non_positive += 1;
            continue;
        }
        let period = period_label(&m.period);
        let label = if period == "—" {
            m.label.clone()
        } else {
            format!("{} · {period}", m.label)
        };
        rows.push(FigureRow {
            label,
            value,
            bound: Bound::of(m.qualifier),
            colour: colours.get(m.doc as usize).copied().unwrap_or(0),
            target: Target::Metric(i),
        });
    }
    if rows.is_empty() && unconverted == 0 && non_positive == 0 {
        return None;
    }
    rows.sort_by(|a, b| b.value.total_cmp(&a.value));
    let total = rows.len();
    let more = if total > ALL_ROWS_UP_TO {
        total - MAX_ROWS
    } else {
        0
    };
    if more > 0 {
        rows.truncate(MAX_ROWS);
        notes.push(format!(
            "The {MAX_ROWS} largest of {total}; the table lists all of them."
        ));
    }
    if unit == Unit::Currency {
        notes.insert(0, format!("Converted to {}", money::rates_note(codes)));
        if unconverted > 0 {
            notes.push(format!(
                "{unconverted} figure(s) in a currency without a rate are only in the table."
            ));
        }
    }
    if non_positive > 0 {
        notes.push(format!(
            "{non_positive} zero or negative figure(s) cannot sit on a log axis; see the table."
        ));
    }
    let title = match unit {
        Unit::Percent => "Percentages".to_owned(),
        Unit::PercentagePoints => "Percentage points".to_owned(),
        Unit::Count => "Counts (log scale)".to_owned(),
        Unit::Currency => format!("Money in {} (log scale)", money::TARGET),
        Unit::IndexPoints => "Index points".to_owned(),
    };
    Some(FigureChart {
        unit,
        title,
        log,
        rows,
        notes,
        more,
    })
}

impl FigureChart {
    /// CSS height at `width`.
    pub fn height(&self, width: u32) -> u32 {
        let rows = u32::try_from(self.rows.len().max(1)).unwrap_or(1);
        let note_lines: u32 = self
            .notes
            .iter()
            .map(|n| wrap(n, chars_per_line(width)).len() as u32)
            .sum();
        48 + rows * ROW + 36 + note_lines * NOTE_LINE
    }

    /// For screen readers.
    pub fn aria_label(&self) -> String {
        format!(
            "{}: dot plot of {} figures, one row each; the table below lists them with their sources.",
            self.title,
            self.rows.len()
        )
    }

    /// A value as the axis and the value labels show it.
    pub fn format_value(&self, v: f64) -> String {
        match self.unit {
            Unit::Percent => format!("{}%", trim_number(v)),
            Unit::PercentagePoints => format!("{} pp", trim_number(v)),
            Unit::Count => compact(v),
            Unit::Currency => format!("${}", compact(v)),
            Unit::IndexPoints => format!("{} pts", trim_number(v)),
        }
    }

    /// Draws the chart and returns its marks.
    pub fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        ink: &Ink,
    ) -> Result<Vec<Mark>, DrawingAreaErrorKind<DB::ErrorType>> {
        let (w, h) = root.dim_in_pixel();
        let css_width = (f64::from(w) / ink.scale) as u32;
        let lines: Vec<String> = self
            .notes
            .iter()
            .flat_map(|n| wrap(n, chars_per_line(css_width)))
            .collect();
        let notes_h = ink.upx(f64::from(NOTE_LINE) * lines.len() as f64 + 4.0);
        let (plot, notes) = root.split_vertically(h.saturating_sub(notes_h));
        for (i, line) in lines.iter().enumerate() {
            notes.draw(&Text::new(
                line.clone(),
                (ink.px(8.0), ink.px(f64::from(NOTE_LINE) * (i as f64 + 0.5))),
                ink.font_left(11.5, ink.palette.muted),
            ))?;
        }
        if self.rows.is_empty() {
            draw_empty(&plot, ink, "No figures here can be drawn; see the table.")?;
            return Ok(Vec::new());
        }
        let (lo, hi) = super::extent(self.rows.iter().map(|x| x.value));
        if self.log {
            // Pad by a quarter decade either side, so end markers and carets stay inside.
            let lo = lo / 10f64.powf(0.25);
            let hi = hi * 10f64.powf(0.25);
            self.plot(&plot, ink, (lo..hi).log_scale())
        } else {
            let lo = lo.min(0.0);
            let span = (hi - lo).max(1.0);
            // Room on the right for the value labels and a lower bound's tail.
            self.plot(&plot, ink, lo..hi + span * 0.18)
        }
    }

    fn plot<DB, X>(
        &self,
        area: &DrawingArea<DB, Shift>,
        ink: &Ink,
        x: X,
    ) -> Result<Vec<Mark>, DrawingAreaErrorKind<DB::ErrorType>>
    where
        DB: DrawingBackend,
        X: AsRangedCoord<Value = f64>,
        X::CoordDescType: ValueFormatter<f64>,
    {
        let (w, _) = area.dim_in_pixel();
        let label_w = (f64::from(w) / ink.scale * 0.4).clamp(90.0, 300.0);
        let label_chars = (label_w / 6.6) as usize;
        let n = i32::try_from(self.rows.len()).unwrap_or(i32::MAX);
        let mut chart = ChartBuilder::on(area)
            .caption(&self.title, ink.font(14.0, ink.palette.ink))
            .margin(ink.upx(8.0))
            .margin_right(ink.upx(40.0))
            .x_label_area_size(ink.upx(26.0))
            .y_label_area_size(ink.upx(label_w))
            .build_cartesian_2d(x, (0..n).into_segmented())?;
        let rows = &self.rows;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(ink.palette.bg)
            .bold_line_style(ink.palette.grid)
            .axis_style(ink.palette.muted)
            .label_style(ink.font(11.5, ink.palette.ink))
            .y_labels(rows.len())
            .x_labels(6)
            .x_label_formatter(&|v| self.format_value(*v))
            .y_label_formatter(&|seg| match seg {
                SegmentValue::CenterOf(i) => usize::try_from(n - 1 - *i)
                    .ok()
                    .and_then(|i| rows.get(i))
                    .map(|r| shorten(&r.label, label_chars))
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .draw()?;

        let plot_x = chart.plotting_area().get_pixel_range().0;
        let clip = (plot_x.start, plot_x.end);
        let mut marks = Vec::with_capacity(rows.len());
        for (i, row) in rows.iter().enumerate() {
            // Row 0 (the largest) at the top: segment n-1.
            let seg = n - 1 - i32::try_from(i).unwrap_or(0);
            let (x, y) = chart.backend_coord(&(row.value, SegmentValue::CenterOf(seg)));
            let colour = ink.palette.colour(row.colour);
            draw_marker(area, ink, (x, y), row.bound, colour, clip)?;
            let text = format!("{}{}", row.bound.symbol(), self.format_value(row.value));
            // Value labels sit right of the marker, or left of it near the right edge.
            let right_side = x + ink.px(40.0) < clip.1 || row.bound == Bound::Upper;
            let style = if right_side && row.bound != Bound::Lower {
                ink.font_left(11.0, ink.palette.muted)
            } else {
                ink.font_right(11.0, ink.palette.muted)
            };
            let tx = if right_side && row.bound != Bound::Lower {
                x + ink.px(9.0)
            } else {
                x - ink.px(9.0)
            };
            area.draw(&Text::new(text, (tx, y), style))?;
            marks.push(Mark {
                x,
                y,
                r: ink.px(11.0),
                target: row.target,
            });
        }
        Ok(marks)
    }
}

/// How many note characters fit on a line of a chart `width` CSS pixels wide.
fn chars_per_line(width: u32) -> usize {
    (f64::from(width.max(200)) / 6.4) as usize
}

/// Splits `text` into lines of at most `max` characters at spaces.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{ChartSpec, Palette};
    use crate::fixture;

    fn svg_of(chart: &FigureChart, width: u32) -> (String, Vec<Mark>) {
        let mut svg = String::new();
        let spec = ChartSpec::Figures(chart.clone());
        let h = spec.height(width);
        let marks = {
            let root = SVGBackend::with_string(&mut svg, (width, h)).into_drawing_area();
            let ink = Ink {
                palette: Palette::LIGHT,
                scale: 1.0,
            };
            spec.draw(&root, &ink, None).expect("draws")
        };
        (svg, marks)
    }

    fn all(corpus: &Corpus) -> Vec<u32> {
        (0..corpus.metrics.len() as u32).collect()
    }

    #[test]
    fn money_is_converted_and_the_rates_are_printed() {
        let corpus = fixture::corpus();
        let chart = build(&corpus, &all(&corpus), Unit::Currency, &[0, 1, 2]).expect("has money");
        assert!(chart.log);
        // 858.8bn yuan at 7.30 per dollar, largest first.
        assert!((chart.rows[0].value - 8.588e11 / 7.30).abs() < 1.0);
        let (svg, marks) = svg_of(&chart, 640);
        assert_eq!(marks.len(), 2);
        assert!(svg.contains("Money in USD (log scale)"), "{svg}");
        assert!(svg.contains("1 USD = 7.3 CNY"), "{svg}");
        assert!(svg.contains("31 Dec 2024"), "{svg}");
        assert!(svg.contains("H.10"), "{svg}");
    }

    #[test]
    fn counts_use_a_log_axis_and_bounds_are_carets() {
        let corpus = fixture::corpus();
        let chart = build(&corpus, &all(&corpus), Unit::Count, &[0, 1, 2]).expect("has counts");
        assert!(chart.log);
        let bounds: Vec<Bound> = chart.rows.iter().map(|r| r.bound).collect();
        // 50m exact, up to 3m, more than 100k, about 90.
        assert_eq!(
            bounds,
            [Bound::Exact, Bound::Upper, Bound::Lower, Bound::About]
        );
        let (svg, marks) = svg_of(&chart, 640);
        assert_eq!(marks.len(), 4);
        // Two carets (polygons) for the two bounds, value labels with their symbols.
        assert_eq!(svg.matches("<polygon").count(), 2, "{svg}");
        assert!(svg.contains("≥100k") && svg.contains("≤3m") && svg.contains("≈90"));
        // A log axis spanning 90 to 50m labels several decades.
        for tick in ["1000", "100k", "10m"] {
            assert!(svg.contains(tick), "no {tick} tick in {svg}");
        }
    }

    #[test]
    fn marks_sit_inside_the_canvas_in_row_order() {
        let corpus = fixture::corpus();
        let chart =
            build(&corpus, &all(&corpus), Unit::Percent, &[0, 1, 2]).expect("has percentages");
        let (_, marks) = svg_of(&chart, 375);
        assert_eq!(marks.len(), 2);
        assert!(marks[0].y < marks[1].y, "largest first, at the top");
        assert!(marks[0].x > marks[1].x, "36.2% lies right of 34.8%");
        let h = i32::try_from(ChartSpec::Figures(chart).height(375)).unwrap_or(0);
        for m in marks {
            assert!((0..375).contains(&m.x) && (0..h).contains(&m.y), "{m:?}");
        }
    }

    #[test]
    fn no_figures_of_a_unit_means_no_chart() {
        let corpus = fixture::corpus();
        assert!(build(&corpus, &[0], Unit::Percent, &[0, 1, 2]).is_none());
    }

    #[test]
    fn wrap_keeps_words() {
        assert_eq!(wrap("aa bb cc", 5), ["aa bb", "cc"]);
        assert!(wrap("", 5).is_empty());
    }
}
