//! Exports of the figures in view, each with its citation: CSV and JSON.

use extract::{Corpus, Metric, Unit};
use serde_json::{json, Value};

use crate::data::{date_label, CorpusHandle};
use crate::format::{period_label, qualifier_label, unit_label};
use crate::money;
use crate::views::{entity_names, quote};

/// The CSV header.
pub const CSV_COLUMNS: [&str; 21] = [
    "value",
    "as_written",
    "unit",
    "value_usd",
    "qualifier",
    "kind",
    "label",
    "period",
    "year",
    "entities",
    "quote",
    "document_id",
    "document_title",
    "document_date",
    "sentence",
    "span_start",
    "span_end",
    "direction",
    "signed_value",
    "measure",
    "disagrees",
];

/// The figures `rows` (metric indices) as CSV, one line per figure, RFC 4180 quoting.
/// `flagged` (sorted metric indices) are the figures that disagree with the other citations
/// of their measure and period ([`crate::measures`]).
pub fn to_csv(corpus: &CorpusHandle, rows: &[u32], flagged: &[u32]) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push_str("\r\n");
    for &i in rows {
        let Some(m) = corpus.metrics.get(i as usize) else {
            continue;
        };
        let doc = corpus.documents.get(m.doc as usize);
        let fields = [
            number(m.value),
            text(&m.surface),
            text(&unit_label(m)),
            usd(m).map(number).unwrap_or_default(),
            qualifier_label(m.qualifier).to_owned(),
            format!("{:?}", m.kind).to_lowercase(),
            text(&m.label),
            text(&period_label(&m.period)),
            m.period.year.map(|y| y.to_string()).unwrap_or_default(),
            text(&entity_names(corpus, m)),
            text(quote(corpus, m)),
            text(doc.map_or("", |d| d.id.as_str())),
            text(doc.map_or("", |d| d.title.as_str())),
            text(&doc.map(|d| date_label(&d.date)).unwrap_or_default()),
            m.sentence.to_string(),
            m.span.start.to_string(),
            m.span.end.to_string(),
            m.direction.key().to_owned(),
            number(m.direction.signed(m.value)),
            text(&m.measure),
            flagged.binary_search(&i).is_ok().to_string(),
        ];
        out.push_str(
            &fields
                .iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    }
    out
}

fn usd(m: &Metric) -> Option<f64> {
    (m.unit == Unit::Currency)
        .then(|| money::to_usd(m.value, m.currency.as_deref().unwrap_or("")))
        .flatten()
}

fn number(v: f64) -> String {
    if v.is_finite() {
        format!("{v}")
    } else {
        String::new()
    }
}

/// Text from the articles: a leading `=`, `+`, `-` or `@` would make a spreadsheet treat
/// the cell as a formula, so such cells get a leading apostrophe.
fn text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The figures `rows` as JSON, in the extractor's export format ([`extract::to_json`]) over
/// the corpus narrowed to those figures, plus two keys of the dashboard's own: `view` (the
/// query string that produced it) and `conversion` (the rates the charts used); each figure
/// also says whether it `disagrees` (it is among `flagged`, sorted metric indices).
pub fn to_json(corpus: &CorpusHandle, rows: &[u32], flagged: &[u32], link: &str) -> String {
    let narrowed = Corpus {
        documents: corpus.documents.clone(),
        entities: corpus.entities.clone(),
        metrics: rows
            .iter()
            .filter_map(|&i| corpus.metrics.get(i as usize).cloned())
            .collect(),
        events: Vec::new(),
        diagnostics: Vec::new(),
    };
    let mut doc: Value =
        serde_json::from_str(&extract::to_json(&narrowed)).unwrap_or_else(|_| json!({}));
    let rates: serde_json::Map<String, Value> = money::RATES
        .iter()
        .map(|(c, r)| ((*c).to_owned(), json!(r)))
        .collect();
    if let Value::Object(map) = &mut doc {
        map.insert(
            "view".to_owned(),
            json!(if link.is_empty() {
                String::new()
            } else {
                format!("?{link}")
            }),
        );
        map.insert(
            "conversion".to_owned(),
            json!({
                "to": money::TARGET,
                "units_per_usd": rates,
                "as_of": money::RATES_AS_OF,
                "source": money::RATES_SOURCE,
            }),
        );
        // Each figure also gets its value in dollars, as the charts draw it.
        if let Some(Value::Array(metrics)) = map.get_mut("metrics") {
            for ((m, out), i) in narrowed.metrics.iter().zip(metrics.iter_mut()).zip(rows) {
                if let Value::Object(o) = out {
                    o.insert("value_usd".to_owned(), json!(usd(m)));
                    o.insert(
                        "disagrees".to_owned(),
                        json!(flagged.binary_search(i).is_ok()),
                    );
                }
            }
        }
    }
    serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn csv_quotes_and_cites() {
        let corpus = CorpusHandle::new(fixture::corpus());
        let csv = to_csv(&corpus, &[2, 8], &[8]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], CSV_COLUMNS.join(","));
        assert!(lines[1].starts_with("100000,\"more than 100,000\",count,,more than,level,employees,—,,\"Huawei, BYD\",\"BYD and Huawei employ more than 100,000 people.\",alpha,Alpha report on phones,"), "{}", lines[1]);
        assert!(lines[2].contains(",USD,1500000000,"), "{}", lines[2]);
        // Direction, the signed value, the measure key and the disagreement flag close
        // each row.
        assert!(
            lines[1].ends_with(",none,100000,huawei|employees|count,false"),
            "{}",
            lines[1]
        );
        assert!(lines[2].ends_with(",true"), "{}", lines[2]);
        assert_eq!(lines.len(), 4, "two rows and a final line break");
    }

    #[test]
    fn formula_like_text_is_defused() {
        assert_eq!(text("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(csv_field("a\"b"), "\"a\"\"b\"");
    }

    #[test]
    fn json_has_figures_quotes_and_rates() {
        let corpus = CorpusHandle::new(fixture::corpus());
        let json: Value =
            serde_json::from_str(&to_json(&corpus, &[1], &[1], "u=currency")).expect("valid JSON");
        assert_eq!(json["view"], "?u=currency");
        assert_eq!(json["conversion"]["units_per_usd"]["CNY"], 7.3);
        assert_eq!(json["metrics"].as_array().map(Vec::len), Some(1), "{json}");
        let fig = &json["metrics"][0];
        assert_eq!(fig["surface"], "858.8 billion yuan");
        assert_eq!(
            fig["sentence"],
            "Its revenue reached 858.8 billion yuan in 2019."
        );
        assert_eq!(fig["doc"], "alpha");
        assert!(fig["value_usd"].as_f64().is_some());
        assert_eq!(fig["direction"], "none");
        assert_eq!(fig["signed_value"], fig["value"]);
        // "Its revenue reached ..." names no subject, so the figure has no measure key.
        assert_eq!(fig["measure"], "");
        assert_eq!(fig["disagrees"], true);
    }
}
