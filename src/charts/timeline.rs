//! The timeline of dated events: one lane per document, time across.
//!
//! Past events are filled dots, forecasts are rings and targets are diamonds, so tense
//! reads without colour; colour marks the document, as everywhere else.

use plotters::coord::Shift;
use plotters::prelude::*;

use extract::{Corpus, EventTense};

use super::{draw_empty, Ink, Mark, Target};

/// Height of one lane, CSS pixels.
const LANE: u32 = 34;

/// One event on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelinePoint {
    /// Years since year 0, with the month as a fraction.
    pub t: f64,
    /// Document index (the lane and the colour).
    pub doc: u32,
    /// Past, forecast or target.
    pub tense: EventTense,
    /// The event.
    pub target: Target,
}

/// The timeline data.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineChart {
    /// Documents with events, in corpus order.
    pub lanes: Vec<u32>,
    /// The events.
    pub points: Vec<TimelinePoint>,
}

/// The timeline of `events`.
pub fn build(corpus: &Corpus, events: &[u32]) -> TimelineChart {
    let mut points = Vec::new();
    let mut lanes: Vec<u32> = Vec::new();
    for &i in events {
        let Some(e) = corpus.events.get(i as usize) else {
            continue;
        };
        let month = e
            .month
            .filter(|m| (1..=12).contains(m))
            .map_or(0.5, |m| f64::from(m - 1) / 12.0 + 1.0 / 24.0);
        points.push(TimelinePoint {
            t: f64::from(e.year) + month,
            doc: e.doc,
            tense: e.tense,
            target: Target::Event(i),
        });
        if !lanes.contains(&e.doc) {
            lanes.push(e.doc);
        }
    }
    lanes.sort_unstable();
    TimelineChart { lanes, points }
}

impl TimelineChart {
    /// CSS height at any width.
    pub fn height(&self, _width: u32) -> u32 {
        44 + u32::try_from(self.lanes.len().max(1)).unwrap_or(1) * LANE + 34
    }

    /// For screen readers.
    pub fn aria_label(&self) -> String {
        format!(
            "Timeline of {} dated events across {} documents; filled dots happened, rings are forecasts, diamonds are targets.",
            self.points.len(),
            self.lanes.len()
        )
    }

    /// Draws the timeline and returns its marks.
    pub fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        ink: &Ink,
    ) -> Result<Vec<Mark>, DrawingAreaErrorKind<DB::ErrorType>> {
        if self.points.is_empty() {
            draw_empty(root, ink, "No dated events match the filter.")?;
            return Ok(Vec::new());
        }
        let (lo, hi) = super::extent(self.points.iter().map(|x| x.t));
        let (lo, hi) = (lo.floor() - 0.5, hi.ceil() + 0.5);
        let n = i32::try_from(self.lanes.len()).unwrap_or(1);
        let lanes = &self.lanes;
        let mut chart = ChartBuilder::on(root)
            .caption("Dated events", ink.font(14.0, ink.palette.ink))
            .margin(ink.upx(8.0))
            .margin_right(ink.upx(16.0))
            .x_label_area_size(ink.upx(26.0))
            .y_label_area_size(ink.upx(56.0))
            .build_cartesian_2d(lo..hi, (0..n).into_segmented())?;
        let years = (hi - lo).round() as usize;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(ink.palette.bg)
            .bold_line_style(ink.palette.grid)
            .axis_style(ink.palette.muted)
            .label_style(ink.font(11.5, ink.palette.ink))
            .x_labels(years.clamp(2, 12))
            .x_label_formatter(&super::year_tick)
            .y_labels(lanes.len())
            .y_label_formatter(&|seg| match seg {
                SegmentValue::CenterOf(i) => usize::try_from(n - 1 - *i)
                    .ok()
                    .and_then(|i| lanes.get(i))
                    .map(|d| format!("Doc {}", d + 1))
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .draw()?;

        let mut marks = Vec::with_capacity(self.points.len());
        let mut taken: Vec<(i32, i32)> = Vec::new();
        let r = ink.px(5.0);
        for p in &self.points {
            let lane = lanes.iter().position(|d| *d == p.doc).unwrap_or(0);
            let seg = n - 1 - i32::try_from(lane).unwrap_or(0);
            let (x, y0) = chart.backend_coord(&(p.t, SegmentValue::CenterOf(seg)));
            // Events at the same place fan out vertically, alternating above and below.
            let k = taken
                .iter()
                .filter(|(tx, ty)| (tx - x).abs() < r * 2 && *ty == y0)
                .count();
            taken.push((x, y0));
            let k = i32::try_from(k).unwrap_or(0);
            let offset = ((k + 1) / 2) * ink.px(7.0) * if k % 2 == 1 { -1 } else { 1 };
            let y = y0 + offset.clamp(-ink.px(14.0), ink.px(14.0));
            let colour = ink.palette.doc_colour(p.doc);
            match p.tense {
                EventTense::Past => root.draw(&Circle::new((x, y), r, colour.filled()))?,
                EventTense::Forecast => root.draw(&Circle::new(
                    (x, y),
                    r,
                    colour.stroke_width(ink.px(2.0).max(1) as u32),
                ))?,
                EventTense::Target => root.draw(&Polygon::new(
                    vec![
                        (x, y - r - 1),
                        (x + r + 1, y),
                        (x, y + r + 1),
                        (x - r - 1, y),
                    ],
                    colour.filled(),
                ))?,
            }
            marks.push(Mark {
                x,
                y,
                r: ink.px(10.0),
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
    fn one_lane_per_document_with_events_and_a_mark_per_event() {
        let corpus = fixture::corpus();
        let chart = build(&corpus, &[0, 1, 2]);
        assert_eq!(chart.lanes, [1, 2]);
        let spec = ChartSpec::Timeline(chart);
        let mut svg = String::new();
        let marks = {
            let root =
                SVGBackend::with_string(&mut svg, (600, spec.height(600))).into_drawing_area();
            let ink = Ink {
                palette: Palette::DARK,
                scale: 2.0,
            };
            spec.draw(&root, &ink, Some(Target::Event(1)))
                .expect("draws")
        };
        assert_eq!(marks.len(), 3);
        assert!(svg.contains("Doc 2") && svg.contains("Doc 3"), "{svg}");
        assert!(svg.contains("2020") && svg.contains("2023"), "{svg}");
        // 2023 lies right of 2020.
        assert!(marks[1].x > marks[0].x);
    }

    #[test]
    fn empty_timeline_says_so() {
        let spec = ChartSpec::Timeline(build(&fixture::corpus(), &[]));
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (300, 120)).into_drawing_area();
            let ink = Ink {
                palette: Palette::LIGHT,
                scale: 1.0,
            };
            spec.draw(&root, &ink, None).expect("draws");
        }
        assert!(svg.contains("No dated events match the filter."));
    }
}
