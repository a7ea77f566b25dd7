//! Sectors: which parts of the technology economy a sentence and a document give evidence for.

use crate::model::Sector;

/// Evidence words per sector, matched case-insensitively at word starts; entries written in
/// capitals ("AI", "EV") are matched case-sensitively as whole words.
const EVIDENCE: &[(Sector, &[&str])] = &[
    (
        Sector::Ai,
        &[
            "artificial intelligence",
            "AI",
            "machine learning",
            "facial recognition",
            "large language model",
            "LLM",
            "chatbot",
            "generative",
            "language processing",
            "neural",
        ],
    ),
    (
        Sector::Semiconductors,
        &[
            "semiconductor",
            "chip",
            "chipmaker",
            "foundry",
            "foundries",
            "wafer",
            "lithography",
            "SMIC",
            "integrated circuit",
            "memory chip",
            "fab ",
        ],
    ),
    (
        Sector::Telecoms,
        &[
            "5G",
            "6G",
            "4G",
            "telecom",
            "base station",
            "broadband",
            "mobile network",
            "network operator",
            "spectrum",
            "connectivity",
        ],
    ),
    (
        Sector::ElectricVehicles,
        &[
            "electric vehicle",
            "EV",
            "EVs",
            "NEV",
            "NEVs",
            "new energy vehicle",
            "new-energy vehicle",
            "battery",
            "batteries",
            "autonomous driving",
            "carmaker",
            "automaker",
            "automotive",
            "charging",
        ],
    ),
    (
        Sector::ECommerce,
        &[
            "e-commerce",
            "ecommerce",
            "online retail",
            "live streaming",
            "livestream",
            "online shopping",
            "marketplace",
            "platform economy",
            "Taobao",
            "TikTok",
            "Kuaishou",
            "Douyin",
            "social media",
        ],
    ),
    (
        Sector::GreenEnergy,
        &[
            "renewable",
            "solar",
            "wind power",
            "wind farm",
            "green energy",
            "photovoltaic",
            "clean energy",
            "carbon",
            "green technology",
            "green transition",
            "energy storage",
            "hydrogen",
        ],
    ),
    (
        Sector::Biotech,
        &[
            "biotech",
            "pharmaceutical",
            "healthcare",
            "medical",
            "drug",
            "genomic",
            "vaccine",
        ],
    ),
    (
        Sector::Robotics,
        &["robot", "robotics", "humanoid", "industrial automation"],
    ),
    (
        Sector::Agritech,
        &[
            "agricultural technology",
            "agro-tech",
            "agritech",
            "agricultural",
            "farming",
            "agriculture",
        ],
    ),
    (
        Sector::Fintech,
        &[
            "fintech",
            "mobile payment",
            "digital yuan",
            "angel investor",
            "venture capital",
            "IPO",
            "funding round",
            "Series A",
            "Series B",
            "Series C",
            "Series D",
            "investors",
            "stock",
            "payment",
        ],
    ),
    (Sector::Quantum, &["quantum"]),
    (
        Sector::Aerospace,
        &[
            "satellite",
            "aerospace",
            "rocket",
            "drone",
            "aviation",
            "space station",
            "commercial space",
        ],
    ),
    (
        Sector::DigitalEconomy,
        &[
            "digital economy",
            "cloud",
            "data centre",
            "data center",
            "digitalization",
            "digitalisation",
            "digitization",
            "digital transformation",
            "IoT",
            "Internet of Things",
            "computing power",
        ],
    ),
];

/// Sectors a sentence gives evidence for, in [`Sector::ALL`] order.
///
/// Rule: match_sector_evidence — a sector is tagged when one of its evidence terms occurs at
/// a word start. Terms with a capital letter ("AI", "Taobao") match case-sensitively as whole
/// words; terms in lower case match case-insensitively and may take an ending ("chips").
/// The sentence is scanned once, word start by word start, so the cost does not grow with
/// the number of terms times the sentence length.
pub fn sentence_sectors(sentence: &str) -> Vec<Sector> {
    let lower = sentence.to_lowercase();
    let index = term_index();
    let mut found = [false; EVIDENCE.len()];
    for (hay, case_sensitive) in [(sentence, true), (lower.as_str(), false)] {
        let bytes = hay.as_bytes();
        let mut prev_alnum = false;
        for (p, c) in hay.char_indices() {
            let word_start = !prev_alnum;
            prev_alnum = c.is_alphanumeric();
            if !word_start {
                continue;
            }
            for &(si, term, cs) in &index[usize::from(bytes[p])] {
                if cs != case_sensitive || found[si] || !hay[p..].starts_with(term) {
                    continue;
                }
                let whole_word = !hay[p + term.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                if !cs || whole_word {
                    found[si] = true;
                }
            }
        }
    }
    EVIDENCE
        .iter()
        .zip(found)
        .filter(|(_, f)| *f)
        .map(|((s, _), _)| *s)
        .collect()
}

/// An evidence term: index of its sector in `EVIDENCE`, the term, and whether it is
/// case-sensitive.
type Term = (usize, &'static str, bool);

/// Evidence terms by their first byte, built once.
fn term_index() -> &'static [Vec<Term>] {
    static INDEX: std::sync::OnceLock<Vec<Vec<Term>>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = vec![Vec::new(); 256];
        for (si, (_, terms)) in EVIDENCE.iter().enumerate() {
            for &term in *terms {
                if let Some(&b) = term.as_bytes().first() {
                    index[usize::from(b)].push((si, term, term.chars().any(char::is_uppercase)));
                }
            }
        }
        index
    })
}

/// Sectors of a whole document from its sentences' sectors, strongest evidence first.
///
/// Rule: a sector needs evidence in at least two sentences, or in one when the document has
/// fewer than ten sentences or no sector reaches two; ties keep [`Sector::ALL`] order.
pub fn document_sectors(per_sentence: &[Vec<Sector>]) -> Vec<Sector> {
    let min = if per_sentence.len() < 10 { 1 } else { 2 };
    let mut counts: Vec<(Sector, usize)> = Sector::ALL
        .iter()
        .map(|&s| (s, per_sentence.iter().filter(|v| v.contains(&s)).count()))
        .filter(|&(_, c)| c >= min)
        .collect();
    if counts.is_empty() {
        counts = Sector::ALL
            .iter()
            .map(|&s| (s, per_sentence.iter().filter(|v| v.contains(&s)).count()))
            .filter(|&(_, c)| c >= 1)
            .collect();
    }
    counts.sort_by_key(|&(_, c)| std::cmp::Reverse(c));
    counts.into_iter().map(|(s, _)| s).collect()
}
