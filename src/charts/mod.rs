//! Chart drawing with plotters: pure functions from chart data to any drawing backend.
//!
//! Every chart is generic over [`DrawingBackend`], so the browser draws on a canvas, native
//! tests draw SVG and assert on it, and "export SVG" reuses the same code. Drawing returns
//! the [`Mark`]s it placed, in backend pixels, which is what hover and click hit-test
//! against: there is no second layout computation to drift out of step.

pub mod figures;
pub mod heatmap;
pub mod measure;
pub mod measured;
pub mod series;
pub mod surface;
pub mod timeline;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What a mark stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// A figure (index into the corpus's metrics).
    Metric(u32),
    /// A dated event (index into the corpus's events).
    Event(u32),
    /// The mentions of an entity in a document.
    Cell {
        /// Entity index.
        entity: u32,
        /// Document index.
        doc: u32,
    },
}

/// A drawn mark: where it is in backend pixels, how near the pointer must come, and what it is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    /// Centre, backend pixels.
    pub x: i32,
    /// Centre, backend pixels.
    pub y: i32,
    /// Hit radius, backend pixels.
    pub r: i32,
    /// What the mark stands for.
    pub target: Target,
}

/// The mark nearest `(x, y)` (backend pixels) within its hit radius.
pub fn nearest(marks: &[Mark], x: f64, y: f64) -> Option<Mark> {
    marks
        .iter()
        .map(|m| {
            let (dx, dy) = (f64::from(m.x) - x, f64::from(m.y) - y);
            (m, dx * dx + dy * dy)
        })
        .filter(|(m, d2)| *d2 <= f64::from(m.r) * f64::from(m.r))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(m, _)| *m)
}

/// What the colours of the marks mean: each document's colour group, and the groups'
/// names for the legend. Few documents in view get a colour each; many are coloured by
/// their sector, which keeps its meaning at any size.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Colours {
    /// Per document: its colour group.
    pub by_doc: Vec<u8>,
    /// Per colour group: its name.
    pub groups: Vec<String>,
    /// Whether groups are sectors (otherwise documents).
    pub by_sector: bool,
}

impl Colours {
    /// The colour group of `doc`.
    pub fn of(&self, doc: u32) -> u8 {
        self.by_doc.get(doc as usize).copied().unwrap_or(0)
    }
}

/// Colours of a chart, so light and dark themes share the drawing code.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Background, painted first so exported images are not transparent.
    pub bg: RGBColor,
    /// Text and axes.
    pub ink: RGBColor,
    /// Secondary text.
    pub muted: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// One colour per colour group (Okabe–Ito, safe for colour-blind readers).
    pub series: [RGBColor; 8],
    /// The highlight ring around the selected mark.
    pub focus: RGBColor,
}

/// An x-axis tick on a time axis measured in years: the year for a whole number, nothing
/// between years.
pub(crate) fn year_tick(v: &f64) -> String {
    if (v - v.round()).abs() < 1e-6 {
        format!("{v:.0}")
    } else {
        String::new()
    }
}

/// The smallest and largest of `values`; `(inf, -inf)` when there are none, so callers
/// that check for emptiness first never see it.
pub(crate) fn extent(values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    values
        .into_iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        })
}

impl Palette {
    /// Dark ink on a light background. Okabe–Ito's yellow is last: it is faint on white.
    pub const LIGHT: Palette = Palette {
        bg: RGBColor(0xFF, 0xFF, 0xFF),
        ink: RGBColor(0x22, 0x22, 0x22),
        muted: RGBColor(0x5F, 0x5F, 0x5F),
        grid: RGBColor(0xE4, 0xE4, 0xE4),
        series: [
            RGBColor(0x00, 0x72, 0xB2),
            RGBColor(0xD5, 0x5E, 0x00),
            RGBColor(0x00, 0x9E, 0x73),
            RGBColor(0xCC, 0x79, 0xA7),
            RGBColor(0xE6, 0x9F, 0x00),
            RGBColor(0x56, 0xB4, 0xE9),
            RGBColor(0x00, 0x00, 0x00),
            RGBColor(0xF0, 0xE4, 0x42),
        ],
        focus: RGBColor(0x22, 0x22, 0x22),
    };
    /// Light ink on a dark background. Okabe–Ito's dark blue is last: it is faint on black.
    pub const DARK: Palette = Palette {
        bg: RGBColor(0x1F, 0x1F, 0x1F),
        ink: RGBColor(0xEE, 0xEE, 0xEE),
        muted: RGBColor(0xA8, 0xA8, 0xA8),
        grid: RGBColor(0x3A, 0x3A, 0x3A),
        series: [
            RGBColor(0x56, 0xB4, 0xE9),
            RGBColor(0xE6, 0x9F, 0x00),
            RGBColor(0x00, 0x9E, 0x73),
            RGBColor(0xCC, 0x79, 0xA7),
            RGBColor(0xD5, 0x5E, 0x00),
            RGBColor(0xF0, 0xE4, 0x42),
            RGBColor(0xEE, 0xEE, 0xEE),
            RGBColor(0x00, 0x72, 0xB2),
        ],
        focus: RGBColor(0xFF, 0xFF, 0xFF),
    };

    /// The colour of colour group `group` (see `views::Colours`).
    pub fn colour(&self, group: u8) -> RGBColor {
        self.series[usize::from(group) % self.series.len()]
    }
}

/// How a figure's qualifier is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// A filled dot.
    Exact,
    /// A ring: "about", "around".
    About,
    /// A right-pointing caret with a tail to the right: "more than", "at least".
    Lower,
    /// A left-pointing caret with a tail to the left: "up to", "less than", "nearly".
    Upper,
}

impl Bound {
    /// The drawing for a qualifier.
    pub fn of(q: extract::Qualifier) -> Bound {
        if q.is_lower_bound() {
            Bound::Lower
        } else if q.is_upper_bound() {
            Bound::Upper
        } else if q == extract::Qualifier::About {
            Bound::About
        } else {
            Bound::Exact
        }
    }

    /// A symbol to put before a value label: ">", "≤", "≈" or nothing.
    pub fn symbol(self) -> &'static str {
        match self {
            Bound::Exact => "",
            Bound::About => "≈",
            Bound::Lower => "≥",
            Bound::Upper => "≤",
        }
    }
}

/// Draw context shared by the charts: the palette and the pixel scale.
#[derive(Clone, Copy, Debug)]
pub struct Ink {
    /// Colours.
    pub palette: Palette,
    /// Device pixel ratio: every size is multiplied by it.
    pub scale: f64,
}

impl Ink {
    /// `v` CSS pixels in backend pixels.
    pub fn px(&self, v: f64) -> i32 {
        (v * self.scale).round() as i32
    }

    /// `v` CSS pixels in backend pixels, unsigned (for plotters' area sizes).
    pub fn upx(&self, v: f64) -> u32 {
        (v * self.scale).round().max(0.0) as u32
    }

    /// A text style of `size` CSS pixels in `colour`.
    pub fn font(&self, size: f64, colour: RGBColor) -> TextStyle<'static> {
        ("sans-serif", size * self.scale).into_font().color(&colour)
    }

    /// A text style anchored at its left edge, vertically centred.
    pub fn font_left(&self, size: f64, colour: RGBColor) -> TextStyle<'static> {
        self.font(size, colour)
            .pos(Pos::new(HPos::Left, VPos::Center))
    }

    /// A text style anchored at its right edge, vertically centred.
    pub fn font_right(&self, size: f64, colour: RGBColor) -> TextStyle<'static> {
        self.font(size, colour)
            .pos(Pos::new(HPos::Right, VPos::Center))
    }

    /// A text style centred on its point.
    pub fn font_centre(&self, size: f64, colour: RGBColor) -> TextStyle<'static> {
        self.font(size, colour)
            .pos(Pos::new(HPos::Center, VPos::Center))
    }
}

/// Draws a figure's marker at backend pixel `(x, y)`, shaped by its bound. `clip` is the
/// plot's horizontal extent, so bound tails stop at its edge.
pub fn draw_marker<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    ink: &Ink,
    (x, y): (i32, i32),
    bound: Bound,
    colour: RGBColor,
    (left, right): (i32, i32),
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let r = ink.px(5.0);
    let w = ink.px(1.5).max(1) as u32;
    match bound {
        Bound::Exact => root.draw(&Circle::new((x, y), r, colour.filled())),
        Bound::About => {
            root.draw(&Circle::new((x, y), r, colour.stroke_width(w)))?;
            root.draw(&Circle::new((x, y), ink.px(1.5), colour.filled()))
        }
        Bound::Lower | Bound::Upper => {
            // A caret at the value, pointing where the true value lies, and a dashed tail
            // that way: the figure is a bound, not a point.
            let dir = if bound == Bound::Lower { 1 } else { -1 };
            let tail_end = if dir > 0 {
                (x + ink.px(28.0)).min(right)
            } else {
                (x - ink.px(28.0)).max(left)
            };
            let step = ink.px(4.0).max(2);
            let mut from = x;
            while (tail_end - from) * dir > 0 {
                let to = if dir > 0 {
                    (from + step).min(tail_end)
                } else {
                    (from - step).max(tail_end)
                };
                root.draw(&PathElement::new(
                    vec![(from, y), (to, y)],
                    colour.stroke_width(w),
                ))?;
                from = to + step * dir;
            }
            let tip = x + dir * r;
            let back = x - dir * r;
            root.draw(&Polygon::new(
                vec![(tip, y), (back, y - r), (back, y + r)],
                colour.filled(),
            ))?;
            // A bar across the base marks where the stated value lies.
            root.draw(&PathElement::new(
                vec![(back, y - r), (back, y + r)],
                colour.stroke_width(w),
            ))
        }
    }
}

/// Draws the ring around a selected mark.
pub fn draw_selection<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    ink: &Ink,
    (x, y): (i32, i32),
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.draw(&Circle::new(
        (x, y),
        ink.px(10.0),
        ink.palette.focus.stroke_width(ink.px(2.0).max(1) as u32),
    ))
}

/// Paints the background and, when there is nothing to draw, a centred message.
pub fn draw_empty<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    ink: &Ink,
    message: &str,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, h) = root.dim_in_pixel();
    root.draw(&Text::new(
        message.to_owned(),
        (
            i32::try_from(w / 2).unwrap_or(0),
            i32::try_from(h / 2).unwrap_or(0),
        ),
        ink.font_centre(13.0, ink.palette.muted),
    ))
}

/// A chart ready to draw: the data of one of the chart kinds.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartSpec {
    /// Figures of one unit family.
    Figures(figures::FigureChart),
    /// Dated events.
    Timeline(timeline::TimelineChart),
    /// Entity mentions by document.
    Heat(heatmap::HeatMap),
    /// One series of comparable figures.
    Series(series::SeriesChart),
    /// Every citation of one measure, by period.
    Measure(measure::MeasureChart),
}

impl ChartSpec {
    /// The CSS height for a chart `width` CSS pixels wide.
    pub fn height(&self, width: u32) -> u32 {
        match self {
            ChartSpec::Figures(c) => c.height(width),
            ChartSpec::Timeline(c) => c.height(width),
            ChartSpec::Heat(c) => c.height(width),
            ChartSpec::Series(c) => c.height(width),
            ChartSpec::Measure(c) => c.height(width),
        }
    }

    /// A sentence describing the chart for screen readers.
    pub fn aria_label(&self) -> String {
        match self {
            ChartSpec::Figures(c) => c.aria_label(),
            ChartSpec::Timeline(c) => c.aria_label(),
            ChartSpec::Heat(c) => c.aria_label(),
            ChartSpec::Series(c) => c.aria_label(),
            ChartSpec::Measure(c) => c.aria_label(),
        }
    }

    /// A key unique among the charts on the page, naming its subject: the name of its draw
    /// measure (`metricscope:draw:<key>`). The page keys its canvases by slot instead (see
    /// `ChartsPanel`), so a changed series redraws in place.
    pub fn key(&self) -> String {
        match self {
            ChartSpec::Series(c) => format!("series-{}-{}", slug(&c.title), c.unit.key()),
            _ => self.file_stem(),
        }
    }

    /// A file-name stem for exports.
    pub fn file_stem(&self) -> String {
        match self {
            ChartSpec::Figures(c) => format!("figures-{}", c.unit.key()),
            ChartSpec::Timeline(_) => "timeline".to_owned(),
            ChartSpec::Heat(_) => "entity-mentions".to_owned(),
            ChartSpec::Series(c) => format!("series-{}", slug(&c.title)),
            ChartSpec::Measure(c) => format!("measure-{}", slug(&c.key)),
        }
    }

    /// Draws the chart on `root` and returns its marks. `selected` gets a ring.
    pub fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        ink: &Ink,
        selected: Option<Target>,
    ) -> Result<Vec<Mark>, DrawingAreaErrorKind<DB::ErrorType>> {
        root.fill(&ink.palette.bg)?;
        let marks = match self {
            ChartSpec::Figures(c) => c.draw(root, ink)?,
            ChartSpec::Timeline(c) => c.draw(root, ink)?,
            ChartSpec::Heat(c) => c.draw(root, ink)?,
            ChartSpec::Series(c) => c.draw(root, ink)?,
            ChartSpec::Measure(c) => c.draw(root, ink)?,
        };
        if let Some(sel) = selected {
            for m in marks.iter().filter(|m| m.target == sel) {
                if !matches!(m.target, Target::Cell { .. }) {
                    draw_selection(root, ink, (m.x, m.y))?;
                }
            }
        }
        root.present()?;
        Ok(marks)
    }
}

/// A lowercase ASCII slug for file names.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_respects_hit_radius() {
        let m = |x, y, r| Mark {
            x,
            y,
            r,
            target: Target::Metric(u32::try_from(x).unwrap_or(0)),
        };
        let marks = [m(10, 10, 5), m(20, 10, 5), m(100, 100, 30)];
        assert_eq!(nearest(&marks, 12.0, 10.0).map(|m| m.x), Some(10));
        assert_eq!(nearest(&marks, 16.0, 10.0).map(|m| m.x), Some(20));
        assert_eq!(nearest(&marks, 50.0, 50.0), None);
        assert_eq!(nearest(&marks, 120.0, 110.0).map(|m| m.x), Some(100));
    }

    #[test]
    fn bounds_follow_qualifiers() {
        use extract::Qualifier;
        assert_eq!(Bound::of(Qualifier::MoreThan), Bound::Lower);
        assert_eq!(Bound::of(Qualifier::AtLeast), Bound::Lower);
        assert_eq!(Bound::of(Qualifier::UpTo), Bound::Upper);
        assert_eq!(Bound::of(Qualifier::Nearly), Bound::Upper);
        assert_eq!(Bound::of(Qualifier::About), Bound::About);
        assert_eq!(Bound::of(Qualifier::Exact), Bound::Exact);
    }
}
