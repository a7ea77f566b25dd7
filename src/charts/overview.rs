//! The corpus overview chart: one horizontal bar per document, its length in sentences.

use plotters::coord::Shift;
use plotters::prelude::*;

/// One bar: a label and a non-negative value.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Shown beside the bar.
    pub label: String,
    /// The bar's length.
    pub value: f64,
}

/// Colours of a chart, so light and dark themes share the drawing code.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Text and axes.
    pub ink: RGBColor,
    /// The bars (Okabe–Ito blue, safe for colour-blind readers).
    pub bar: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
}

impl Palette {
    /// Dark ink on a light background.
    pub const LIGHT: Palette = Palette {
        ink: RGBColor(0x22, 0x22, 0x22),
        bar: RGBColor(0x00, 0x72, 0xB2),
        grid: RGBColor(0xDD, 0xDD, 0xDD),
    };
    /// Light ink on a dark background.
    pub const DARK: Palette = Palette {
        ink: RGBColor(0xEE, 0xEE, 0xEE),
        bar: RGBColor(0x56, 0xB4, 0xE9),
        grid: RGBColor(0x44, 0x44, 0x44),
    };
}

/// Longest label, in characters, before it is shortened with an ellipsis.
const MAX_LABEL_CHARS: usize = 28;

/// Draws `bars` on `root`. `scale` is the device pixel ratio: all sizes are multiplied by it
/// so the chart is sharp on high-DPI screens.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    title: &str,
    bars: &[Bar],
    palette: Palette,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as u32;
    let max = bars
        .iter()
        .map(|b| b.value)
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let n = bars.len().max(1) as i32;
    let font = |size: f64| ("sans-serif", size * scale).into_font().color(&palette.ink);

    let mut chart = ChartBuilder::on(root)
        .caption(title, font(15.0))
        .margin(px(10.0))
        .x_label_area_size(px(28.0))
        .y_label_area_size(px(190.0))
        .build_cartesian_2d(0.0..max * 1.1, (0..n).into_segmented())?;

    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(palette.grid)
        .bold_line_style(palette.grid)
        .axis_style(palette.ink)
        .label_style(font(12.0))
        .y_labels(bars.len())
        .y_label_formatter(&|seg| match seg {
            SegmentValue::CenterOf(i) => bars
                .get(usize::try_from(*i).unwrap_or(usize::MAX))
                .map(|b| shorten(&b.label))
                .unwrap_or_default(),
            _ => String::new(),
        })
        .x_desc("sentences")
        .draw()?;

    chart.draw_series(bars.iter().enumerate().map(|(i, bar)| {
        let i = i32::try_from(i).unwrap_or(i32::MAX);
        let mut rect = Rectangle::new(
            [
                (0.0, SegmentValue::Exact(i)),
                (bar.value, SegmentValue::Exact(i + 1)),
            ],
            palette.bar.filled(),
        );
        rect.set_margin(px(4.0), px(4.0), 0, 0);
        rect
    }))?;
    root.present()
}

fn shorten(label: &str) -> String {
    if label.chars().count() <= MAX_LABEL_CHARS {
        return label.to_owned();
    }
    let mut out: String = label.chars().take(MAX_LABEL_CHARS - 1).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_a_bar_per_document_to_svg() {
        let bars = vec![
            Bar {
                label: "First".into(),
                value: 10.0,
            },
            Bar {
                label: "A very long title that will certainly be shortened".into(),
                value: 3.0,
            },
        ];
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (600, 300)).into_drawing_area();
            draw(&root, "Sentences", &bars, Palette::LIGHT, 1.0).expect("draws");
        }
        assert!(svg.contains("First"));
        assert!(svg.contains("A very long title that will…"));
        // Two filled bars in the bar colour.
        assert_eq!(svg.matches("fill=\"#0072B2\"").count(), 2, "{svg}");
    }
}
