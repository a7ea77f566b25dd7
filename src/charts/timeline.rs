//! The timeline of dated events: one lane per document while they fit on a screen, time
//! across; beyond that one lane per colour group (sector), with the events of a lane in a
//! year drawn as one mark sized by their number.
//!
//! Past events are filled dots, forecasts are rings and targets are diamonds, so tense
//! reads without colour; colour marks the colour group, as everywhere else.

use plotters::coord::Shift;
use plotters::prelude::*;

use extract::{Corpus, EventTense};

use super::{draw_empty, Colours, Ink, Mark, Target};

/// Height of one lane, CSS pixels.
const LANE: u32 = 34;
/// Most document lanes; more documents with events switch to lanes by colour group.
pub const MAX_LANES: usize = 10;

/// One event (or, grouped by year, several) on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelinePoint {
    /// Years since year 0, with the month as a fraction.
    pub t: f64,
    /// Index into [`TimelineChart::lanes`].
    pub lane: u32,
    /// Colour group.
    pub colour: u8,
    /// Past, forecast or target.
    pub tense: EventTense,
    /// The event (the first of a group).
    pub target: Target,
    /// How many events the mark stands for.
    pub count: u32,
}

/// The timeline data.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineChart {
    /// Lane labels, top to bottom.
    pub lanes: Vec<String>,
    /// The marks.
    pub points: Vec<TimelinePoint>,
    /// Whether events are grouped by colour group and year.
    pub grouped: bool,
    /// Events in view.
    pub events: usize,
    /// Documents with events in view.
    pub docs: usize,
}

/// The timeline of `events`, coloured by `colours`.
pub fn build(corpus: &Corpus, events: &[u32], colours: &Colours) -> TimelineChart {
    let found: Vec<(u32, &extract::Event)> = events
        .iter()
        .filter_map(|&i| Some((i, corpus.events.get(i as usize)?)))
        .collect();
    let mut docs: Vec<u32> = found.iter().map(|(_, e)| e.doc).collect();
    docs.sort_unstable();
    docs.dedup();
    let grouped = docs.len() > MAX_LANES;
    let mut points: Vec<TimelinePoint> = Vec::new();
    let lanes: Vec<String>;
    if grouped {
        let mut groups: Vec<u8> = docs.iter().map(|&d| colours.of(d)).collect();
        groups.sort_unstable();
        groups.dedup();
        lanes = groups
            .iter()
            .map(|&g| {
                colours
                    .groups
                    .get(usize::from(g))
                    .cloned()
                    .unwrap_or_default()
            })
            .collect();
        // One mark per (lane, year, tense): the first event stands for the rest.
        let mut bins: std::collections::BTreeMap<(u32, i32, u8), usize> = Default::default();
        for (i, e) in &found {
            let g = colours.of(e.doc);
            let lane = u32::try_from(groups.binary_search(&g).unwrap_or(0)).unwrap_or(0);
            let key = (lane, e.year, e.tense as u8);
            match bins.get(&key) {
                Some(&p) => points[p].count += 1,
                None => {
                    bins.insert(key, points.len());
                    points.push(TimelinePoint {
                        t: f64::from(e.year) + 0.5,
                        lane,
                        colour: g,
                        tense: e.tense,
                        target: Target::Event(*i),
                        count: 1,
                    });
                }
            }
        }
    } else {
        lanes = docs.iter().map(|d| format!("Doc {}", d + 1)).collect();
        for (i, e) in &found {
            let month = e
                .month
                .filter(|m| (1..=12).contains(m))
                .map_or(0.5, |m| f64::from(m - 1) / 12.0 + 1.0 / 24.0);
            points.push(TimelinePoint {
                t: f64::from(e.year) + month,
                lane: u32::try_from(docs.binary_search(&e.doc).unwrap_or(0)).unwrap_or(0),
                colour: colours.of(e.doc),
                tense: e.tense,
                target: Target::Event(*i),
                count: 1,
            });
        }
    }
    TimelineChart {
        lanes,
        points,
        grouped,
        events: found.len(),
        docs: docs.len(),
    }
}

impl TimelineChart {
    /// CSS height at any width.
    pub fn height(&self, _width: u32) -> u32 {
        44 + u32::try_from(self.lanes.len().max(1)).unwrap_or(1) * LANE + 34
    }

    /// For screen readers.
    pub fn aria_label(&self) -> String {
        let grouping = if self.grouped {
            "; events of a sector in a year are one mark, larger for more events"
        } else {
            ""
        };
        format!(
            "Timeline of {} dated events across {} documents{grouping}; filled dots happened, rings are forecasts, diamonds are targets.",
            self.events, self.docs
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
            .caption(
                if self.grouped {
                    "Dated events by sector and year"
                } else {
                    "Dated events"
                },
                ink.font(14.0, ink.palette.ink),
            )
            .margin(ink.upx(8.0))
            .margin_right(ink.upx(16.0))
            .x_label_area_size(ink.upx(26.0))
            .y_label_area_size(ink.upx(if self.grouped { 110.0 } else { 56.0 }))
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
                    .map(|l| crate::format::shorten(l, 16))
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .draw()?;

        let mut marks = Vec::with_capacity(self.points.len());
        let mut taken: Vec<(i32, i32)> = Vec::new();
        let most = self
            .points
            .iter()
            .map(|p| p.count)
            .max()
            .unwrap_or(1)
            .max(1);
        for p in &self.points {
            // A group's area grows with its count, relative to the largest group, so the
            // busiest years stand out; a single event keeps the usual size.
            let r = if self.grouped {
                ink.px(3.0 + 10.0 * (f64::from(p.count) / f64::from(most)).sqrt())
            } else {
                ink.px(5.0)
            };
            let seg = n - 1 - i32::try_from(p.lane).unwrap_or(0);
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
            let colour = ink.palette.colour(p.colour);
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
                r: r.max(ink.px(10.0)),
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

    fn colours(corpus: &Corpus) -> Colours {
        Colours {
            by_doc: (0..corpus.documents.len()).map(|d| d as u8).collect(),
            groups: (0..corpus.documents.len())
                .map(|d| format!("Doc {}", d + 1))
                .collect(),
            by_sector: false,
        }
    }

    #[test]
    fn many_documents_group_by_sector_and_year() {
        let mut corpus = fixture::corpus();
        // Spread copies of the fixture's events over more documents than fit as lanes.
        let n_docs = MAX_LANES as u32 + 2;
        let template = corpus.events[0].clone();
        corpus.events = (0..n_docs * 2)
            .map(|i| extract::Event {
                doc: i % n_docs,
                year: 2020 + (i / n_docs) as i32,
                ..template.clone()
            })
            .collect();
        corpus.documents = (0..n_docs).map(|_| corpus.documents[0].clone()).collect();
        let colours = Colours {
            by_doc: (0..n_docs).map(|d| (d % 2) as u8).collect(),
            groups: vec!["AI".into(), "Chips".into()],
            by_sector: true,
        };
        let all: Vec<u32> = (0..n_docs * 2).collect();
        let chart = build(&corpus, &all, &colours);
        assert!(chart.grouped);
        assert_eq!(chart.lanes, ["AI", "Chips"]);
        // Two lanes × two years, each mark standing for half the documents.
        assert_eq!(chart.points.len(), 4);
        assert!(chart.points.iter().all(|p| p.count == n_docs / 2));
        assert_eq!(chart.events, all.len());
    }

    #[test]
    fn one_lane_per_document_with_events_and_a_mark_per_event() {
        let corpus = fixture::corpus();
        let chart = build(&corpus, &[0, 1, 2], &colours(&corpus));
        assert_eq!(chart.lanes, ["Doc 2", "Doc 3"]);
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
        let spec = ChartSpec::Timeline(build(&fixture::corpus(), &[], &Colours::default()));
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
