//! One measure in full: every citation as a mark by period, coloured by its source, bounds
//! drawn for "more than" and "up to", and a ring on the citations that disagree.

use plotters::coord::Shift;
use plotters::prelude::*;

use extract::{Corpus, Unit};

use super::{draw_marker, Bound, Ink, Mark, Target};
use crate::format::{compact, trim_number};
use crate::measures::Measure;

/// Sources with a colour of their own; the rest share one "other" colour.
pub const TOP_SOURCES: usize = 7;

/// Periods drawn: the latest ones, so the axis stays readable.
pub const MAX_PERIODS: usize = 24;

/// One citation on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasurePoint {
    /// Position of its period on the x axis.
    pub x: usize,
    /// Its value on the family's comparable scale (money in US dollars, signed).
    pub value: f64,
    /// How its qualifier is drawn.
    pub bound: Bound,
    /// Colour group: its source's rank, or the "other" group.
    pub colour: u8,
    /// Whether it disagrees with its period's other citations.
    pub flagged: bool,
    /// The figure.
    pub target: Target,
}

/// The chart of one measure.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureChart {
    /// The measure's title.
    pub title: String,
    /// The measure key (stable, for the chart's key).
    pub key: String,
    /// The unit family of its figures.
    pub unit: Unit,
    /// The period labels along the x axis, oldest first.
    pub periods: Vec<String>,
    /// The citations drawn.
    pub points: Vec<MeasurePoint>,
    /// The colour groups' names: the top sources, then "Other sources" when needed.
    pub legend: Vec<String>,
    /// Citations without a period or a comparable value, not drawn.
    pub undrawn: usize,
}

/// The chart of `measure`: the citations with a period and a comparable value, in the latest
/// [`MAX_PERIODS`] periods, coloured by document (the most citing [`TOP_SOURCES`] each
/// their own colour).
pub fn build(corpus: &Corpus, measure: &Measure) -> MeasureChart {
    let drawable: Vec<_> = measure
        .citations
        .iter()
        .filter(|c| !c.period.is_empty() && c.value.is_some_and(f64::is_finite))
        .collect();
    let mut periods: Vec<String> = Vec::new();
    for c in &drawable {
        if periods.last() != Some(&c.period) {
            periods.push(c.period.clone());
        }
    }
    let skip = periods.len().saturating_sub(MAX_PERIODS);
    let periods: Vec<String> = periods.into_iter().skip(skip).collect();
    let mut per_doc: Vec<(u32, usize)> = Vec::new();
    for c in &drawable {
        let doc = corpus.metrics[c.metric as usize].doc;
        match per_doc.iter_mut().find(|(d, _)| *d == doc) {
            Some((_, n)) => *n += 1,
            None => per_doc.push((doc, 1)),
        }
    }
    per_doc.sort_by_key(|&(d, n)| (std::cmp::Reverse(n), d));
    let top: Vec<u32> = per_doc.iter().take(TOP_SOURCES).map(|&(d, _)| d).collect();
    let mut legend: Vec<String> = top
        .iter()
        .map(|&d| crate::provenance::doc_name(corpus, d))
        .collect();
    if per_doc.len() > top.len() {
        legend.push("Other sources".to_owned());
    }
    let other = u8::try_from(top.len()).unwrap_or(0);
    let points: Vec<MeasurePoint> = drawable
        .iter()
        .filter_map(|c| {
            let m = &corpus.metrics[c.metric as usize];
            Some(MeasurePoint {
                x: periods.iter().position(|p| *p == c.period)?,
                value: c.value?,
                bound: Bound::of(m.qualifier),
                colour: top
                    .iter()
                    .position(|&d| d == m.doc)
                    .map_or(other, |k| u8::try_from(k).unwrap_or(other)),
                flagged: c.flagged,
                target: Target::Metric(c.metric),
            })
        })
        .collect();
    MeasureChart {
        title: measure.title(),
        key: measure.key.clone(),
        unit: measure
            .citations
            .first()
            .map_or(Unit::Count, |c| corpus.metrics[c.metric as usize].unit),
        periods,
        undrawn: measure.citations.len() - points.len(),
        points,
        legend,
    }
}

impl MeasureChart {
    /// CSS height at any width.
    pub fn height(&self, _width: u32) -> u32 {
        240
    }

    /// For screen readers.
    pub fn aria_label(&self) -> String {
        let flagged = self.points.iter().filter(|p| p.flagged).count();
        format!(
            "Measure “{}”: {} citations over {} periods, {flagged} flagged as disagreeing.",
            self.title,
            self.points.len(),
            self.periods.len()
        )
    }

    /// A value as the axis writes it.
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
        if self.points.is_empty() {
            super::draw_empty(root, ink, "No citation of this measure has a period")?;
            return Ok(Vec::new());
        }
        let (lo, hi) = super::extent(self.points.iter().map(|p| p.value));
        let lo = lo.min(0.0);
        let span = (hi - lo).max(1.0);
        let n = self.periods.len();
        let x = -0.5..(n as f64) - 0.5;
        let mut chart = ChartBuilder::on(root)
            .caption(
                crate::format::shorten(&self.title, 48),
                ink.font(13.0, ink.palette.ink),
            )
            .margin(ink.upx(8.0))
            .margin_right(ink.upx(20.0))
            .x_label_area_size(ink.upx(24.0))
            .y_label_area_size(ink.upx(56.0))
            .build_cartesian_2d(x, lo..hi + span * 0.15)?;
        let label = |v: &f64| {
            let i = v.round();
            if (v - i).abs() < 1e-6 && i >= 0.0 {
                self.periods.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        };
        chart
            .configure_mesh()
            .light_line_style(ink.palette.bg)
            .bold_line_style(ink.palette.grid)
            .axis_style(ink.palette.muted)
            .label_style(ink.font(11.0, ink.palette.ink))
            .x_labels(n.clamp(1, 6))
            .x_label_formatter(&label)
            .y_labels(5)
            .y_label_formatter(&|v| self.format_value(*v))
            .draw()?;
        let plot_x = chart.plotting_area().get_pixel_range().0;
        let mut marks = Vec::new();
        // Citations of one period spread a little sideways so that equal values stay visible.
        let mut seen = vec![0usize; n];
        for p in &self.points {
            let k = seen[p.x];
            seen[p.x] += 1;
            let offset = (k % 5) as f64 * 0.06 - 0.12;
            let (px, py) = chart.backend_coord(&(p.x as f64 + offset, p.value));
            draw_marker(
                root,
                ink,
                (px, py),
                p.bound,
                ink.palette.colour(p.colour),
                (plot_x.start, plot_x.end),
            )?;
            if p.flagged {
                // A disagreeing citation: a square drawn around it.
                let r = ink.px(9.0);
                root.draw(&Rectangle::new(
                    [(px - r, py - r), (px + r, py + r)],
                    ink.palette.ink.stroke_width(ink.px(1.5).max(1) as u32),
                ))?;
            }
            marks.push(Mark {
                x: px,
                y: py,
                r: ink.px(11.0),
                target: p.target,
            });
        }
        Ok(marks)
    }
}
