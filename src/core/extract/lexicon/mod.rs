//! The lexicons: plain-text lists compiled into the binary (see `lexicon/SOURCES.md`),
//! loaded once into hash sets (the fast hash: their keys are fixed).

pub mod words;

use crate::core::hash::{FastMap as HashMap, FastSet as HashSet};
use std::sync::OnceLock;

pub struct Lexicon {
    pub countries: HashSet<&'static str>,
    pub places: HashSet<&'static str>,
    pub demonyms: HashSet<&'static str>,
    pub orgs: HashSet<&'static str>,
    pub org_words: HashSet<&'static str>,
    pub titles: HashSet<&'static str>,
    pub title_max_words: usize,
    /// First words of titles, to rule out most positions before building phrases.
    pub title_first: HashSet<&'static str>,
    /// The words the titles write with a dot, without it ("Rev" of "Rev.", "Lt" of "Lt.
    /// Gov."): the tokenizer keeps their dot, so the title matches.
    pub title_dotted: HashSet<&'static str>,
    pub given: HashSet<&'static str>,
    /// Given names usually a woman's or a man's (`f` or `m` after the name in the list).
    pub given_gender: HashMap<&'static str, Gender>,
    /// Cities of the world (GeoNames), single words of which are only likely places.
    pub cities: HashSet<&'static str>,
    /// Which of the place, organisation and group lists each of their entries is in
    /// (`Kinds`): a phrase is one lookup there, not one per list.
    kinds: HashMap<&'static str, Kinds>,
}

/// The lists a phrase is in, one bit each.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Kinds(u8);

impl Kinds {
    pub const ORG: Kinds = Kinds(1);
    /// A country or a place (`is_gpe`).
    pub const GPE: Kinds = Kinds(2);
    pub const REGION: Kinds = Kinds(4);
    pub const DEMONYM: Kinds = Kinds(8);
    pub const CITY: Kinds = Kinds(16);

    pub fn has(self, k: Kinds) -> bool {
        self.0 & k.0 != 0
    }
}

/// A person's grammatical gender as the text or a given name shows it, for "he" and "she".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

/// The given-name list: each line a name, then `f`, `m` or nothing.
fn given_names(src: &'static str) -> (HashSet<&'static str>, HashMap<&'static str, Gender>) {
    let mut names = HashSet::default();
    let mut genders = HashMap::default();
    for line in src.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, mark) = line.split_once(' ').unwrap_or((line, ""));
        names.insert(name);
        match mark.trim() {
            "f" => genders.insert(name, Gender::Female),
            "m" => genders.insert(name, Gender::Male),
            _ => None,
        };
    }
    (names, genders)
}

fn set(src: &'static str) -> HashSet<&'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

pub fn get() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let titles = set(include_str!("titles.txt"));
        let title_max_words = titles
            .iter()
            .map(|t| t.split(' ').count())
            .max()
            .unwrap_or(1);
        let title_first = titles.iter().filter_map(|t| t.split(' ').next()).collect();
        let title_dotted = titles
            .iter()
            .flat_map(|t| t.split(' '))
            .filter_map(|w| w.strip_suffix('.'))
            .collect();
        let (given, given_gender) = given_names(include_str!("given_names.txt"));
        let countries = set(include_str!("countries.txt"));
        let places = set(include_str!("places.txt"));
        let regions = set(include_str!("regions.txt"));
        let demonyms = set(include_str!("demonyms.txt"));
        let orgs = set(include_str!("orgs.txt"));
        let cities = set(include_str!("cities.txt"));
        let mut kinds: HashMap<&'static str, Kinds> = HashMap::default();
        for (list, kind) in [
            (&orgs, Kinds::ORG),
            (&countries, Kinds::GPE),
            (&places, Kinds::GPE),
            (&regions, Kinds::REGION),
            (&demonyms, Kinds::DEMONYM),
            (&cities, Kinds::CITY),
        ] {
            for w in list {
                kinds.entry(*w).or_default().0 |= kind.0;
            }
        }
        Lexicon {
            title_first,
            title_dotted,
            countries,
            places,
            demonyms,
            orgs,
            org_words: set(include_str!("org_words.txt")),
            titles,
            title_max_words,
            given,
            given_gender,
            cities,
            kinds,
        }
    })
}

impl Lexicon {
    pub fn is_gpe(&self, s: &str) -> bool {
        self.countries.contains(s) || self.places.contains(s)
    }
    /// The place, organisation and group lists `s` is in.
    pub fn kinds(&self, s: &str) -> Kinds {
        self.kinds.get(s).copied().unwrap_or_default()
    }
    /// `is_norp` when `s`'s kinds are known: the plural forms are looked up.
    pub fn is_norp_of(&self, s: &str, kinds: Kinds) -> bool {
        kinds.has(Kinds::DEMONYM)
            || s.strip_suffix('s')
                .is_some_and(|x| self.kinds(x).has(Kinds::DEMONYM))
            || s.strip_suffix("es")
                .is_some_and(|x| self.kinds(x).has(Kinds::DEMONYM))
    }
    /// A nationality or group, also in the plural ("Ukrainians", "Democrats").
    pub fn is_norp(&self, s: &str) -> bool {
        self.demonyms.contains(s)
            || s.strip_suffix('s')
                .is_some_and(|x| self.demonyms.contains(x))
            || s.strip_suffix("es")
                .is_some_and(|x| self.demonyms.contains(x))
    }
}
