//! Evaluation: precision, recall and F1 of the extractor against hand annotations.
//!
//! Annotations live in `crates/extract/eval/annotations/*.toml`, one file per article: the
//! figures a careful reader would chart (value, unit, currency, qualifier), the named
//! entities with their kinds, and "traps" — strings in the article that look like figures but
//! are not (years, "5G", "7nm", list markers...). Each file names its set: `default` for the
//! four corpus articles, `own` for the articles written for evaluation, `holdout` and
//! `blind-*` for batches annotated before the extractor saw them.
//!
//! A predicted metric matches a gold one when their spans overlap and value (within 0.5%),
//! unit, currency and qualifier agree; each gold figure matches at most once. Entities
//! match on kind and on name or alias. A predicted metric that overlaps a trap is a
//! non-metric false positive, the one error the extractor must never make.
//!
//! Direction (up/down) is scored apart, as agreement on matched figures, so that strict
//! scores stay comparable with those of sets annotated before direction existed. Gold
//! entities may list aliases ("EU" for "European Union"): a gold (name, alias) pair is
//! joined when one extracted entity carries both forms.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::{Corpus, EntityKind, Metric, Unit};
use crate::{extract, Source, SourceMeta};

/// One article's annotations.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// The article file, relative to the workspace root.
    pub article: String,
    /// `default` or `own`.
    pub set: String,
    /// Strings that look like figures but are not.
    #[serde(default)]
    pub traps: Vec<String>,
    /// Expected figures.
    #[serde(default)]
    pub metric: Vec<GoldMetric>,
    /// Expected entities.
    #[serde(default)]
    pub entity: Vec<GoldEntity>,
}

/// An expected figure.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldMetric {
    /// The figure as written (located in the cleaned text).
    pub surface: String,
    /// Which occurrence of `surface` (1-based) when it occurs more than once.
    #[serde(default)]
    pub occurrence: Option<usize>,
    /// Normalised value.
    pub value: f64,
    /// `percent`, `percentage_points`, `index_points`, `count` or `currency`.
    pub unit: String,
    /// ISO code for currencies.
    #[serde(default)]
    pub currency: Option<String>,
    /// Qualifier key; `exact` when absent.
    #[serde(default)]
    pub qualifier: Option<String>,
    /// `level`, `change` or `share`, when annotated.
    #[serde(default)]
    pub kind: Option<String>,
    /// The year of the period, when annotated.
    #[serde(default)]
    pub year: Option<i32>,
    /// `up` or `down` for a change whose text states its direction.
    #[serde(default)]
    pub direction: Option<String>,
}

/// An expected entity.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldEntity {
    /// Name as written in the article (canonical or alias).
    pub name: String,
    /// Kind key.
    pub kind: String,
    /// Other forms the same article uses for it ("EU" for "European Union").
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// Precision, recall and F1 from counts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Score {
    /// True positives.
    pub tp: usize,
    /// Predicted items.
    pub predicted: usize,
    /// Gold items.
    pub gold: usize,
}

impl Score {
    /// Precision (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.tp as f64 / self.predicted as f64
        }
    }

    /// Recall (1 when nothing was expected).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.tp as f64 / self.gold as f64
        }
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: Score) {
        self.tp += other.tp;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}

/// A figure from another extractor (e.g. compromise), for side-by-side scoring.
#[derive(Clone, Debug, Deserialize)]
pub struct ForeignMetric {
    /// The text it matched.
    #[serde(default)]
    pub surface: String,
    /// Its value.
    pub value: f64,
    /// Unit key.
    pub unit: String,
    /// ISO code, when money.
    #[serde(default)]
    pub currency: Option<String>,
}

/// Results for one set of articles.
#[derive(Clone, Debug, Default)]
pub struct SetReport {
    /// Strict metric score (span, value, unit, currency, qualifier).
    pub metrics: Score,
    /// Lenient metric score (value, unit, currency anywhere in the document).
    pub metrics_lenient: Score,
    /// Entity score (name or alias, and kind).
    pub entities: Score,
    /// Predicted metrics overlapping a trap, as "file: surface".
    pub non_metric_fps: Vec<String>,
    /// Other false positives, as "file: surface (value unit)".
    pub false_positives: Vec<String>,
    /// Missed figures, as "file: surface".
    pub misses: Vec<String>,
    /// Entity errors: missing ("-") and spurious ("+").
    pub entity_errors: Vec<String>,
    /// Matched metrics whose kind matched the annotation, and how many had a kind annotated.
    pub kind_agreement: (usize, usize),
    /// Matched metrics whose year matched the annotation, and how many had a year annotated.
    pub year_agreement: (usize, usize),
    /// Matched metrics whose direction matched the annotation, and how many had one annotated.
    pub direction_agreement: (usize, usize),
    /// Matched figures whose direction disagrees, as "file: surface (want, got)".
    pub direction_errors: Vec<String>,
    /// Gold (name, alias) pairs found in one extracted entity, and how many pairs there are.
    pub aliases_joined: (usize, usize),
    /// Lenient score of a foreign extractor on the same articles, when its output was given.
    pub foreign_lenient: Option<Score>,
}

impl SetReport {
    /// The fraction of gold alias pairs joined in one extracted entity (1 when there are none).
    pub fn alias_join_rate(&self) -> f64 {
        ratio(self.aliases_joined)
    }
}

/// `a / b`, or 1 when `b` is 0.
pub fn ratio((a, b): (usize, usize)) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn unit_key(u: Unit) -> &'static str {
    u.key()
}

fn close(a: f64, b: f64) -> bool {
    let scale = a.abs().max(b.abs()).max(1e-9);
    (a - b).abs() / scale <= 0.005
}

/// Byte ranges of every occurrence of `needle` in `hay`.
fn occurrences(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    if needle.is_empty() {
        return Vec::new();
    }
    // A match must start a token: "5 billion" is not inside "2.5 billion".
    hay.match_indices(needle)
        .filter(|(i, _)| {
            !hay[..*i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '.' || c == ',')
        })
        .map(|(i, m)| (i, i + m.len()))
        .collect()
}

fn gold_matches(g: &GoldMetric, m: &Metric) -> bool {
    close(g.value, m.value)
        && g.unit == unit_key(m.unit)
        && g.currency.as_deref() == m.currency.as_deref()
        && g.qualifier.as_deref().unwrap_or("exact") == m.qualifier.key()
}

/// Scores one document's metrics against its annotation, adding to `report`.
fn score_document(corpus: &Corpus, doc_idx: usize, ann: &Annotation, report: &mut SetReport) {
    let Some(doc) = corpus.documents.get(doc_idx) else {
        return;
    };
    let name = &ann.article;
    let predicted: Vec<&Metric> = corpus
        .metrics
        .iter()
        .filter(|m| m.doc as usize == doc_idx)
        .collect();

    // Locate gold figures in the cleaned text.
    let mut used_occ: BTreeMap<&str, usize> = BTreeMap::new();
    let mut gold_spans = Vec::new();
    for g in &ann.metric {
        let occ = occurrences(&doc.text, &g.surface);
        let n = match g.occurrence {
            Some(k) => k.saturating_sub(1),
            None => {
                let c = used_occ.entry(g.surface.as_str()).or_insert(0);
                *c += 1;
                *c - 1
            }
        };
        gold_spans.push(occ.get(n).copied());
    }

    let mut gold_used = vec![false; ann.metric.len()];
    let mut tp = 0;
    for m in &predicted {
        let (ms, me) = (m.span.start as usize, m.span.end as usize);
        let hit = ann.metric.iter().enumerate().find(|(i, g)| {
            !gold_used[*i]
                && gold_spans[*i].is_some_and(|(gs, ge)| gs < me && ms < ge)
                && gold_matches(g, m)
        });
        if let Some((i, g)) = hit {
            gold_used[i] = true;
            tp += 1;
            if let Some(k) = &g.kind {
                report.kind_agreement.1 += 1;
                let mk = match m.kind {
                    crate::model::MetricKind::Level => "level",
                    crate::model::MetricKind::Change => "change",
                    crate::model::MetricKind::Share => "share",
                };
                if k == mk {
                    report.kind_agreement.0 += 1;
                }
            }
            if let Some(d) = &g.direction {
                report.direction_agreement.1 += 1;
                if d == m.direction.key() {
                    report.direction_agreement.0 += 1;
                } else {
                    report.direction_errors.push(format!(
                        "{name}: {:?} (want {d}, got {})",
                        g.surface,
                        m.direction.key()
                    ));
                }
            }
            if let Some(y) = g.year {
                report.year_agreement.1 += 1;
                if m.period.year == Some(y) {
                    report.year_agreement.0 += 1;
                }
            }
            continue;
        }
        let on_trap = ann.traps.iter().any(|t| {
            occurrences(&doc.text, t)
                .iter()
                .any(|&(ts, te)| ts < me && ms < te)
        });
        let line = format!(
            "{name}: {:?} ({} {}{})",
            m.surface,
            m.value,
            m.unit.key(),
            m.currency
                .as_deref()
                .map(|c| format!(" {c}"))
                .unwrap_or_default()
        );
        if on_trap {
            report.non_metric_fps.push(line);
        } else {
            report.false_positives.push(line);
        }
    }
    for (i, g) in ann.metric.iter().enumerate() {
        if !gold_used[i] {
            let located = if gold_spans[i].is_some() {
                ""
            } else {
                " [surface not found in text]"
            };
            report.misses.push(format!(
                "{name}: {:?} ({} {}{}, {}){located}",
                g.surface,
                g.value,
                g.unit,
                g.currency
                    .as_deref()
                    .map(|c| format!(" {c}"))
                    .unwrap_or_default(),
                g.qualifier.as_deref().unwrap_or("exact")
            ));
        }
    }
    report.metrics.add(Score {
        tp,
        predicted: predicted.len(),
        gold: ann.metric.len(),
    });

    // Lenient: value, unit and currency anywhere in the document.
    let ours: Vec<ForeignMetric> = predicted
        .iter()
        .map(|m| ForeignMetric {
            surface: m.surface.clone(),
            value: m.value,
            unit: m.unit.key().to_owned(),
            currency: m.currency.clone(),
        })
        .collect();
    report
        .metrics_lenient
        .add(lenient_score(&ours, &ann.metric));

    // Entities.
    let doc_u32 = u32::try_from(doc_idx).unwrap_or(u32::MAX);
    let pred_entities: Vec<_> = corpus
        .entities
        .iter()
        .filter(|e| e.mentions.iter().any(|m| m.doc == doc_u32))
        .collect();
    let has_form = |e: &crate::model::Entity, form: &str| {
        e.name.eq_ignore_ascii_case(form) || e.aliases.iter().any(|a| a.eq_ignore_ascii_case(form))
    };
    let mut pred_used = vec![false; pred_entities.len()];
    let mut etp = 0;
    for g in &ann.entity {
        // Joining: each alias counts when one extracted entity (of any kind) has both forms.
        for a in &g.aliases {
            report.aliases_joined.1 += 1;
            if pred_entities
                .iter()
                .any(|e| has_form(e, &g.name) && has_form(e, a))
            {
                report.aliases_joined.0 += 1;
            }
        }
        let hit = pred_entities.iter().enumerate().find(|(i, e)| {
            !pred_used[*i]
                && e.kind.key() == g.kind
                && std::iter::once(&g.name)
                    .chain(&g.aliases)
                    .any(|form| has_form(e, form))
        });
        match hit {
            Some((i, _)) => {
                pred_used[i] = true;
                etp += 1;
            }
            None => report
                .entity_errors
                .push(format!("{name}: - {} ({})", g.name, g.kind)),
        }
    }
    for (i, e) in pred_entities.iter().enumerate() {
        if !pred_used[i] {
            report
                .entity_errors
                .push(format!("{name}: + {} ({})", e.name, e.kind.key()));
        }
    }
    report.entities.add(Score {
        tp: etp,
        predicted: pred_entities.len(),
        gold: ann.entity.len(),
    });
}

/// Lenient score: a predicted figure matches a gold one with the same value (within 0.5%),
/// unit and currency, anywhere in the same document; one-to-one.
pub fn lenient_score(predicted: &[ForeignMetric], gold: &[GoldMetric]) -> Score {
    let mut used = vec![false; gold.len()];
    let mut tp = 0;
    for p in predicted {
        if let Some(i) = gold.iter().enumerate().position(|(i, g)| {
            !used[i]
                && close(g.value, p.value)
                && g.unit == p.unit
                && (g.unit != "currency" || g.currency == p.currency)
        }) {
            used[i] = true;
            tp += 1;
        }
    }
    Score {
        tp,
        predicted: predicted.len(),
        gold: gold.len(),
    }
}

/// Loads every annotation file in `dir`, sorted by file name.
pub fn load_annotations(dir: &Path) -> Result<Vec<Annotation>, String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("reading {}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
            toml::from_str(&text).map_err(|e| format!("{}: {e}", p.display()))
        })
        .collect()
}

/// Runs the extractor over every annotated article (each set as one corpus, as the app
/// would see it) and scores it. `root` is the workspace root; `foreign` optionally maps
/// article paths to another extractor's figures.
pub fn evaluate(
    root: &Path,
    annotations: &[Annotation],
    foreign: Option<&BTreeMap<String, Vec<ForeignMetric>>>,
) -> Result<BTreeMap<String, SetReport>, String> {
    let meta_text = std::fs::read_to_string(root.join("corpus/metadata.toml")).unwrap_or_default();
    let meta: BTreeMap<String, SourceMeta> = toml::from_str(&meta_text).unwrap_or_default();
    let mut sets: BTreeMap<String, Vec<&Annotation>> = BTreeMap::new();
    for a in annotations {
        sets.entry(a.set.clone()).or_default().push(a);
    }
    let mut out = BTreeMap::new();
    for (set, anns) in sets {
        let mut sources = Vec::new();
        for a in &anns {
            let path = root.join(&a.article);
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let file_name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let (mut source, _) = Source::from_bytes(file_name.clone(), &bytes);
            source.meta = meta.get(&file_name).cloned().unwrap_or_default();
            sources.push(source);
        }
        let corpus = extract(&sources);
        let mut report = SetReport::default();
        let mut foreign_score: Option<Score> = None;
        for (i, a) in anns.iter().enumerate() {
            score_document(&corpus, i, a, &mut report);
            if let Some(f) = foreign {
                let preds = f.get(&a.article).map(Vec::as_slice).unwrap_or(&[]);
                foreign_score
                    .get_or_insert_with(Score::default)
                    .add(lenient_score(preds, &a.metric));
            }
        }
        report.foreign_lenient = foreign_score;
        out.insert(set, report);
    }
    Ok(out)
}

/// Whether `set` is a blind batch (`blind-*`): scored and reported like every set, but its
/// first run is a measurement, so the extractor is not held to the common targets on it.
pub fn is_blind(set: &str) -> bool {
    set.starts_with("blind")
}

/// Parses an entity kind key.
pub fn kind_from_key(key: &str) -> Option<EntityKind> {
    EntityKind::ALL.into_iter().find(|k| k.key() == key)
}
