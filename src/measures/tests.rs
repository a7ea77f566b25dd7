//! Native tests of the measures: the disagreement rules from `testdata/measures.toml`, and
//! grouping over a corpus extracted from articles written for the test.

use extract::{Direction, Metric, MetricKind, Period, PeriodPart, Qualifier, Source, Span, Unit};
use serde::Deserialize;

use super::*;

#[derive(Deserialize)]
struct Case {
    surface: String,
    value: f64,
    unit: Unit,
    currency: Option<String>,
    #[serde(default)]
    qualifier: Qualifier,
    #[serde(default)]
    direction: Direction,
}

#[derive(Deserialize)]
struct Pair {
    name: String,
    a: Case,
    b: Case,
    agree: bool,
}

#[derive(Deserialize)]
struct Group {
    name: String,
    citations: Vec<Case>,
    flagged: Vec<bool>,
}

#[derive(Deserialize)]
struct Cases {
    pair: Vec<Pair>,
    group: Vec<Group>,
}

fn metric(c: &Case) -> Metric {
    Metric {
        value: c.value,
        surface: c.surface.clone(),
        unit: c.unit,
        currency: c.currency.clone(),
        qualifier: c.qualifier,
        kind: MetricKind::Level,
        label: "deliveries".into(),
        period: Period {
            year: Some(2024),
            part: PeriodPart::Month(3),
            ..Period::default()
        },
        entities: Vec::new(),
        doc: 0,
        sentence: 0,
        span: Span { start: 0, end: 1 },
        direction: c.direction,
        measure: "byd|deliveries|count".into(),
        conversion_of: None,
    }
}

fn cases() -> Cases {
    toml::from_str(include_str!("../../testdata/measures.toml")).expect("measures.toml parses")
}

#[test]
fn pairs_agree_or_disagree_as_the_cases_say() {
    let mut failures = Vec::new();
    for case in cases().pair {
        let (a, b) = (metric(&case.a), metric(&case.b));
        let got = rule_agree(&a, &b);
        if got != case.agree || rule_agree(&b, &a) != got {
            failures.push(format!(
                "{}: expected agree = {}, got {got} ({:?} vs {:?})",
                case.name,
                case.agree,
                bounds(&a),
                bounds(&b)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn groups_flag_as_the_cases_say() {
    let mut failures = Vec::new();
    for case in cases().group {
        let metrics: Vec<Metric> = case.citations.iter().map(metric).collect();
        let intervals: Vec<Bounds> = metrics.iter().filter_map(bounds).collect();
        assert_eq!(intervals.len(), metrics.len(), "{}", case.name);
        let got = rule_majority(&intervals, |i, j| rule_agree(&metrics[i], &metrics[j]));
        if got != case.flagged {
            failures.push(format!(
                "{}: expected {:?}, got {got:?}",
                case.name, case.flagged
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn rounding_follows_the_written_digits() {
    assert!((rule_rounding("3.02 million", 3.02e6) - 5_000.0).abs() < 1e-6);
    assert!((rule_rounding("3,024,417", 3_024_417.0) - 0.5).abs() < 1e-9);
    assert!((rule_rounding("$150bn", 1.5e11) - 0.5e9).abs() < 1.0);
    assert!((rule_rounding("62%", 62.0) - 0.5).abs() < 1e-9);
    assert!((rule_rounding("five", 5.0) - 0.5).abs() < 1e-9);
}

const ARTICLE_A: &str =
    "BYD sales report\n\nBYD delivered 300,000 vehicles in March 2024, the company said. \
Its revenue rose 20% in 2023.\n";
const ARTICLE_B: &str = "Carmakers in spring\n\nBYD delivered 300,000 vehicles in March 2024, \
according to the association.\n";
const ARTICLE_C: &str = "A different count\n\nBYD delivered 210,000 vehicles in March 2024, \
a rival tally showed.\n";

#[test]
fn groups_the_same_measure_across_documents_and_flags_the_outlier() {
    let corpus = extract::extract(&[
        Source::new("a.txt", ARTICLE_A),
        Source::new("b.txt", ARTICLE_B),
        Source::new("c.txt", ARTICLE_C),
    ]);
    let all: Vec<u32> = (0..u32::try_from(corpus.metrics.len()).unwrap()).collect();
    let measures = group(&corpus, &all);
    let keys: Vec<&str> = measures.list.iter().map(|m| m.key.as_str()).collect();
    let deliveries = measures
        .list
        .iter()
        .find(|m| m.citations.len() == 3)
        .unwrap_or_else(|| panic!("one measure cited three times among {keys:?}"));
    assert_eq!(deliveries.n_docs, 3);
    assert_eq!(deliveries.n_periods, 1);
    assert_eq!(
        deliveries.span,
        Some(("March 2024".to_owned(), "March 2024".to_owned()))
    );
    assert_eq!(deliveries.spread, Some((210_000.0, 300_000.0)));
    let flagged: Vec<u32> = deliveries
        .citations
        .iter()
        .filter(|c| c.flagged)
        .map(|c| corpus.metrics[c.metric as usize].doc)
        .collect();
    assert_eq!(
        flagged,
        vec![2],
        "only the third article's count is flagged"
    );
    let outlier = deliveries.citations.iter().find(|c| c.flagged).unwrap();
    assert!(outlier.against.is_some());
    assert_eq!(deliveries.n_flagged, 1);
    assert_eq!(measures.flagged.len(), 1);
    assert!(measures.is_flagged(outlier.metric));
    let latest = deliveries.latest.expect("a latest citation");
    assert!((corpus.metrics[latest as usize].value - 300_000.0).abs() < 1e-9);

    // A flag is a fact about the corpus: the index judges once, and a filter that leaves out
    // the agreeing article only selects the measure, its flags unchanged.
    let index = MeasureIndex::new(&corpus);
    assert_eq!(index.list.len(), measures.list.len());
    assert_eq!(index.flagged, measures.flagged);
    assert_eq!(
        index.measure_of(outlier.metric).map(|m| m.key.as_str()),
        Some(deliveries.key.as_str())
    );
    let two: Vec<u32> = all
        .iter()
        .copied()
        .filter(|&i| corpus.metrics[i as usize].doc != 1)
        .collect();
    let selected = index.select(&two);
    let pos = selected
        .list
        .iter()
        .position(|m| m.key == deliveries.key)
        .expect("still cited");
    assert_eq!(selected.in_view[pos], 2);
    let kept = &selected.list[pos];
    assert_eq!(kept.citations.len(), 3, "the measure keeps every citation");
    assert_eq!(kept.n_flagged, 1);
    assert!(selected.is_flagged(outlier.metric));
    assert!(selected.find(&deliveries.key).is_some());

    // A filter with none of its figures leaves it out.
    let only_b: Vec<u32> = all
        .iter()
        .copied()
        .filter(|&i| corpus.metrics[i as usize].doc == 1)
        .collect();
    let selected = index.select(&only_b);
    assert_eq!(
        selected.in_view.iter().sum::<u32>() as usize,
        selected
            .list
            .iter()
            .map(|m| {
                m.citations
                    .iter()
                    .filter(|c| corpus.metrics[c.metric as usize].doc == 1)
                    .count()
            })
            .sum::<usize>()
    );
    assert!(index.select(&[]).list.is_empty());
}

/// "20,000" and "12,000" of one count: the pair that cannot both be true.
fn rival_counts() -> (Metric, Metric) {
    let a = metric(&Case {
        surface: "20,000".into(),
        value: 20_000.0,
        unit: Unit::Count,
        currency: None,
        qualifier: Qualifier::Exact,
        direction: Direction::None,
    });
    let mut b = a.clone();
    b.value = 12_000.0;
    b.surface = "12,000".into();
    (a, b)
}

#[test]
fn keys_without_a_subject_or_a_measure_name_no_measure() {
    assert_eq!(
        rule_measure_key("byd|deliveries|count"),
        Some(("byd", "deliveries", "count"))
    );
    for key in [
        "apple||currency",
        "|revenue|currency",
        "||count",
        "byd|deliveries",
        "",
    ] {
        assert_eq!(rule_measure_key(key), None, "{key}");
    }
    // Figures with such keys are grouped into no measure.
    let (mut a, mut b) = rival_counts();
    a.measure = "apple||count".into();
    b.measure = "apple||count".into();
    b.doc = 1;
    let corpus = Corpus {
        metrics: vec![a, b],
        ..Corpus::default()
    };
    let grouped = group(&corpus, &[0, 1]);
    assert!(grouped.list.is_empty());
    assert!(grouped.flagged.is_empty());
}

#[test]
fn only_the_same_period_and_kind_are_judged() {
    let (base, rival) = rival_counts();
    assert!(rule_same_reading(&base, &rival));
    assert!(!rule_agree(&base, &rival));
    let mut change = rival.clone();
    change.kind = MetricKind::Change;
    assert!(
        !rule_same_reading(&base, &change),
        "a change is not a level"
    );
    let mut other_month = rival.clone();
    other_month.period.part = PeriodPart::Month(4);
    assert!(!rule_same_reading(&base, &other_month));
    let mut quarter = rival.clone();
    quarter.period.part = PeriodPart::Quarter(1);
    assert!(!rule_same_reading(&base, &quarter), "Q1 is not March");
    let mut forecast = rival;
    forecast.period.aspect = PeriodAspect::Forecast;
    assert!(!rule_same_reading(&base, &forecast));

    let mut m = vec![base, change, other_month, quarter, forecast];
    for (d, x) in m.iter_mut().enumerate() {
        x.doc = u32::try_from(d).unwrap();
        x.measure = "byd|deliveries|count".into();
    }
    let corpus = Corpus {
        metrics: m,
        ..Corpus::default()
    };
    let grouped = group(&corpus, &[0, 1, 2, 3, 4]);
    assert_eq!(grouped.list.len(), 1);
    assert!(grouped.flagged.is_empty(), "{:?}", grouped.flagged);
    // The same period and kind is judged: 20,000 against 12,000, both flagged.
    let mut metrics = corpus.metrics;
    metrics[1].kind = MetricKind::Level;
    let corpus = Corpus {
        metrics,
        ..Corpus::default()
    };
    assert_eq!(&*group(&corpus, &[0, 1, 2, 3, 4]).flagged, &[0, 1]);
}

#[test]
fn search_and_sort() {
    let corpus = extract::extract(&[
        Source::new("a.txt", ARTICLE_A),
        Source::new("b.txt", ARTICLE_B),
        Source::new("c.txt", ARTICLE_C),
    ]);
    let all: Vec<u32> = (0..u32::try_from(corpus.metrics.len()).unwrap()).collect();
    let measures = group(&corpus, &all);
    let order = search(&measures.list, "", MeasureSort::Figures);
    assert_eq!(order.len(), measures.list.len());
    assert_eq!(measures.list[order[0]].citations.len(), 3);
    let order = search(&measures.list, "", MeasureSort::Disagreements);
    assert_eq!(measures.list[order[0]].n_flagged, 1);
    assert!(search(&measures.list, "no such measure", MeasureSort::Name).is_empty());
    let first = &measures.list[order[0]];
    let word = first.what.split_whitespace().next().unwrap_or("byd");
    assert!(search(&measures.list, word, MeasureSort::Name).contains(&order[0]));
    for s in MeasureSort::ALL {
        assert_eq!(MeasureSort::from_key(s.key()), Some(s));
    }
}
