//! A small hand-made corpus with figures, entities, sectors and events, for tests.
//!
//! The embedded corpus depends on how far the extractor has got; tests of the filter logic
//! and of the components need figures whose every field is known, so they use this one.
//! Spans are computed from the text, so the fixture cannot drift out of step with itself.

use extract::{
    Corpus, DateBasis, Direction, DocDate, Document, Entity, EntityKind, Event, EventTense,
    Mention, Metric, MetricKind, Period, PeriodAspect, PeriodPart, Qualifier, Sector, Sentence,
    Span, TitleSource, Unit,
};

/// One figure to place in a fixture sentence.
struct Fig {
    doc: u32,
    sentence: u32,
    surface: &'static str,
    value: f64,
    unit: Unit,
    currency: Option<&'static str>,
    qualifier: Qualifier,
    label: &'static str,
    year: Option<i32>,
}

fn document(id: &str, title: &str, year: i32, paragraphs: &[&[&str]]) -> Document {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut sentences = Vec::new();
    for (p, sents) in paragraphs.iter().enumerate() {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        for (i, s) in sents.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            let s_start = text.len();
            text.push_str(s);
            sentences.push(Sentence {
                span: Span::new(s_start, text.len()),
                paragraph: u32::try_from(p).unwrap_or(0),
                sectors: Vec::new(),
            });
        }
        spans.push(Span::new(start, text.len()));
    }
    Document {
        id: id.to_owned(),
        title: title.to_owned(),
        title_source: TitleSource::Headline,
        publisher: None,
        author: None,
        date: DocDate {
            year: Some(year),
            month: None,
            day: None,
            basis: DateBasis::Inferred,
            note: None,
        },
        text,
        paragraphs: spans,
        sentences,
        removed: Vec::new(),
        sectors: Vec::new(),
    }
}

/// The span of `needle` inside sentence `sentence` of `doc`.
fn find(doc: &Document, sentence: u32, needle: &str) -> Span {
    let s = doc.sentences[sentence as usize].span;
    let at = doc.slice(s).find(needle).unwrap_or_else(|| {
        panic!(
            "fixture: {needle:?} is not in sentence {sentence} of {}",
            doc.id
        )
    });
    Span::new(s.start as usize + at, s.start as usize + at + needle.len())
}

/// Three documents, three entities, eight figures in all four unit families, three events.
///
/// - doc 0 `alpha` (2020): p0 = [s0 Huawei phones 2019, s1 revenue yuan 2019], p1 = [s2 BYD and
///   Huawei employ more than 100,000].
/// - doc 1 `beta` (2021): p0 = [s0 digital economy 34.8% 2019, s1 36.2% 2020], p1 = [s2 BYD up
///   to 3 million cars 2023, s3 growth 2.5 percentage points 2020].
/// - doc 2 `gamma` (2021): p0 = [s0 Beijing about 90 unicorns 2020, s1 $1.5 billion no year].
pub fn corpus() -> Corpus {
    let mut documents = vec![
        document(
            "alpha",
            "Alpha report on phones",
            2020,
            &[
                &[
                    "Huawei sold 50 million phones in 2019.",
                    "Its revenue reached 858.8 billion yuan in 2019.",
                ],
                &["BYD and Huawei employ more than 100,000 people."],
            ],
        ),
        document(
            "beta",
            "Beta notes on the digital economy",
            2021,
            &[
                &[
                    "The digital economy was 34.8% of GDP in 2019.",
                    "It reached 36.2% of GDP in 2020, when Huawei opened a lab.",
                ],
                &[
                    "BYD sold up to 3 million cars in 2023.",
                    "Growth rose by 2.5 percentage points in 2020.",
                ],
            ],
        ),
        document(
            "gamma",
            "Gamma: <b>Beijing</b> start-ups",
            2021,
            &[&[
                "Beijing hosts about 90 unicorns as of 2020.",
                "Investors put $1.5 billion into them.",
            ]],
        ),
    ];
    // Sentence sectors: phones and labs are telecoms; cars are EVs; the rest digital economy.
    let sectors: &[(usize, usize, Sector)] = &[
        (0, 0, Sector::Telecoms),
        (0, 1, Sector::Telecoms),
        (1, 0, Sector::DigitalEconomy),
        (1, 1, Sector::DigitalEconomy),
        (1, 2, Sector::ElectricVehicles),
        (1, 3, Sector::DigitalEconomy),
        (2, 0, Sector::Fintech),
        (2, 1, Sector::Fintech),
    ];
    for &(d, s, sector) in sectors {
        documents[d].sentences[s].sectors.push(sector);
        if !documents[d].sectors.contains(&sector) {
            documents[d].sectors.push(sector);
        }
    }

    let mentions = |docs: &[Document], name: &str, places: &[(u32, u32)]| -> Vec<Mention> {
        places
            .iter()
            .map(|&(doc, sentence)| Mention {
                doc,
                sentence,
                span: find(&docs[doc as usize], sentence, name),
            })
            .collect()
    };
    let entities = vec![
        Entity {
            id: "huawei".into(),
            name: "Huawei".into(),
            kind: EntityKind::Company,
            aliases: vec!["Huawei Technologies".into()],
            mentions: mentions(&documents, "Huawei", &[(0, 0), (0, 2), (1, 1)]),
        },
        Entity {
            id: "byd".into(),
            name: "BYD".into(),
            kind: EntityKind::Company,
            aliases: vec!["BYD Auto".into()],
            mentions: mentions(&documents, "BYD", &[(0, 2), (1, 2)]),
        },
        Entity {
            id: "beijing".into(),
            name: "Beijing".into(),
            kind: EntityKind::Place,
            aliases: Vec::new(),
            mentions: mentions(&documents, "Beijing", &[(2, 0)]),
        },
    ];

    use Qualifier::*;
    use Unit::*;
    let figs = [
        Fig {
            doc: 0,
            sentence: 0,
            surface: "50 million",
            value: 5e7,
            unit: Count,
            currency: None,
            qualifier: Exact,
            label: "phones sold",
            year: Some(2019),
        },
        Fig {
            doc: 0,
            sentence: 1,
            surface: "858.8 billion yuan",
            value: 8.588e11,
            unit: Currency,
            currency: Some("CNY"),
            qualifier: Exact,
            label: "revenue",
            year: Some(2019),
        },
        Fig {
            doc: 0,
            sentence: 2,
            surface: "more than 100,000",
            value: 1e5,
            unit: Count,
            currency: None,
            qualifier: MoreThan,
            label: "employees",
            year: None,
        },
        Fig {
            doc: 1,
            sentence: 0,
            surface: "34.8%",
            value: 34.8,
            unit: Percent,
            currency: None,
            qualifier: Exact,
            label: "digital economy, share of GDP",
            year: Some(2019),
        },
        Fig {
            doc: 1,
            sentence: 1,
            surface: "36.2%",
            value: 36.2,
            unit: Percent,
            currency: None,
            qualifier: Exact,
            label: "digital economy, share of GDP",
            year: Some(2020),
        },
        Fig {
            doc: 1,
            sentence: 2,
            surface: "up to 3 million",
            value: 3e6,
            unit: Count,
            currency: None,
            qualifier: UpTo,
            label: "cars sold",
            year: Some(2023),
        },
        Fig {
            doc: 1,
            sentence: 3,
            surface: "2.5 percentage points",
            value: 2.5,
            unit: PercentagePoints,
            currency: None,
            qualifier: Exact,
            label: "growth",
            year: Some(2020),
        },
        Fig {
            doc: 2,
            sentence: 0,
            surface: "about 90",
            value: 90.0,
            unit: Count,
            currency: None,
            qualifier: About,
            label: "unicorns",
            year: Some(2020),
        },
        Fig {
            doc: 2,
            sentence: 1,
            surface: "$1.5 billion",
            value: 1.5e9,
            unit: Currency,
            currency: Some("USD"),
            qualifier: Exact,
            label: "investment",
            year: None,
        },
    ];
    let metrics = figs
        .iter()
        .map(|f| {
            let doc = &documents[f.doc as usize];
            let entities = entities
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    e.mentions
                        .iter()
                        .any(|m| m.doc == f.doc && m.sentence == f.sentence)
                })
                .map(|(i, _)| u32::try_from(i).unwrap_or(0))
                .collect();
            Metric {
                value: f.value,
                surface: f.surface.to_owned(),
                unit: f.unit,
                currency: f.currency.map(str::to_owned),
                qualifier: f.qualifier,
                kind: if f.unit == Percent {
                    MetricKind::Share
                } else {
                    MetricKind::Level
                },
                label: f.label.to_owned(),
                period: Period {
                    year: f.year,
                    year_end: None,
                    part: if f.year.is_some() {
                        PeriodPart::Year
                    } else {
                        PeriodPart::Unspecified
                    },
                    aspect: if f.label == "unicorns" {
                        PeriodAspect::AsOf
                    } else {
                        PeriodAspect::Actual
                    },
                    inherited: false,
                },
                entities,
                doc: f.doc,
                sentence: f.sentence,
                span: find(doc, f.sentence, f.surface),
                direction: Direction::None,
                // Set below by the extractor's own rule, once the entities are known.
                measure: String::new(),
                conversion_of: None,
            }
        })
        .collect::<Vec<Metric>>();
    let metrics = metrics
        .into_iter()
        .map(|mut m| {
            m.measure = extract::measures::measure_key(&m, &entities);
            m
        })
        .collect();

    let event =
        |doc: u32, sentence: u32, year: i32, tense: EventTense, label: &str, ents: Vec<u32>| {
            Event {
                year,
                month: None,
                day: None,
                tense,
                label: label.to_owned(),
                entities: ents,
                doc,
                sentence,
                span: find(&documents[doc as usize], sentence, &year.to_string()),
            }
        };
    let events = vec![
        event(1, 1, 2020, EventTense::Past, "Huawei opened a lab", vec![0]),
        event(1, 2, 2023, EventTense::Past, "BYD car sales", vec![1]),
        event(
            2,
            0,
            2020,
            EventTense::Past,
            "Beijing unicorn count",
            vec![2],
        ),
    ];

    Corpus {
        documents,
        entities,
        metrics,
        events,
        diagnostics: Vec::new(),
    }
}
