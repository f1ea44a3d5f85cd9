//! Hash maps and sets for the hot lookups: word forms, stems, titles and
//! aliases are looked up several times per token, and the standard
//! library's SipHash (built to resist flooding by an attacker, which a
//! table built from the rules and a document need not) was about a
//! twentieth of all instructions on real news. foldhash is the hasher
//! `hashbrown` itself defaults to; its fixed state also makes iteration
//! order the same from run to run.

pub type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
pub type HashSet<K> = std::collections::HashSet<K, foldhash::fast::FixedState>;
