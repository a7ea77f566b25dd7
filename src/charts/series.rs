//! Series assembled from comparable figures: the same measure, in the same unit, in
//! different years (from one document or several), drawn as a line over the years.

use plotters::coord::ranged1d::{AsRangedCoord, ValueFormatter};
use plotters::coord::Shift;
use plotters::prelude::*;

use extract::{Corpus, Unit};

use super::{draw_marker, Bound, Ink, Mark, Target};
use crate::format::{compact, trim_number};
use crate::money;

/// Most series drawn.
pub const MAX_SERIES: usize = 3;

/// One figure in a series.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesPoint {
    /// The year it refers to.
    pub year: i32,
    /// Its value (money in US dollars).
    pub value: f64,
    /// How its qualifier is drawn.
    pub bound: Bound,
    /// Colour group.
    pub colour: u8,
    /// The figure.
    pub target: Target,
}

/// One series.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesChart {
    /// What is measured.
    pub title: String,
    /// The unit family.
    pub unit: Unit,
    /// The figures, by year.
    pub points: Vec<SeriesPoint>,
}

/// The series found among `figures`: figures with the same label (ignoring case) and unit
/// in at least two different years. Longest series first, at most [`MAX_SERIES`].
/// `colours` gives each document's colour group.
pub fn build(corpus: &Corpus, figures: &[u32], colours: &[u8]) -> Vec<SeriesChart> {
    let mut groups: Vec<SeriesChart> = Vec::new();
    // Where each (unit, lower-cased label) group is, so grouping stays linear in the figures.
    let mut at: std::collections::HashMap<(Unit, String), usize> = Default::default();
    for &i in figures {
        let Some(m) = corpus.metrics.get(i as usize) else {
            continue;
        };
        let Some(year) = m.period.year else {
            continue;
        };
        let label = m.label.trim();
        if label.is_empty() {
            continue;
        }
        let Some(value) = money::comparable(m) else {
            continue;
        };
        if !value.is_finite() {
            continue;
        }
        let point = SeriesPoint {
            year,
            value,
            bound: Bound::of(m.qualifier),
            colour: colours.get(m.doc as usize).copied().unwrap_or(0),
            target: Target::Metric(i),
        };
        match at.entry((m.unit, label.to_ascii_lowercase())) {
            std::collections::hash_map::Entry::Occupied(e) => groups[*e.get()].points.push(point),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(groups.len());
                groups.push(SeriesChart {
                    title: label.to_owned(),
                    unit: m.unit,
                    points: vec![point],
                });
            }
        }
    }
    groups.retain(|g| {
        let first = g.points[0].year;
        g.points.iter().any(|p| p.year != first)
    });
    for g in &mut groups {
        g.points.sort_by_key(|p| p.year);
    }
    groups.sort_by_key(|g| std::cmp::Reverse(g.points.len()));
    groups.truncate(MAX_SERIES);
    groups
}

impl SeriesChart {
    /// CSS height at any width.
    pub fn height(&self, _width: u32) -> u32 {
        200
    }

    /// For screen readers.
    pub fn aria_label(&self) -> String {
        let years: Vec<String> = self.points.iter().map(|p| p.year.to_string()).collect();
        format!(
            "Series “{}”: {} figures for {}.",
            self.title,
            self.points.len(),
            years.join(", ")
        )
    }

    fn format_value(&self, v: f64) -> String {
        match self.unit {
            Unit::Percent => format!("{}%", trim_number(v)),
            Unit::PercentagePoints => format!("{} pp", trim_number(v)),
            Unit::Count => compact(v),
            Unit::Currency => format!("${}", compact(v)),
            Unit::IndexPoints => format!("{} pts", trim_number(v)),
        }
    }

    fn log(&self) -> bool {
        let (lo, hi) = self.bounds();
        lo > 0.0 && hi / lo > 50.0
    }

    fn bounds(&self) -> (f64, f64) {
        super::extent(self.points.iter().map(|x| x.value))
    }

    /// Draws the series and returns its marks.
    pub fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        ink: &Ink,
    ) -> Result<Vec<Mark>, DrawingAreaErrorKind<DB::ErrorType>> {
        let (lo, hi) = self.bounds();
        if self.log() {
            self.plot(root, ink, (lo / 2.0..hi * 2.0).log_scale())
        } else {
            let lo = lo.min(0.0);
            let span = (hi - lo).max(1.0);
            self.plot(root, ink, lo..hi + span * 0.15)
        }
    }

    fn plot<DB, Y>(
        &self,
        root: &DrawingArea<DB, Shift>,
        ink: &Ink,
        y: Y,
    ) -> Result<Vec<Mark>, DrawingAreaErrorKind<DB::ErrorType>>
    where
        DB: DrawingBackend,
        Y: AsRangedCoord<Value = f64>,
        Y::CoordDescType: ValueFormatter<f64>,
    {
        let first = self.points.first().map_or(0, |p| p.year);
        let last = self.points.last().map_or(0, |p| p.year);
        let x = f64::from(first) - 0.5..f64::from(last) + 0.5;
        let years = usize::try_from(last - first + 1).unwrap_or(2);
        let mut chart = ChartBuilder::on(root)
            .caption(
                crate::format::shorten(&self.title, 48),
                ink.font(13.0, ink.palette.ink),
            )
            .margin(ink.upx(8.0))
            .margin_right(ink.upx(20.0))
            .x_label_area_size(ink.upx(24.0))
            .y_label_area_size(ink.upx(52.0))
            .build_cartesian_2d(x, y)?;
        chart
            .configure_mesh()
            .light_line_style(ink.palette.bg)
            .bold_line_style(ink.palette.grid)
            .axis_style(ink.palette.muted)
            .label_style(ink.font(11.0, ink.palette.ink))
            .x_labels(years.clamp(2, 8))
            .x_label_formatter(&super::year_tick)
            .y_labels(5)
            .y_label_formatter(&|v| self.format_value(*v))
            .draw()?;
        chart.draw_series(LineSeries::new(
            self.points.iter().map(|p| (f64::from(p.year), p.value)),
            ink.palette.muted.stroke_width(ink.px(1.5).max(1) as u32),
        ))?;
        let plot_x = chart.plotting_area().get_pixel_range().0;
        let mut marks = Vec::new();
        for p in &self.points {
            let (px, py) = chart.backend_coord(&(f64::from(p.year), p.value));
            draw_marker(
                root,
                ink,
                (px, py),
                p.bound,
                ink.palette.colour(p.colour),
                (plot_x.start, plot_x.end),
            )?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{ChartSpec, Palette};
    use crate::fixture;

    #[test]
    fn assembles_the_digital_economy_share_across_years() {
        let corpus = fixture::corpus();
        let all: Vec<u32> = (0..corpus.metrics.len() as u32).collect();
        let series = build(&corpus, &all, &[0, 1, 2]);
        assert_eq!(series.len(), 1, "{series:?}");
        assert_eq!(series[0].title, "digital economy, share of GDP");
        let years: Vec<i32> = series[0].points.iter().map(|p| p.year).collect();
        assert_eq!(years, [2019, 2020]);
        let spec = ChartSpec::Series(series[0].clone());
        let mut svg = String::new();
        let marks = {
            let root = SVGBackend::with_string(&mut svg, (400, 200)).into_drawing_area();
            let ink = Ink {
                palette: Palette::LIGHT,
                scale: 1.0,
            };
            spec.draw(&root, &ink, None).expect("draws")
        };
        assert_eq!(marks.len(), 2);
        assert!(marks[1].y < marks[0].y, "36.2% is drawn above 34.8%");
        assert!(svg.contains("<polyline"), "a line joins the points");
    }
}
