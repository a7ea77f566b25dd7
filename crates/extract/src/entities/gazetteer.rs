//! The curated gazetteer in `data/gazetteer.toml`: canonical names and aliases by entity kind.

use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use crate::model::EntityKind;

/// The curated gazetteer, embedded at compile time.
const GAZETTEER: &str = include_str!("../../data/gazetteer.toml");

/// One gazetteer entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GazetteerEntry {
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: EntityKind,
    /// Other names.
    pub aliases: Vec<String>,
}

/// A TOML table read as its entries in file order (the `preserve_order` feature of `toml`
/// keeps it). Order matters: among names of the same length the earlier entry wins, and a
/// surname resolves to the first person who bears it.
struct Ordered<V>(Vec<(String, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Ordered<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OrderedVisitor<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for OrderedVisitor<V> {
            type Value = Ordered<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a table")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    out.push(entry);
                }
                Ok(Ordered(out))
            }
        }
        deserializer.deserialize_map(OrderedVisitor(std::marker::PhantomData))
    }
}

fn kind_from_key(key: &str) -> Option<EntityKind> {
    EntityKind::ALL.into_iter().find(|k| k.key() == key)
}

/// Parses a gazetteer: `[kind]` tables whose keys are canonical names and whose values are
/// arrays of aliases. A table whose name is not an entity kind is skipped; text that is not
/// such TOML is an error with its line and column.
pub fn parse_gazetteer(text: &str) -> Result<Vec<GazetteerEntry>, toml::de::Error> {
    let tables: Ordered<Ordered<Vec<String>>> = toml::from_str(text)?;
    Ok(tables
        .0
        .into_iter()
        .filter_map(|(key, entries)| Some((kind_from_key(&key)?, entries)))
        .flat_map(|(kind, entries)| {
            entries
                .0
                .into_iter()
                .map(move |(name, aliases)| GazetteerEntry {
                    name,
                    kind,
                    aliases,
                })
        })
        .collect())
}

/// The gazetteer embedded in the crate, parsed once. The file is checked by this crate's
/// tests, so a parse error cannot ship; were it to, extraction would go on from context alone.
pub fn gazetteer() -> &'static [GazetteerEntry] {
    static PARSED: std::sync::OnceLock<Vec<GazetteerEntry>> = std::sync::OnceLock::new();
    PARSED.get_or_init(|| parse_gazetteer(GAZETTEER).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_gazetteer_parses_in_file_order() {
        let g = parse_gazetteer(GAZETTEER).expect("data/gazetteer.toml is valid");
        assert!(g.len() > 100);
        let mofcom = g.iter().find(|e| e.name == "Ministry of Commerce").unwrap();
        assert_eq!(mofcom.kind, EntityKind::Organisation);
        assert!(mofcom.aliases.contains(&"Mofcom".to_owned()));
        // File order, not sorted order: the first company is the first line of `[company]`.
        assert_eq!(g[0].name, "Alibaba");
        assert_eq!(g[1].name, "Alibaba Cloud");
    }

    #[test]
    fn unknown_tables_are_skipped_and_bad_text_is_an_error() {
        let g = parse_gazetteer("[company]\n\"Acme\" = [\"Acme Corp\"]\n[colour]\n\"Red\" = []\n")
            .unwrap();
        assert_eq!(
            g,
            vec![GazetteerEntry {
                name: "Acme".into(),
                kind: EntityKind::Company,
                aliases: vec!["Acme Corp".into()],
            }]
        );
        let err = parse_gazetteer("[company]\n\"Acme\" = [\"unclosed\n").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }
}
