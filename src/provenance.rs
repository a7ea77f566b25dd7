//! Where a mark comes from: the text of its tooltip and the sentence the reader opens at.

use extract::{Corpus, EventTense};

use crate::charts::Target;
use crate::data::{date_label, CorpusHandle};
use crate::format::{period_label, qualifier_label};

/// A tooltip's content. Rendered as text only, never as HTML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tip {
    /// The value as written, or the event or entity.
    pub heading: String,
    /// A line of detail: what is measured, when, how hedged.
    pub detail: String,
    /// The sentence behind the mark.
    pub quote: String,
    /// The document: number, title and date.
    pub source: String,
}

/// How a document is named in legends and tooltips: "Doc 2 · Title (c. 2019 (inferred))".
pub fn doc_name(corpus: &Corpus, doc: u32) -> String {
    match corpus.documents.get(doc as usize) {
        Some(d) => format!("Doc {} · {} ({})", doc + 1, d.title, date_label(&d.date)),
        None => format!("Doc {}", doc + 1),
    }
}

/// The document and sentence a mark stands for (for a heat-map cell: the entity's first
/// mention in that document).
pub fn sentence_of(corpus: &Corpus, target: Target) -> Option<(u32, u32)> {
    match target {
        Target::Metric(i) => corpus.metrics.get(i as usize).map(|m| (m.doc, m.sentence)),
        Target::Event(i) => corpus.events.get(i as usize).map(|e| (e.doc, e.sentence)),
        Target::Cell { entity, doc } => corpus
            .entities
            .get(entity as usize)?
            .mentions
            .iter()
            .find(|m| m.doc == doc)
            .map(|m| (m.doc, m.sentence)),
    }
}

/// The tooltip for a mark.
pub fn describe(corpus: &CorpusHandle, target: Target) -> Option<Tip> {
    let (doc, sentence) = sentence_of(corpus, target)?;
    let quote = corpus.sentence(doc, sentence).to_owned();
    let source = doc_name(corpus, doc);
    let (heading, detail) = match target {
        Target::Metric(i) => {
            let m = corpus.metrics.get(i as usize)?;
            let mut detail = m.label.clone();
            let period = period_label(&m.period);
            if period != "—" {
                detail.push_str(&format!(" · {period}"));
            }
            if m.qualifier != extract::Qualifier::Exact {
                detail.push_str(&format!(" · {}", qualifier_label(m.qualifier)));
            }
            (format!("“{}”", m.surface), detail)
        }
        Target::Event(i) => {
            let e = corpus.events.get(i as usize)?;
            let tense = match e.tense {
                EventTense::Past => "happened",
                EventTense::Forecast => "forecast",
                EventTense::Target => "target",
            };
            (format!("{} · {}", e.year, e.label), tense.to_owned())
        }
        Target::Cell { entity, doc } => {
            let e = corpus.entities.get(entity as usize)?;
            let n = e.mentions.iter().filter(|m| m.doc == doc).count();
            let s = if n == 1 { "" } else { "s" };
            (
                e.name.clone(),
                format!("{n} mention{s} in Doc {}; first one quoted", doc + 1),
            )
        }
    };
    Some(Tip {
        heading,
        detail,
        quote,
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn a_figure_tip_quotes_its_sentence_and_source() {
        let corpus = CorpusHandle::new(fixture::corpus());
        let tip = describe(&corpus, Target::Metric(2)).expect("tip");
        assert_eq!(tip.heading, "“more than 100,000”");
        assert_eq!(tip.detail, "employees · more than");
        assert_eq!(tip.quote, "BYD and Huawei employ more than 100,000 people.");
        assert!(tip.source.starts_with("Doc 1 · Alpha report on phones"));
    }

    #[test]
    fn cells_and_events_open_at_their_sentence() {
        let corpus = CorpusHandle::new(fixture::corpus());
        assert_eq!(
            sentence_of(&corpus, Target::Cell { entity: 0, doc: 1 }),
            Some((1, 1))
        );
        assert_eq!(sentence_of(&corpus, Target::Event(1)), Some((1, 2)));
        let tip = describe(&corpus, Target::Cell { entity: 0, doc: 0 }).expect("tip");
        assert_eq!(tip.detail, "2 mentions in Doc 1; first one quoted");
        assert_eq!(describe(&corpus, Target::Metric(999)), None);
    }

    #[test]
    fn markup_in_titles_stays_text() {
        let corpus = CorpusHandle::new(fixture::corpus());
        let tip = describe(&corpus, Target::Metric(7)).expect("tip");
        assert!(tip.source.contains("Gamma: <b>Beijing</b> start-ups"));
    }
}
