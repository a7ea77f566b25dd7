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

fn matches_term(text: &str, lower: &str, term: &str) -> bool {
    let case_sensitive = term
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let (hay, needle) = if case_sensitive {
        (text, term.to_owned())
    } else {
        (lower, term.to_lowercase())
    };
    let mut from = 0;
    while let Some(p) = hay.get(from..).and_then(|h| h.find(&needle)) {
        let at = from + p;
        let before_ok = !hay[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let after = hay[at + needle.len()..].chars().next();
        // Case-sensitive terms are whole words ("AI" not "AIM"); others may take an ending ("chips").
        let after_ok = if case_sensitive {
            !after.is_some_and(char::is_alphanumeric)
        } else {
            true
        };
        if before_ok && after_ok {
            return true;
        }
        from = at + needle.len().max(1);
    }
    false
}

/// Sectors a sentence gives evidence for, in [`Sector::ALL`] order.
///
/// Rule: match_sector_evidence — a sector is tagged when one of its evidence terms occurs.
pub fn sentence_sectors(sentence: &str) -> Vec<Sector> {
    let lower = sentence.to_lowercase();
    EVIDENCE
        .iter()
        .filter(|(_, terms)| terms.iter().any(|t| matches_term(sentence, &lower, t)))
        .map(|&(s, _)| s)
        .collect()
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
