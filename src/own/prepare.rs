//! From a file's bytes to an [`Article`], or a refusal: runs in the worker, beside the
//! extractor. Saved web pages are read by `extract::html`; Markdown loses its markup;
//! plain text is kept as it is.

use extract::html::{looks_like_html, read_html};

use super::{Article, Refusal, MAX_BYTES};

/// Fewest characters of article text a page must hold to count as an article.
const MIN_ARTICLE_CHARS: usize = 40;

/// What a file or paste became.
#[derive(Debug, PartialEq, Eq)]
pub enum Prepared {
    /// One article, with a note about a repair (invalid UTF-8), when there was one.
    Article(Article, Option<String>),
    /// A download of articles ([`super::bundle`]).
    Bundle(Vec<Article>),
}

/// Checks and converts raw bytes from a file or the paste box.
pub fn prepare(name: &str, bytes: &[u8]) -> Result<Prepared, Refusal> {
    let refuse = |reason: &str| Refusal {
        name: name.to_owned(),
        reason: reason.to_owned(),
    };
    if bytes.len() > MAX_BYTES {
        return Err(refuse(&format!(
            "too large ({:.1} MB; files up to {} MB are accepted)",
            bytes.len() as f64 / 1_048_576.0,
            MAX_BYTES / 1_048_576
        )));
    }
    if looks_binary(bytes) {
        return Err(refuse("binary (not text)"));
    }
    let (text, note) = match std::str::from_utf8(bytes) {
        Ok(t) => (t.to_owned(), None),
        Err(_) => (
            String::from_utf8_lossy(bytes).into_owned(),
            Some("it is not valid UTF-8; undecodable bytes were replaced with \u{FFFD}".to_owned()),
        ),
    };
    let text = text.trim_start_matches('\u{FEFF}');
    if text.trim().is_empty() {
        return Err(refuse("empty"));
    }
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".json") {
        return super::bundle::read_bundle(text)
            .map(Prepared::Bundle)
            .map_err(|why| refuse(&why));
    }
    let article = if lower.ends_with(".html") || lower.ends_with(".htm") || looks_like_html(text) {
        let page = read_html(text);
        if page.text_chars() < MIN_ARTICLE_CHARS {
            return Err(refuse("no article found (the page has no article text)"));
        }
        let source = page.to_source(name);
        Article {
            name: name.to_owned(),
            text: source.text,
            title: page.title,
            publisher: page.publisher,
            author: page.author,
            published: page.published,
        }
    } else if lower.ends_with(".md") || lower.ends_with(".markdown") {
        Article {
            name: name.to_owned(),
            text: strip_markdown(text),
            ..Article::default()
        }
    } else {
        Article {
            name: name.to_owned(),
            text: text.to_owned(),
            ..Article::default()
        }
    };
    if article.text.trim().chars().count() < 2 {
        return Err(refuse("no article found"));
    }
    Ok(Prepared::Article(article, note))
}

/// NUL bytes, or many control characters, mean a binary file (an image, a PDF, a zip).
pub fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    control * 20 > sample.len().max(1)
}

/// Markdown to plain paragraphs: heading marks, emphasis, link targets, images, code fences
/// and list bullets go; the words stay.
pub fn strip_markdown(md: &str) -> String {
    let mut out = Vec::new();
    let mut in_fence = false;
    for line in md.lines() {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence
            || t.starts_with("![")
            || t.chars().all(|c| matches!(c, '-' | '=' | '*' | '_')) && !t.is_empty()
        {
            continue;
        }
        let t = t.trim_start_matches('#').trim_start_matches('>').trim();
        let t = t
            .strip_prefix("- ")
            .or_else(|| t.strip_prefix("* "))
            .or_else(|| t.strip_prefix("+ "))
            .unwrap_or(t);
        out.push(
            strip_links(t)
                .replace("**", "")
                .replace("__", "")
                .replace('`', ""),
        );
    }
    out.join("\n")
}

/// `[text](url)` becomes `text`.
fn strip_links(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|c| open + c) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|e| close + e) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(name: &str, bytes: &[u8]) -> Article {
        match prepare(name, bytes).expect("accepted") {
            Prepared::Article(a, _) => a,
            Prepared::Bundle(_) => panic!("not a bundle"),
        }
    }

    fn reason(name: &str, bytes: &[u8]) -> String {
        prepare(name, bytes).expect_err("refused").reason
    }

    #[test]
    fn text_markdown_and_html_become_articles() {
        assert_eq!(
            article("a.txt", b"Title\n\nSales rose 5%.").text,
            "Title\n\nSales rose 5%."
        );
        let md = article("n.md", b"# Chips boom\n\nOutput rose **12%**, says [the agency](http://x).\n\n- Exports: $75 billion\n");
        assert_eq!(
            md.text,
            "Chips boom\n\nOutput rose 12%, says the agency.\n\nExports: $75 billion"
        );
        let page = article(
            "p.html",
            b"<html><head><title>Robots | Site</title><meta property=\"og:site_name\" content=\"Site\"></head><body><nav>Home</nav><article><p>Factories installed 290,000 robots last year.</p></article></body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("Robots"));
        assert_eq!(page.publisher.as_deref(), Some("Site"));
        assert_eq!(
            page.text,
            "Robots\n\nFactories installed 290,000 robots last year."
        );
    }

    #[test]
    fn pasted_html_gets_the_page_treatment() {
        let a = article(
            "pasted.txt",
            b"<html><head><title>Evil</title><script>alert(1)</script></head><body><p>Revenue rose 5% to 3 billion yuan in 2024.</p></body></html>",
        );
        assert!(!a.text.contains('<'), "{}", a.text);
        assert!(!a.text.contains("alert"));
        assert!(a.text.starts_with("Evil\n\nRevenue rose 5%"));
    }

    #[test]
    fn refusals_say_why() {
        let png = [
            0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
        ];
        assert!(reason("img.txt", &png).starts_with("binary"));
        assert!(reason("big.txt", &vec![b'a'; MAX_BYTES + 1]).starts_with("too large"));
        assert_eq!(reason("blank.txt", b"  \n "), "empty");
        assert!(reason(
            "nav.html",
            b"<html><body><nav><a href=/>Home</a></nav></body></html>"
        )
        .starts_with("no article found"));
        assert!(reason("x.json", b"{\"a\":1}").contains("not a download of Metricscope articles"));
    }

    #[test]
    fn invalid_utf8_is_repaired_with_a_note() {
        match prepare("latin1.txt", b"Caf\xe9 sales rose 5%.").expect("text") {
            Prepared::Article(a, note) => {
                assert!(a.text.contains('\u{FFFD}'));
                assert!(note.expect("a note").contains("UTF-8"));
            }
            Prepared::Bundle(_) => panic!("not a bundle"),
        }
    }
}
