//! Entity mentions by document as a heat map: entities down, documents across.
//!
//! Cells shade from the background to one hue (lightness only, so it reads for every kind
//! of colour vision) and print their count, so no value depends on telling shades apart.

use plotters::coord::Shift;
use plotters::prelude::*;

use extract::Corpus;

use super::{draw_empty, Ink, Mark, Target};
use crate::format::shorten;

/// Most entity rows shown.
pub const MAX_ROWS: usize = 14;
/// Most columns (documents); the documents that mention the shown entities most are kept.
pub const MAX_COLS: usize = 8;
/// Height of a row, CSS pixels.
const ROW: u32 = 24;

/// The heat map data.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatMap {
    /// Entities shown: index and name.
    pub rows: Vec<(u32, String)>,
    /// Documents shown.
    pub cols: Vec<u32>,
    /// `counts[row][col]`: mentions.
    pub counts: Vec<Vec<u32>>,
    /// Entities with mentions that did not fit.
    pub more: usize,
    /// Documents in view that did not fit.
    pub more_docs: usize,
}

/// The heat map of the entities most mentioned in `docs`, always including `chosen`.
/// `mentions` gives each entity's mention count under the filter, for ranking.
pub fn build(corpus: &Corpus, docs: &[u32], mentions: &[u32], chosen: &[u32]) -> HeatMap {
    let mut ranked: Vec<u32> = (0..u32::try_from(corpus.entities.len()).unwrap_or(0))
        .filter(|&e| mentions.get(e as usize).copied().unwrap_or(0) > 0)
        .collect();
    crate::sort::sort_by_key(&mut ranked, |&e| {
        (
            !chosen.contains(&e),
            std::cmp::Reverse(mentions.get(e as usize).copied().unwrap_or(0)),
            e,
        )
    });
    let more = ranked.len().saturating_sub(MAX_ROWS);
    ranked.truncate(MAX_ROWS);
    let rows: Vec<(u32, String)> = ranked
        .iter()
        .map(|&e| (e, corpus.entities[e as usize].name.clone()))
        .collect();
    // Mentions per (row, document in view), one pass over each shown entity's mentions.
    let n_docs = corpus.documents.len();
    let mut in_view = vec![false; n_docs];
    for &d in docs {
        if let Some(v) = in_view.get_mut(d as usize) {
            *v = true;
        }
    }
    let mut per_doc: Vec<Vec<(u32, u32)>> = Vec::with_capacity(ranked.len());
    let mut doc_total = vec![0u32; n_docs];
    for &e in &ranked {
        let mut hist: Vec<(u32, u32)> = Vec::new();
        for m in &corpus.entities[e as usize].mentions {
            if !in_view.get(m.doc as usize).copied().unwrap_or(false) {
                continue;
            }
            doc_total[m.doc as usize] += 1;
            match hist.last_mut() {
                Some((d, n)) if *d == m.doc => *n += 1,
                _ => hist.push((m.doc, 1)),
            }
        }
        per_doc.push(hist);
    }
    let mut cols: Vec<u32> = docs.to_vec();
    let more_docs = cols.len().saturating_sub(MAX_COLS);
    if more_docs > 0 {
        crate::sort::sort_by_key(&mut cols, |&d| {
            (std::cmp::Reverse(doc_total[d as usize]), d)
        });
        cols.truncate(MAX_COLS);
        cols.sort_unstable();
    }
    let counts = per_doc
        .iter()
        .map(|hist| {
            cols.iter()
                .map(|d| hist.iter().filter(|(x, _)| x == d).map(|(_, n)| n).sum())
                .collect()
        })
        .collect();
    HeatMap {
        rows,
        cols,
        counts,
        more,
        more_docs,
    }
}

impl HeatMap {
    /// CSS height at any width.
    pub fn height(&self, _width: u32) -> u32 {
        40 + 24 + u32::try_from(self.rows.len().max(2)).unwrap_or(2) * ROW + 24
    }

    /// For screen readers.
    pub fn aria_label(&self) -> String {
        format!(
            "Heat map of mentions of {} entities across {} documents; each cell prints its count.",
            self.rows.len(),
            self.cols.len()
        )
    }

    /// Draws the heat map and returns one mark per non-empty cell.
    pub fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        ink: &Ink,
    ) -> Result<Vec<Mark>, DrawingAreaErrorKind<DB::ErrorType>> {
        root.draw(&Text::new(
            "Entity mentions by document".to_owned(),
            (ink.px(8.0), ink.px(16.0)),
            ink.font_left(14.0, ink.palette.ink),
        ))?;
        if self.rows.is_empty() || self.cols.is_empty() {
            draw_empty(
                root,
                ink,
                "No entity is mentioned in the documents in view.",
            )?;
            return Ok(Vec::new());
        }
        let (w, _) = root.dim_in_pixel();
        let w = i32::try_from(w).unwrap_or(0);
        let label_w = ink.px((f64::from(w) / ink.scale * 0.34).clamp(90.0, 220.0));
        let top = ink.px(40.0 + 24.0);
        let row_h = ink.px(f64::from(ROW));
        let ncols = i32::try_from(self.cols.len()).unwrap_or(1);
        let cell_w = ((w - label_w - ink.px(12.0)) / ncols).clamp(ink.px(26.0), ink.px(90.0));
        let max = self
            .counts
            .iter()
            .flatten()
            .copied()
            .max()
            .unwrap_or(1)
            .max(1);
        let hue = ink.palette.series[0];
        let bg = ink.palette.bg;
        let label_chars = (f64::from(label_w) / ink.scale / 6.6) as usize;

        for (c, doc) in self.cols.iter().enumerate() {
            let x = label_w + i32::try_from(c).unwrap_or(0) * cell_w + cell_w / 2;
            root.draw(&Text::new(
                // Narrow columns get the number alone; the tooltip names the document.
                if self.cols.len() <= 5 {
                    format!("Doc {}", doc + 1)
                } else {
                    format!("#{}", doc + 1)
                },
                (x, top - ink.px(12.0)),
                ink.font_centre(11.5, ink.palette.ink),
            ))?;
        }
        let mut marks = Vec::new();
        for (r, (entity, name)) in self.rows.iter().enumerate() {
            let y = top + i32::try_from(r).unwrap_or(0) * row_h;
            root.draw(&Text::new(
                shorten(name, label_chars),
                (label_w - ink.px(8.0), y + row_h / 2),
                ink.font_right(11.5, ink.palette.ink),
            ))?;
            for (c, doc) in self.cols.iter().enumerate() {
                let count = self.counts[r][c];
                let x = label_w + i32::try_from(c).unwrap_or(0) * cell_w;
                let gap = ink.px(1.0).max(1);
                let (x0, y0, x1, y1) = (x + gap, y + gap, x + cell_w - gap, y + row_h - gap);
                if count == 0 {
                    root.draw(&Rectangle::new(
                        [(x0, y0), (x1, y1)],
                        ink.palette.grid.stroke_width(1),
                    ))?;
                    continue;
                }
                // Square root so that one mention is visible next to many.
                let t = (f64::from(count) / f64::from(max)).sqrt();
                let fill = mix(bg, hue, 0.15 + 0.85 * t);
                root.draw(&Rectangle::new([(x0, y0), (x1, y1)], fill.filled()))?;
                let text = if t > 0.6 { bg } else { ink.palette.ink };
                root.draw(&Text::new(
                    count.to_string(),
                    ((x0 + x1) / 2, (y0 + y1) / 2),
                    ink.font_centre(11.5, text),
                ))?;
                marks.push(Mark {
                    x: (x0 + x1) / 2,
                    y: (y0 + y1) / 2,
                    r: (cell_w.min(row_h)) / 2 + 1,
                    target: Target::Cell {
                        entity: *entity,
                        doc: *doc,
                    },
                });
            }
        }
        if self.more > 0 || self.more_docs > 0 {
            let y = top + i32::try_from(self.rows.len()).unwrap_or(0) * row_h + ink.px(12.0);
            let what = match (self.more, self.more_docs) {
                (0, d) => format!("and {d} more documents"),
                (e, 0) => format!("and {e} more entities"),
                (e, d) => format!("and {e} more entities, {d} more documents"),
            };
            root.draw(&Text::new(
                format!("{what}; narrow the filter to see them"),
                (ink.px(8.0), y),
                ink.font_left(11.0, ink.palette.muted),
            ))?;
        }
        Ok(marks)
    }
}

/// `a` blended towards `b` by `t` in 0..=1.
fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let t = t.clamp(0.0, 1.0);
    let ch = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
    RGBColor(ch(a.0, b.0), ch(a.1, b.1), ch(a.2, b.2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{ChartSpec, Palette};
    use crate::fixture;

    #[test]
    fn counts_mentions_per_document_and_marks_nonzero_cells() {
        let corpus = fixture::corpus();
        let map = build(&corpus, &[0, 1, 2], &[3, 2, 1], &[]);
        assert_eq!(
            map.rows.iter().map(|r| r.1.as_str()).collect::<Vec<_>>(),
            ["Huawei", "BYD", "Beijing"]
        );
        assert_eq!(map.counts, [[2, 1, 0], [1, 1, 0], [0, 0, 1]]);
        let spec = ChartSpec::Heat(map);
        let mut svg = String::new();
        let marks = {
            let root =
                SVGBackend::with_string(&mut svg, (500, spec.height(500))).into_drawing_area();
            let ink = Ink {
                palette: Palette::LIGHT,
                scale: 1.0,
            };
            spec.draw(&root, &ink, None).expect("draws")
        };
        assert_eq!(marks.len(), 5);
        assert!(svg.contains("Doc 3") && svg.contains("Huawei"));
    }

    #[test]
    fn chosen_entities_come_first() {
        let corpus = fixture::corpus();
        let map = build(&corpus, &[0, 1, 2], &[3, 2, 1], &[2]);
        assert_eq!(map.rows[0].1, "Beijing");
    }
}
