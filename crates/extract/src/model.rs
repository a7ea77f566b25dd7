//! The structured corpus that extraction produces: documents, entities, metrics and events.
//!
//! These types are the contract between the extractor and everything downstream (the
//! build script that embeds them, the dashboard that draws them, the JSON export).
//! They are serialised with postcard for embedding, which is not self-describing:
//! field order is the format, so never reorder fields or use `skip_serializing_if`.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a document's cleaned text.
///
/// Both ends always lie on UTF-8 character boundaries of [`Document::text`].
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the range.
    pub start: u32,
    /// One past the last byte of the range.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` (byte offsets).
    pub fn new(start: usize, end: usize) -> Self {
        Self {
            start: u32::try_from(start).unwrap_or(u32::MAX),
            end: u32::try_from(end).unwrap_or(u32::MAX),
        }
    }

    /// The span as a `usize` range, for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Everything extracted from a set of articles.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    /// The articles, in input order. Other records refer to them by index (`doc`).
    pub documents: Vec<Document>,
    /// Entities resolved across all documents, each with all its mentions.
    pub entities: Vec<Entity>,
    /// Every cited figure, in document order and then text order.
    pub metrics: Vec<Metric>,
    /// Dated events for the timeline.
    pub events: Vec<Event>,
    /// What extraction noticed but could not use: never fatal.
    pub diagnostics: Vec<Diagnostic>,
}

/// One article after cleaning.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable slug, unique within a corpus (from the file name when there is one).
    pub id: String,
    /// The headline, or a title derived from the first sentence when there is none.
    pub title: String,
    /// How the title was found.
    pub title_source: TitleSource,
    /// Publisher, when known.
    pub publisher: Option<String>,
    /// Author, when known.
    pub author: Option<String>,
    /// Publication date, exact or inferred, with its basis.
    pub date: DocDate,
    /// The cleaned text: boilerplate removed, paragraphs separated by a blank line.
    pub text: String,
    /// Paragraphs as spans into `text`.
    pub paragraphs: Vec<Span>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// The page furniture that cleaning removed, kept for transparency.
    pub removed: Vec<Removed>,
    /// Sectors the document as a whole is about, strongest evidence first.
    pub sectors: Vec<Sector>,
}

impl Document {
    /// The text of sentence `idx`, or `""` when out of range.
    pub fn sentence_text(&self, idx: usize) -> &str {
        self.sentences
            .get(idx)
            .and_then(|s| self.text.get(s.span.range()))
            .unwrap_or("")
    }

    /// The text under `span`, or `""` when it does not lie in the document.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
}

/// How a document's title was found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TitleSource {
    /// A headline line in the text.
    #[default]
    Headline,
    /// Given by the corpus metadata.
    Metadata,
    /// No headline: derived from the opening words.
    Derived,
}

/// One sentence of a document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where it lies in [`Document::text`].
    pub span: Span,
    /// Index into [`Document::paragraphs`].
    pub paragraph: u32,
    /// Sectors this sentence gives evidence for.
    pub sectors: Vec<Sector>,
}

/// A publication date and how much to trust it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocDate {
    /// Year, when known or inferred.
    pub year: Option<i32>,
    /// Month 1–12, when known.
    pub month: Option<u8>,
    /// Day of month, when known.
    pub day: Option<u8>,
    /// Whether the date is stated, inferred or unknown.
    pub basis: DateBasis,
    /// Why the date is what it is (e.g. "latest year the text mentions as past").
    pub note: Option<String>,
}

/// Whether a document's date is stated by its source or inferred.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DateBasis {
    /// The source states the date.
    Stated,
    /// Inferred from the text or from collection notes; shown to readers as approximate.
    Inferred,
    /// Nothing to go on.
    #[default]
    Unknown,
}

/// Page furniture removed during cleaning.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// What kind of furniture it was.
    pub kind: BoilerplateKind,
    /// The removed text, as it was.
    pub text: String,
}

/// Kinds of page furniture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BoilerplateKind {
    /// Breadcrumb navigation, often run into the headline ("HomeanalysisPushing ...").
    Breadcrumb,
    /// Newsletter and sign-up prompts.
    SignUp,
    /// Loading indicators, comment buttons, lone separators.
    Widget,
    /// An embedded social-media post.
    SocialEmbed,
    /// Copyright and rights lines.
    Copyright,
    /// A repeated headline or teaser.
    Duplicate,
}

/// Sectors of the technology economy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Sector {
    /// Artificial intelligence and machine learning.
    Ai,
    /// Chips, foundries, chip design and equipment.
    Semiconductors,
    /// Telecoms networks, 5G and 6G.
    Telecoms,
    /// Electric and autonomous vehicles, batteries for them.
    ElectricVehicles,
    /// E-commerce, platforms, social media and internet services.
    ECommerce,
    /// Renewable energy, storage and clean tech.
    GreenEnergy,
    /// Biotechnology, pharmaceuticals and medical technology.
    Biotech,
    /// Robotics and industrial automation.
    Robotics,
    /// Agricultural technology.
    Agritech,
    /// Payments, digital finance and investment.
    Fintech,
    /// Quantum computing and communication.
    Quantum,
    /// Space, aviation and drones.
    Aerospace,
    /// Cloud, data centres and the digital economy at large.
    DigitalEconomy,
}

impl Sector {
    /// Every sector, in display order.
    pub const ALL: [Sector; 13] = [
        Sector::Ai,
        Sector::Semiconductors,
        Sector::Telecoms,
        Sector::ElectricVehicles,
        Sector::ECommerce,
        Sector::GreenEnergy,
        Sector::Biotech,
        Sector::Robotics,
        Sector::Agritech,
        Sector::Fintech,
        Sector::Quantum,
        Sector::Aerospace,
        Sector::DigitalEconomy,
    ];

    /// A short human label.
    pub fn label(self) -> &'static str {
        match self {
            Sector::Ai => "AI",
            Sector::Semiconductors => "Semiconductors",
            Sector::Telecoms => "Telecoms / 5G",
            Sector::ElectricVehicles => "Electric vehicles",
            Sector::ECommerce => "E-commerce & platforms",
            Sector::GreenEnergy => "Green energy",
            Sector::Biotech => "Biotech",
            Sector::Robotics => "Robotics",
            Sector::Agritech => "Agritech",
            Sector::Fintech => "Fintech & investment",
            Sector::Quantum => "Quantum",
            Sector::Aerospace => "Aerospace",
            Sector::DigitalEconomy => "Digital economy",
        }
    }

    /// A stable lowercase key, used in URLs and exports.
    pub fn key(self) -> &'static str {
        match self {
            Sector::Ai => "ai",
            Sector::Semiconductors => "semiconductors",
            Sector::Telecoms => "telecoms",
            Sector::ElectricVehicles => "ev",
            Sector::ECommerce => "ecommerce",
            Sector::GreenEnergy => "green-energy",
            Sector::Biotech => "biotech",
            Sector::Robotics => "robotics",
            Sector::Agritech => "agritech",
            Sector::Fintech => "fintech",
            Sector::Quantum => "quantum",
            Sector::Aerospace => "aerospace",
            Sector::DigitalEconomy => "digital-economy",
        }
    }

    /// The sector with this [`Sector::key`].
    pub fn from_key(key: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A named thing the articles talk about, resolved across aliases and documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable slug of the canonical name.
    pub id: String,
    /// Canonical name ("Ministry of Commerce").
    pub name: String,
    /// What kind of thing it is.
    pub kind: EntityKind,
    /// Other names found for it ("Mofcom").
    pub aliases: Vec<String>,
    /// Every mention, in document and text order.
    pub mentions: Vec<Mention>,
}

/// Kinds of entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityKind {
    /// A business.
    Company,
    /// A named person.
    Person,
    /// A country, region, province or city.
    Place,
    /// A ministry, agency, university, association or other body.
    Organisation,
    /// A programme, plan or policy ("Made in China 2025").
    Programme,
    /// A product or model.
    Product,
}

impl EntityKind {
    /// Every kind, in display order.
    pub const ALL: [EntityKind; 6] = [
        EntityKind::Company,
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::Organisation,
        EntityKind::Programme,
        EntityKind::Product,
    ];

    /// A plural human label for a facet heading.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Company => "Companies",
            EntityKind::Person => "People",
            EntityKind::Place => "Places",
            EntityKind::Organisation => "Organisations",
            EntityKind::Programme => "Programmes & policies",
            EntityKind::Product => "Products",
        }
    }

    /// A stable lowercase key, used in URLs and exports.
    pub fn key(self) -> &'static str {
        match self {
            EntityKind::Company => "company",
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organisation => "organisation",
            EntityKind::Programme => "programme",
            EntityKind::Product => "product",
        }
    }
}

/// Where an entity is mentioned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Mention {
    /// Index into [`Corpus::documents`].
    pub doc: u32,
    /// Index into that document's sentences.
    pub sentence: u32,
    /// The mention's text in [`Document::text`].
    pub span: Span,
}

/// One cited figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    /// The value normalised to a number ("31.3 trillion" → 3.13e13; "34.8%" → 34.8).
    pub value: f64,
    /// The figure as written ("31.3 trillion yuan").
    pub surface: String,
    /// What the number is measured in.
    pub unit: Unit,
    /// ISO 4217 code when `unit` is [`Unit::Currency`].
    pub currency: Option<String>,
    /// How the text hedges the figure.
    pub qualifier: Qualifier,
    /// Whether it is a level, a change or a share.
    pub kind: MetricKind,
    /// What is measured or counted, short enough for a chart axis ("digital economy, share of GDP").
    pub label: String,
    /// The period the figure refers to.
    pub period: Period,
    /// Indices into [`Corpus::entities`] of the entities in the same sentence.
    pub entities: Vec<u32>,
    /// Index into [`Corpus::documents`].
    pub doc: u32,
    /// Index into that document's sentences.
    pub sentence: u32,
    /// The figure's span in [`Document::text`].
    pub span: Span,
    /// Whether the text states a rise or a fall; `value` stays the magnitude.
    pub direction: Direction,
    /// A normalised key for what is measured, so that the same measure groups across
    /// documents: subject entity, what is measured and unit family, joined by `|`
    /// ("byd|deliveries|count", "|share of gdp|percent"); see [`crate::measures`].
    pub measure: String,
    /// When this figure is a conversion written in parentheses after another ("€2 billion
    /// ($2.2 billion)"), the index into [`Corpus::metrics`] of the original.
    pub conversion_of: Option<u32>,
}

/// Whether a figure states a rise or a fall.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// No direction stated (levels, shares, changes of unstated sign).
    #[default]
    None,
    /// A rise: "rose 5%", "up 2.1%", "+0.4%".
    Up,
    /// A fall: "fell 17%", "down 2.1%", "Stoxx 50 -1.3%".
    Down,
}

impl Direction {
    /// A stable lowercase key, used in exports and evaluation.
    pub fn key(self) -> &'static str {
        match self {
            Direction::None => "none",
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }

    /// The value with its sign: negative for a fall.
    pub fn signed(self, magnitude: f64) -> f64 {
        match self {
            Direction::Down => -magnitude,
            Direction::None | Direction::Up => magnitude,
        }
    }
}

/// The unit family of a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A percentage ("34.8%").
    Percent,
    /// A difference of percentages ("up 3 percentage points").
    PercentagePoints,
    /// A count of a named thing ("five unicorns").
    Count,
    /// An amount of money, see [`Metric::currency`].
    Currency,
    /// Points of a stock index, a level or a move ("the Hang Seng fell 212 points").
    IndexPoints,
}

impl Unit {
    /// Every unit family, in display order.
    pub const ALL: [Unit; 5] = [
        Unit::Percent,
        Unit::PercentagePoints,
        Unit::Count,
        Unit::Currency,
        Unit::IndexPoints,
    ];

    /// A stable lowercase key, used in URLs and exports.
    pub fn key(self) -> &'static str {
        match self {
            Unit::Percent => "percent",
            Unit::PercentagePoints => "percentage_points",
            Unit::Count => "count",
            Unit::Currency => "currency",
            Unit::IndexPoints => "index_points",
        }
    }

    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            Unit::Percent => "Percentages",
            Unit::PercentagePoints => "Percentage points",
            Unit::Count => "Counts",
            Unit::Currency => "Money",
            Unit::IndexPoints => "Index points",
        }
    }
}

/// How the text hedges a figure.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// No hedge.
    #[default]
    Exact,
    /// "more than", "over", "above": a strict lower bound.
    MoreThan,
    /// "at least": an inclusive lower bound.
    AtLeast,
    /// "about", "around", "roughly", "some": approximate.
    About,
    /// "nearly", "almost": just under.
    Nearly,
    /// "up to", "as many as": an upper bound.
    UpTo,
    /// "less than", "under", "below": a strict upper bound.
    LessThan,
}

impl Qualifier {
    /// Whether the figure is a lower bound (drawn as such on charts).
    pub fn is_lower_bound(self) -> bool {
        matches!(self, Qualifier::MoreThan | Qualifier::AtLeast)
    }

    /// Whether the figure is an upper bound (drawn as such on charts).
    pub fn is_upper_bound(self) -> bool {
        matches!(
            self,
            Qualifier::UpTo | Qualifier::LessThan | Qualifier::Nearly
        )
    }

    /// A stable lowercase key, used in exports.
    pub fn key(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
            Qualifier::UpTo => "up_to",
            Qualifier::LessThan => "less_than",
        }
    }
}

/// Whether a figure is a level, a change or a share.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricKind {
    /// An amount or count at a point or over a period.
    #[default]
    Level,
    /// A growth rate or difference.
    Change,
    /// A part of a whole ("34.8% of GDP").
    Share,
}

/// The period a figure or event refers to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// The (first) year, when the text gives one.
    pub year: Option<i32>,
    /// The last year of a range ("from 2003 to 2018"), when there is one.
    pub year_end: Option<i32>,
    /// Which part of the year.
    pub part: PeriodPart,
    /// Actual, as of, forecast or target.
    pub aspect: PeriodAspect,
    /// Whether it was inherited from an earlier figure ("the same timeframe").
    pub inherited: bool,
}

impl Period {
    /// The period in words, the one form every export and view uses: "2018", "H1 2018",
    /// "Q3 2024", "October 2024", "2003–2018", "as of 2023", "2030 (target)"; `None` when the
    /// text gives no period. Whether it was inherited is left to the caller to mark.
    pub fn label(&self) -> Option<String> {
        let year = match (self.year, self.year_end) {
            (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
            (Some(a), _) => a.to_string(),
            _ => String::new(),
        };
        let base = match self.part {
            PeriodPart::Half(h) => format!("H{h} {year}"),
            PeriodPart::Quarter(q) => format!("Q{q} {year}"),
            PeriodPart::Month(m) => format!(
                "{} {year}",
                crate::dates::MONTH_NAMES
                    .get(usize::from(m).wrapping_sub(1))
                    .copied()
                    .unwrap_or("")
            ),
            PeriodPart::Year | PeriodPart::Unspecified => year,
        };
        let base = base.trim();
        let text = match self.aspect {
            PeriodAspect::Actual => base.to_owned(),
            PeriodAspect::AsOf => format!("as of {base}").trim().to_owned(),
            PeriodAspect::Forecast => format!("{base} (forecast)").trim().to_owned(),
            PeriodAspect::Target => format!("{base} (target)").trim().to_owned(),
        };
        (!text.is_empty()).then_some(text)
    }
}

/// Which part of a year a period covers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodPart {
    /// No period given.
    #[default]
    Unspecified,
    /// The whole year (or years).
    Year,
    /// A half, 1 or 2.
    Half(u8),
    /// A quarter, 1 to 4.
    Quarter(u8),
    /// A month, 1 to 12.
    Month(u8),
}

/// How a period relates to what actually happened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodAspect {
    /// What happened in the period.
    #[default]
    Actual,
    /// A stock "as of" or "by the end of" a point in time.
    AsOf,
    /// An expectation.
    Forecast,
    /// A goal someone set.
    Target,
}

/// A dated event for the timeline; not a metric.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Year of the event.
    pub year: i32,
    /// Month 1–12, when given.
    pub month: Option<u8>,
    /// Day of month, when given.
    pub day: Option<u8>,
    /// Past, forecast or target.
    pub tense: EventTense,
    /// A short description fit for a timeline label.
    pub label: String,
    /// Indices into [`Corpus::entities`] in the same sentence.
    pub entities: Vec<u32>,
    /// Index into [`Corpus::documents`].
    pub doc: u32,
    /// Index into that document's sentences.
    pub sentence: u32,
    /// The date's span in [`Document::text`].
    pub span: Span,
}

/// Whether an event happened, is expected, or is aimed at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventTense {
    /// It happened.
    #[default]
    Past,
    /// It is expected.
    Forecast,
    /// It is a goal.
    Target,
}

/// Something extraction noticed and could not use. Never fatal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The document it concerns, when it concerns one.
    pub doc: Option<u32>,
    /// A sentence a reader can act on.
    pub message: String,
}
