//! Documents: ids, paragraphs, titles and dates, built from raw article text.

use crate::boilerplate::classify_line;
use crate::model::{
    BoilerplateKind, DateBasis, DocDate, Document, Removed, Sentence, Span, TitleSource,
};
use crate::sentences::split_sentences;
use crate::Source;

/// Longest line, in characters, that can still be a headline.
const MAX_HEADLINE_CHARS: usize = 160;

/// Builds a document from `source`, choosing an id not used by `existing`.
/// Returns the document and any diagnostics about it.
pub fn build_document(source: &Source, existing: &[Document]) -> (Document, Vec<String>) {
    let mut notes = Vec::new();
    let mut removed = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    for line in source.text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match classify_line(line) {
            Some(kind) => removed.push(Removed {
                kind,
                text: line.to_owned(),
            }),
            // match_repeated_paragraph: a long line repeated verbatim is a scraping duplicate.
            None if line.chars().count() >= 30 && lines.contains(&line) => removed.push(Removed {
                kind: BoilerplateKind::Duplicate,
                text: line.to_owned(),
            }),
            None => lines.push(line),
        }
    }

    let (title, title_source, body_from) = find_title(&lines, source.meta.title.as_deref());
    let mut body: Vec<&str> = lines[body_from..].to_vec();
    if title_source == TitleSource::Headline {
        strip_title_echoes(&title, &mut body, &mut removed);
    }
    let mut text = String::new();
    let mut paragraphs = Vec::new();
    let mut sentences = Vec::new();
    for line in &body {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(line);
        let paragraph = u32::try_from(paragraphs.len()).unwrap_or(u32::MAX);
        paragraphs.push(Span::new(start, text.len()));
        for (s, e) in split_sentences(line) {
            sentences.push(Sentence {
                span: Span::new(start + s, start + e),
                paragraph,
                sectors: Vec::new(),
            });
        }
    }
    if sentences.is_empty() {
        notes.push(format!("{}: no sentences found", source.name));
    }

    let doc = Document {
        id: unique_id(&slug(&source.name), existing),
        title,
        title_source,
        publisher: source.meta.publisher.clone(),
        author: source.meta.author.clone(),
        date: doc_date(source),
        text,
        paragraphs,
        sentences,
        removed,
        sectors: Vec::new(),
    };
    (doc, notes)
}

/// Picks the title and the index of the first body line.
///
/// Rule: a short first line without a closing full stop is a headline. When the next line is
/// a suffix of it, the first line is a breadcrumb run into the headline, and the next line is
/// the headline. Without a headline, the title is the metadata's, or the opening words.
fn find_title(lines: &[&str], meta_title: Option<&str>) -> (String, TitleSource, usize) {
    if let Some(first) = lines.first() {
        let looks_like_headline =
            |l: &str| l.chars().count() <= MAX_HEADLINE_CHARS && !l.ends_with(['.', ':', ';', ',']);
        if looks_like_headline(first) {
            if let Some(next) = lines.get(1) {
                if next.len() < first.len() && first.ends_with(next) && looks_like_headline(next) {
                    return ((*next).to_owned(), TitleSource::Headline, 2);
                }
            }
            return ((*first).to_owned(), TitleSource::Headline, 1);
        }
    }
    if let Some(title) = meta_title {
        return (title.to_owned(), TitleSource::Metadata, 0);
    }
    let opening = lines.first().copied().unwrap_or("");
    (derive_title(opening), TitleSource::Derived, 0)
}

/// Removes echoes of the headline at the top of the body.
///
/// Rules: match_short_title — a heading line that is a shorter prefix of the headline repeats
/// it; match_teaser — a line that opens with a long prefix of the headline glued to the next
/// word ("... in The ChineseWith a reputation") is a teaser run into the first paragraph, and
/// only the prefix is removed.
fn strip_title_echoes(title: &str, body: &mut Vec<&str>, removed: &mut Vec<Removed>) {
    const MIN_ECHO_BYTES: usize = 20;
    let mut i = 0;
    while i < body.len().min(3) {
        let line = body[i];
        if line.len() < title.len() && title.starts_with(line) && !line.ends_with(['.', ':', ';']) {
            removed.push(Removed {
                kind: BoilerplateKind::Duplicate,
                text: line.to_owned(),
            });
            body.remove(i);
            continue;
        }
        // The longest common prefix of the headline and the line, cut at a char boundary.
        let common = title
            .char_indices()
            .zip(line.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((p, a), _)| p + a.len_utf8());
        if common >= MIN_ECHO_BYTES && common < line.len() && common < title.len() {
            let rest = &line[common..];
            let prev = line[..common].chars().next_back();
            if rest.starts_with(char::is_uppercase) && prev.is_some_and(char::is_lowercase) {
                removed.push(Removed {
                    kind: BoilerplateKind::Duplicate,
                    text: line[..common].to_owned(),
                });
                body[i] = rest;
            }
        }
        i += 1;
    }
}

/// The opening words of the first sentence of `text`, cut at a word boundary, for documents
/// without a headline.
fn derive_title(text: &str) -> String {
    const MAX_WORDS: usize = 10;
    let first_sentence = split_sentences(text)
        .first()
        .map_or(text, |&(s, e)| &text[s..e]);
    let words: Vec<&str> = first_sentence.split_whitespace().collect();
    if words.is_empty() {
        return "Untitled article".to_owned();
    }
    let mut title = words[..words.len().min(MAX_WORDS)].join(" ");
    title = title
        .trim_end_matches([',', ';', ':', '.', '—', '-'])
        .to_owned();
    if words.len() > MAX_WORDS {
        title.push('…');
    }
    title
}

fn doc_date(source: &Source) -> DocDate {
    let meta = &source.meta;
    let basis = match (meta.year, meta.date_inferred) {
        (None, _) => DateBasis::Unknown,
        (Some(_), true) => DateBasis::Inferred,
        (Some(_), false) => DateBasis::Stated,
    };
    DocDate {
        year: meta.year,
        month: meta.month.filter(|m| (1..=12).contains(m)),
        day: meta.day.filter(|d| (1..=31).contains(d)),
        basis,
        note: meta.date_note.clone(),
    }
}

/// A lowercase ASCII slug of a file name without its extension.
pub fn slug(name: &str) -> String {
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = [".txt", ".md", ".html", ".htm"]
        .iter()
        .find_map(|ext| stem.strip_suffix(ext))
        .unwrap_or(stem);
    let mut out = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "article".to_owned()
    } else {
        out
    }
}

fn unique_id(base: &str, existing: &[Document]) -> String {
    let taken = |id: &str| existing.iter().any(|d| d.id == id);
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breadcrumb_run_into_headline_is_skipped() {
        let src = Source::new(
            "a.txt",
            "HomenewsBig Headline\n\nBig Headline\n\nBody text here.",
        );
        let (doc, _) = build_document(&src, &[]);
        assert_eq!(doc.title, "Big Headline");
        assert_eq!(doc.text, "Body text here.");
    }

    #[test]
    fn no_headline_derives_title() {
        let src = Source::new(
            "b.txt",
            "This is a long opening sentence that goes on. And on.",
        );
        let (doc, _) = build_document(&src, &[]);
        assert_eq!(doc.title_source, TitleSource::Derived);
        assert_eq!(doc.title, "This is a long opening sentence that goes on");
    }

    #[test]
    fn ids_are_unique() {
        let src = Source::new("dir/Same Name.txt", "T\n\nx.");
        let (first, _) = build_document(&src, &[]);
        let (second, _) = build_document(&src, std::slice::from_ref(&first));
        assert_eq!(first.id, "same-name");
        assert_eq!(second.id, "same-name-2");
    }
}
