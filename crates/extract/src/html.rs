//! Saved web pages: the article's own text, title, publisher, author and publication date,
//! read from HTML, without the page around it (navigation, cookie banners, related links,
//! footers, scripts and styles).
//!
//! The page is read with `html5gum`, a WHATWG tokenizer. A tokenizer is enough here: the
//! rules below only need to know which elements a piece of text sits inside, which a stack
//! of open elements tells, and it keeps the worker's download small (no tree builder).

use html5gum::{DefaultEmitter, Token, Tokenizer};
use serde_json::Value;

use crate::{Source, SourceMeta};

/// What a saved web page says about its article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlArticle {
    /// The headline: `og:title`, else `<title>` (without the site's name), else the first `h1`.
    pub title: Option<String>,
    /// The site, from `og:site_name` or the JSON-LD publisher.
    pub publisher: Option<String>,
    /// The author, from `<meta name="author">`, JSON-LD or a byline.
    pub author: Option<String>,
    /// The publication date exactly as the page states it (`article:published_time`,
    /// JSON-LD `datePublished` or the first `<time datetime>`).
    pub published: Option<String>,
    /// The article's paragraphs, in order, each on one line.
    pub paragraphs: Vec<String>,
}

impl HtmlArticle {
    /// The article as a source for extraction: the title on the first line, then the
    /// paragraphs, with the page's facts in the metadata (its date counts as stated).
    pub fn to_source(&self, name: &str) -> Source {
        let mut text = String::new();
        if let Some(title) = &self.title {
            text.push_str(title);
            text.push_str("\n\n");
        }
        text.push_str(&self.paragraphs.join("\n\n"));
        let (year, month, day) = self
            .published
            .as_deref()
            .map_or((None, None, None), parse_date);
        let meta = SourceMeta {
            title: self.title.clone(),
            publisher: self.publisher.clone(),
            author: self.author.clone(),
            year,
            month,
            day,
            date_inferred: false,
            date_note: self
                .published
                .as_ref()
                .filter(|_| year.is_some())
                .map(|p| format!("as the page states it: {p}")),
        };
        Source {
            name: name.to_owned(),
            text,
            meta,
        }
    }

    /// The number of characters of article text.
    pub fn text_chars(&self) -> usize {
        self.paragraphs.iter().map(|p| p.chars().count()).sum()
    }
}

/// Whether `text` is an HTML page or fragment rather than plain text: it opens with a
/// doctype or `<html>`, or it carries the tags a saved page always has.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{FEFF}')
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<?xml")
    {
        return true;
    }
    let sample: String = text
        .chars()
        .take(65_536)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "<body", "<head", "</p>", "</div>", "<article", "<script", "<meta ",
    ]
    .iter()
    .filter(|t| sample.contains(*t))
    .count()
        >= 2
}

/// Elements whose contents are never article text.
const SKIPPED_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "nav", "footer", "aside", "form",
    "button", "select", "textarea", "iframe", "object", "canvas", "dialog", "menu", "figure",
    "video", "audio", "picture", "head",
];

/// Elements that never have an end tag.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param",
];

/// Elements that end a paragraph of text when they open or close.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "figcaption",
    "br",
    "hr",
    "body",
    "address",
    "details",
    "summary",
];

/// Words in a class or id that mark page furniture rather than the article.
const FURNITURE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "footer",
    "gdpr",
    "masthead",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "paywall",
    "popup",
    "promo",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "tags",
    "toolbar",
    "trending",
];

/// ARIA roles of page furniture.
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "search",
    "menu",
    "menubar",
];

/// One open element.
struct Open {
    name: String,
    /// Its text is not article text (it or an ancestor is furniture).
    skipped: bool,
    /// It or an ancestor is the article itself (`article`, `main`, `role=main`,
    /// `itemprop=articleBody`).
    in_article: bool,
}

/// A run of text between two block boundaries.
#[derive(Default)]
struct Block {
    text: String,
    /// Characters inside links.
    link_chars: usize,
    in_article: bool,
    heading: bool,
    has_time: bool,
}

/// Reads a saved web page. Never panics and never fails: a page with no article gives an
/// `HtmlArticle` with no paragraphs.
pub fn read_html(html: &str) -> HtmlArticle {
    let mut reader = PageReader::default();
    let mut emitter = DefaultEmitter::default();
    // Switch to raw text inside script, style and title, as a browser would.
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(html, emitter) {
        let token: Token = match token {
            Ok(t) => t,
            Err(never) => match never {},
        };
        reader.token(token);
    }
    reader.finish()
}

#[derive(Default)]
struct PageReader {
    stack: Vec<Open>,
    blocks: Vec<Block>,
    current: Block,
    meta: Meta,
    /// Text of `<title>` while inside it.
    title_text: Option<String>,
    /// Text of a JSON-LD script while inside it.
    json_ld: Option<String>,
    /// Text of the first `h1` outside furniture, while inside it and after.
    h1: Option<String>,
    in_h1: bool,
    h1_done: bool,
    link_depth: usize,
}

#[derive(Default)]
struct Meta {
    og_title: Option<String>,
    title: Option<String>,
    site_name: Option<String>,
    author: Option<String>,
    published: Option<String>,
    ld_published: Option<String>,
    ld_author: Option<String>,
    ld_publisher: Option<String>,
    ld_headline: Option<String>,
    time_datetime: Option<String>,
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

impl PageReader {
    fn skipped(&self) -> bool {
        self.stack.last().is_some_and(|o| o.skipped)
    }

    fn in_article(&self) -> bool {
        self.stack.last().is_some_and(|o| o.in_article)
    }

    fn token(&mut self, token: Token) {
        match token {
            Token::StartTag(tag) => {
                let name = lossy(&tag.name).to_ascii_lowercase();
                let attr = |key: &str| {
                    tag.attributes
                        .get(key.as_bytes())
                        .map(|v| lossy(&v.value).trim().to_owned())
                };
                self.start_tag(&name, &attr, tag.self_closing);
            }
            Token::EndTag(tag) => {
                let name = lossy(&tag.name).to_ascii_lowercase();
                self.end_tag(&name);
            }
            Token::String(s) => self.text(&lossy(&s.value)),
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }

    fn start_tag(&mut self, name: &str, attr: &dyn Fn(&str) -> Option<String>, self_closing: bool) {
        match name {
            "meta" => self.meta_tag(attr),
            "title" if self.title_text.is_none() && self.meta.title.is_none() => {
                self.title_text = Some(String::new());
            }
            "script"
                if attr("type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
            {
                self.json_ld = Some(String::new());
            }
            "time" if !self.skipped() => {
                if let Some(dt) = attr("datetime").filter(|d| !d.is_empty()) {
                    self.meta.time_datetime.get_or_insert(dt);
                }
                self.current.has_time = true;
            }
            _ => {}
        }
        if BLOCK_ELEMENTS.contains(&name) {
            // A new block closes an open paragraph, as the HTML parser would.
            if name != "br" && self.stack.last().is_some_and(|o| o.name == "p") {
                self.stack.pop();
            }
            self.flush();
        }
        if VOID_ELEMENTS.contains(&name) || self_closing {
            return;
        }
        let parent_skipped = self.skipped();
        let parent_in_article = self.in_article();
        let furniture = SKIPPED_ELEMENTS.contains(&name)
            || (name == "header" && !parent_in_article)
            || attr("hidden").is_some()
            || attr("aria-hidden").is_some_and(|v| v == "true")
            || attr("role")
                .is_some_and(|r| FURNITURE_ROLES.contains(&r.to_ascii_lowercase().as_str()))
            || is_furniture_name(attr("class").as_deref())
            || is_furniture_name(attr("id").as_deref());
        let article = name == "article"
            || name == "main"
            || attr("role").is_some_and(|r| r.eq_ignore_ascii_case("main"))
            || attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("articleBody"));
        if name == "h1" && !parent_skipped && !furniture && !self.h1_done {
            self.in_h1 = true;
            self.h1 = Some(String::new());
        }
        if name == "a" {
            self.link_depth += 1;
        }
        if name.len() == 2 && name.starts_with('h') && name.as_bytes()[1].is_ascii_digit() {
            self.current.heading = true;
        }
        self.stack.push(Open {
            name: name.to_owned(),
            skipped: parent_skipped || furniture,
            // Furniture inside the article (a share bar) stays skipped.
            in_article: parent_in_article || article,
        });
    }

    fn end_tag(&mut self, name: &str) {
        match name {
            "title" => {
                if let Some(t) = self.title_text.take() {
                    self.meta.title = Some(collapse(&t));
                }
            }
            "script" => {
                if let Some(json) = self.json_ld.take() {
                    self.json_ld_block(&json);
                }
            }
            "h1" if self.in_h1 => {
                self.in_h1 = false;
                self.h1_done = self.h1.as_deref().is_some_and(|h| !collapse(h).is_empty());
            }
            "a" => self.link_depth = self.link_depth.saturating_sub(1),
            _ => {}
        }
        if BLOCK_ELEMENTS.contains(&name) {
            self.flush();
        }
        // Close up to the matching element; an end tag with no open match is ignored.
        if let Some(pos) = self.stack.iter().rposition(|o| o.name == name) {
            self.stack.truncate(pos);
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(t) = &mut self.title_text {
            t.push_str(text);
            return;
        }
        if let Some(j) = &mut self.json_ld {
            j.push_str(text);
            return;
        }
        if self.skipped() {
            return;
        }
        if self.in_h1 {
            if let Some(h) = &mut self.h1 {
                h.push_str(text);
            }
        }
        if self.current.text.is_empty() {
            self.current.in_article = self.in_article();
        }
        self.current.text.push_str(text);
        if self.link_depth > 0 {
            self.current.link_chars += text.chars().filter(|c| !c.is_whitespace()).count();
        }
    }

    fn flush(&mut self) {
        let block = std::mem::take(&mut self.current);
        let text = collapse(&block.text);
        if !text.is_empty() {
            self.blocks.push(Block { text, ..block });
        }
    }

    fn meta_tag(&mut self, attr: &dyn Fn(&str) -> Option<String>) {
        let key = attr("property")
            .or_else(|| attr("name"))
            .or_else(|| attr("itemprop"))
            .unwrap_or_default()
            .to_ascii_lowercase();
        let Some(content) = attr("content")
            .map(|c| collapse(&c))
            .filter(|c| !c.is_empty())
        else {
            return;
        };
        let m = &mut self.meta;
        let slot = match key.as_str() {
            "og:title" | "twitter:title" => &mut m.og_title,
            "og:site_name" | "application-name" => &mut m.site_name,
            "author" | "article:author" | "byl" | "parsely-author" => {
                if content.starts_with("http") {
                    return;
                }
                &mut m.author
            }
            "article:published_time"
            | "datepublished"
            | "date"
            | "pubdate"
            | "publish-date"
            | "og:published_time" => &mut m.published,
            _ => return,
        };
        if slot.is_none() {
            *slot = Some(
                content
                    .trim_start_matches("By ")
                    .trim_start_matches("by ")
                    .to_owned(),
            );
        }
    }

    /// Reads `datePublished`, `headline`, `author` and `publisher` from a JSON-LD block,
    /// wherever the article object sits in it (a list, or an `@graph`).
    fn json_ld_block(&mut self, json: &str) {
        let Ok(value) = serde_json::from_str::<Value>(json.trim()) else {
            return;
        };
        let mut stack = vec![&value];
        let mut seen = 0;
        while let Some(v) = stack.pop() {
            seen += 1;
            if seen > 10_000 {
                break;
            }
            match v {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(map) => {
                    let m = &mut self.meta;
                    if let Some(d) = map.get("datePublished").and_then(Value::as_str) {
                        m.ld_published.get_or_insert_with(|| d.trim().to_owned());
                        if let Some(h) = map.get("headline").and_then(Value::as_str) {
                            m.ld_headline.get_or_insert_with(|| collapse(h));
                        }
                        if let Some(a) = map.get("author").and_then(name_of) {
                            m.ld_author.get_or_insert(a);
                        }
                        if let Some(p) = map.get("publisher").and_then(name_of) {
                            m.ld_publisher.get_or_insert(p);
                        }
                    }
                    if let Some(graph) = map.get("@graph") {
                        stack.push(graph);
                    }
                }
                _ => {}
            }
        }
    }

    fn finish(mut self) -> HtmlArticle {
        self.flush();
        let meta = self.meta;
        let publisher = meta.site_name.or(meta.ld_publisher);
        let title = meta
            .og_title
            .or(meta.ld_headline)
            .or_else(|| {
                meta.title
                    .map(|t| strip_site_name(&t, publisher.as_deref()))
            })
            .or_else(|| self.h1.map(|h| collapse(&h)))
            .filter(|t| !t.is_empty());
        let author = meta.author.or(meta.ld_author);
        let published = meta.published.or(meta.ld_published).or(meta.time_datetime);

        // The article's blocks when the page marks its article; otherwise every block
        // outside the furniture.
        let any_article = self.blocks.iter().any(|b| b.in_article && !b.heading);
        let paragraphs = self
            .blocks
            .into_iter()
            .filter(|b| !any_article || b.in_article)
            .filter(|b| !is_link_list(b))
            .filter(|b| !is_dateline(b, author.as_deref()))
            .filter(|b| title.as_deref() != Some(b.text.as_str()))
            .map(|b| b.text)
            .collect();
        HtmlArticle {
            title,
            publisher,
            author,
            published,
            paragraphs,
        }
    }
}

/// The name of a JSON-LD person or organisation: a string, `{"name": ...}`, or the first of a list.
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(collapse(s)),
        Value::Object(map) => map.get("name").and_then(Value::as_str).map(collapse),
        Value::Array(items) => items.iter().find_map(name_of),
        _ => None,
    }
    .filter(|s| !s.is_empty())
}

/// match_furniture_name: a class or id with a word such as "cookie", "related" or "nav"
/// names page furniture.
fn is_furniture_name(value: Option<&str>) -> bool {
    value.is_some_and(|v| {
        v.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| FURNITURE_WORDS.contains(&w.to_ascii_lowercase().as_str()))
    })
}

/// match_link_list: a block that is mostly link text ("Read more: ...", a list of
/// headlines) is navigation, not prose.
fn is_link_list(b: &Block) -> bool {
    let chars = b.text.chars().filter(|c| !c.is_whitespace()).count();
    chars > 0 && b.link_chars * 2 > chars
}

/// match_dateline: a short block holding the `<time>` element or the byline repeats what
/// the metadata already says.
fn is_dateline(b: &Block, author: Option<&str>) -> bool {
    let short = b.text.chars().count() <= 80;
    let byline = b.text.starts_with("By ") || author.is_some_and(|a| b.text == a);
    short && (b.has_time || byline)
}

/// match_site_suffix: "Headline | Site" or "Headline - Site" loses the site's name.
fn strip_site_name(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let is_site = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()))
                || (site.is_none() && tail.split_whitespace().count() <= 3);
            if is_site && !head.trim().is_empty() {
                return head.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

/// Whitespace collapsed to single spaces, trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Year, month and day of a stated date: ISO 8601 (`2024-03-05T08:00:00+08:00`,
/// `2024-03`, `2024`), else the first date the text names ("March 5, 2024").
pub fn parse_date(stated: &str) -> (Option<i32>, Option<u8>, Option<u8>) {
    let s = stated.trim();
    let num = |part: Option<&str>, len: usize| {
        part.filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u32>().ok())
    };
    let date_part = s.split(['T', ' ']).next().unwrap_or("");
    let mut parts = date_part.split('-');
    if let Some(year) = num(parts.next(), 4) {
        let month = num(parts.next(), 2).filter(|m| (1..=12).contains(m));
        let day = month
            .and(num(parts.next(), 2))
            .filter(|d| (1..=31).contains(d));
        return (
            i32::try_from(year).ok(),
            month.and_then(|m| u8::try_from(m).ok()),
            day.and_then(|d| u8::try_from(d).ok()),
        );
    }
    crate::dates::find_dates(s, None)
        .into_iter()
        .find(|d| d.year.is_some())
        .map_or((None, None, None), |d| (d.year, d.month, d.day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_and_written_dates() {
        assert_eq!(
            parse_date("2024-03-05T08:00:00+08:00"),
            (Some(2024), Some(3), Some(5))
        );
        assert_eq!(parse_date("2023-11"), (Some(2023), Some(11), None));
        assert_eq!(parse_date("2023-13-01"), (Some(2023), None, None));
        assert_eq!(parse_date("nonsense"), (None, None, None));
    }

    #[test]
    fn site_suffix_is_removed() {
        assert_eq!(
            strip_site_name("Chips rise | The Daily", Some("The Daily")),
            "Chips rise"
        );
        assert_eq!(
            strip_site_name("Chips rise - Daily Wire", None),
            "Chips rise"
        );
        assert_eq!(
            strip_site_name("A - B of a long headline here and more", None),
            "A - B of a long headline here and more"
        );
    }

    #[test]
    fn detects_html() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("  <html lang=en>"));
        assert!(looks_like_html("<div><p>Sales rose</p></div>"));
        assert!(!looks_like_html("Headline\n\nSales rose 5% (<3 points).\n"));
    }
}
