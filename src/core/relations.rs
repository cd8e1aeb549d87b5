//! Relations as data: the typed, directed links a person draws between annotations (claims
//! and entities), and entity identity across the library (merges, splits, aliases). Pure
//! rules; the graph (`core::graph`) derives its edges from these and from the text.

/// The type of a relation, derived or drawn by a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Relation {
    /// Claimant to claim (from the claim's claimant field).
    Said,
    /// Claim to an entity it names (derived from the text) or a person's "about" link.
    About,
    /// Entity to entity, weighted by the sentences they share (derived).
    CoMention,
    Supports,
    Contradicts,
    RespondsTo,
    SameClaim,
    /// Any other link a person draws.
    Related,
}

impl Relation {
    pub const ALL: [Relation; 8] = [
        Relation::Said,
        Relation::About,
        Relation::CoMention,
        Relation::Supports,
        Relation::Contradicts,
        Relation::RespondsTo,
        Relation::SameClaim,
        Relation::Related,
    ];
    /// The types a person can give a link, the claim-to-claim ones first.
    pub const USER: [Relation; 7] = [
        Relation::Contradicts,
        Relation::Supports,
        Relation::RespondsTo,
        Relation::SameClaim,
        Relation::About,
        Relation::Said,
        Relation::Related,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Relation::Said => "said",
            Relation::About => "about",
            Relation::CoMention => "co_mention",
            Relation::Supports => "supports",
            Relation::Contradicts => "contradicts",
            Relation::RespondsTo => "responds_to",
            Relation::SameClaim => "same_claim",
            Relation::Related => "related",
        }
    }

    /// Words for people: "responds to", "mentioned together".
    pub fn label(&self) -> &'static str {
        match self {
            Relation::Said => "said",
            Relation::About => "about",
            Relation::CoMention => "mentioned together",
            Relation::Supports => "supports",
            Relation::Contradicts => "contradicts",
            Relation::RespondsTo => "responds to",
            Relation::SameClaim => "same claim",
            Relation::Related => "related",
        }
    }

    pub fn parse(s: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// What a new link between two ends most likely is: a claim against a claim
    /// contradicts it, a claim is about an entity, an entity said a claim; else related.
    pub fn likely_between(from: &End, to: Option<&End>) -> Relation {
        match (from, to) {
            (End::Claim(_), Some(End::Claim(_))) => Relation::Contradicts,
            (End::Claim(_), Some(End::Entity(_))) => Relation::About,
            (End::Entity(_), Some(End::Claim(_))) => Relation::Said,
            _ => Relation::Related,
        }
    }

    /// Whether a person may draw it (co-mention is only ever derived).
    pub fn drawable(&self) -> bool {
        *self != Relation::CoMention
    }

    /// Whether it makes sense between these two ends: claims support, contradict, answer
    /// or repeat claims; a claim is about an entity; an entity says or answers a claim;
    /// two entities are only related. "A claim contradicts Belgium" does not fit.
    pub fn fits(&self, from: &End, to: &End) -> bool {
        use Relation::*;
        match (from, to) {
            (End::Claim(_), End::Claim(_)) => {
                matches!(
                    self,
                    Supports | Contradicts | RespondsTo | SameClaim | Related
                )
            }
            (End::Claim(_), End::Entity(_)) => matches!(self, About | Related),
            (End::Entity(_), End::Claim(_)) => matches!(self, Said | RespondsTo | Related),
            (End::Entity(_), End::Entity(_)) => *self == Related,
        }
    }

    /// The relations a person may give a link between these ends, in `USER` order; with
    /// no second end yet, every relation that fits some end from `from`.
    pub fn fitting(from: &End, to: Option<&End>) -> Vec<Relation> {
        let probe = [End::Claim(String::new()), End::Entity(String::new())];
        Relation::USER
            .into_iter()
            .filter(|r| match to {
                Some(to) => r.fits(from, to),
                None => probe.iter().any(|to| r.fits(from, to)),
            })
            .collect()
    }
}

/// One end of a link: a claim of the same article (by id) or an entity (by name; resolved
/// through `Identities`, so it holds across articles).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum End {
    Claim(String),
    Entity(String),
}

impl End {
    /// The end as a form value: `c:` and a claim id, or `e:` and an entity name.
    pub fn encode(&self) -> String {
        match self {
            End::Claim(id) => format!("c:{id}"),
            End::Entity(n) => format!("e:{n}"),
        }
    }

    /// An end from a form value (see `encode`); `None` for anything else.
    pub fn decode(v: &str) -> Option<End> {
        if let Some(id) = v.strip_prefix("c:") {
            Some(End::Claim(id.to_string()))
        } else {
            v.strip_prefix("e:").map(|n| End::Entity(n.to_string()))
        }
    }
}

/// A typed, directed link drawn by a person, with an optional note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub id: String,
    pub from: End,
    pub to: End,
    pub kind: Relation,
    pub note: String,
    pub created: String,
}

/// A link being drawn: in which article it will live, its ends, its likely type.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkDraft {
    pub article: String,
    pub from: End,
    pub to: Option<End>,
    pub kind: Relation,
}

impl LinkDraft {
    /// A link being drawn from `from` (to `to`, when known) in `article`, with the type
    /// it most likely has (`Relation::likely_between`): the one way every link starts.
    pub fn new(article: String, from: End, to: Option<End>) -> LinkDraft {
        let kind = Relation::likely_between(&from, to.as_ref());
        LinkDraft {
            article,
            from,
            to,
            kind,
        }
    }
}

/// Why a link was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    SameEnds,
    MissingClaim(String),
    EmptyEntity,
    Duplicate,
    NotDrawable,
    /// The relation makes no sense between these ends (`Relation::fits`).
    DoesNotFit(Relation),
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::SameEnds => write!(f, "A link needs two different ends."),
            LinkError::MissingClaim(id) => write!(f, "The claim {id} is not in this article."),
            LinkError::EmptyEntity => write!(f, "An entity end needs a name."),
            LinkError::Duplicate => write!(f, "These two are already linked that way."),
            LinkError::NotDrawable => {
                write!(f, "That relation is only ever derived from the text.")
            }
            LinkError::DoesNotFit(r) => write!(
                f,
                "“{}” does not fit these two ends: claims support, contradict or answer claims, a claim is about an entity, an entity says a claim.",
                r.label()
            ),
        }
    }
}

/// The key under which names are the same entity: case, white space, leading "the"s, a
/// possessive "'s", dots and apostrophes do not matter ("The U.N." = "UN", "Trump's" =
/// "trump"). A key is its own key (`name_key(&name_key(n)) == name_key(n)`), so a merge
/// read back from a file or from storage keeps holding.
pub fn name_key(name: &str) -> String {
    let t = name.trim();
    let t = t
        .strip_suffix("'s")
        .or_else(|| t.strip_suffix("\u{2019}s"))
        .unwrap_or(t);
    let mut s = t.to_lowercase();
    s.retain(|c| c != '.' && c != '\'' && c != '\u{2019}');
    let mut key = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if key.is_empty() && word == "the" {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key
}

/// An entity's one id, wherever it is addressed: the article's markup (`data-entity`), the
/// graph's node and its selection, the hovered and the picked entity. `e:` and the key of
/// the canonical name its name resolves to (`Identities::id`), so it is the same in every
/// article and follows merges. Made only here.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityId(String);

impl EntityId {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }

    /// The CSS selector of the elements that carry it (`[data-entity="…"]`), the id
    /// written as a CSS string: a quote or a backslash escaped, a line break as its code.
    pub fn selector(&self) -> String {
        let mut out = String::with_capacity(self.0.len() + 16);
        out.push_str("[data-entity=\"");
        for c in self.0.chars() {
            match c {
                '"' | '\\' => {
                    out.push('\\');
                    out.push(c);
                }
                '\n' => out.push_str("\\a "),
                _ => out.push(c),
            }
        }
        out.push_str("\"]");
        out
    }
}

impl std::fmt::Display for EntityId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Entity identity across the library: which names are one entity, and what it is called.
/// Each entry maps a name's key to the canonical name of the entity it belongs to; a name
/// without an entry is its own entity. Merging rewrites entries so that lookups take one
/// step; splitting removes them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Identities {
    /// (name key, canonical name), sorted by key, keys unique. A sorted vector rather than a
    /// `BTreeMap`: the library has tens of merges, and the map costs 11 KB of wasm.
    to: Vec<(String, String)>,
    /// Bumped on every change (the storage layer saves when it moved).
    pub revision: u64,
}

impl Identities {
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.to.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    fn insert(&mut self, key: String, canonical: String) {
        match self.find(&key) {
            Ok(i) => self.to[i].1 = canonical,
            Err(i) => self.to.insert(i, (key, canonical)),
        }
    }

    fn remove(&mut self, key: &str) -> bool {
        self.find(key).map(|i| self.to.remove(i)).is_ok()
    }

    /// The canonical name of the entity `name` belongs to (itself when not merged).
    pub fn resolve<'a>(&'a self, name: &'a str) -> &'a str {
        self.find(&name_key(name))
            .map_or(name, |i| self.to[i].1.as_str())
    }

    pub fn key(&self, name: &str) -> String {
        name_key(self.resolve(name))
    }

    /// The one id of the entity `name` belongs to; `None` for a name with no key (blank or
    /// punctuation only).
    pub fn id(&self, name: &str) -> Option<EntityId> {
        let key = self.key(name);
        (!key.is_empty()).then(|| EntityId(format!("e:{key}")))
    }

    /// Whether two names are one entity.
    pub fn same(&self, a: &str, b: &str) -> bool {
        self.key(a) == self.key(b)
    }

    /// Makes `from` (and everything merged into it) part of `into`'s entity. Returns false
    /// when they are one entity already or a name is empty.
    pub fn merge(&mut self, from: &str, into: &str) -> bool {
        let (from_key, into_name) = (self.key(from), self.resolve(into).trim().to_string());
        let into_key = name_key(&into_name);
        if from_key.is_empty() || into_key.is_empty() || from_key == into_key {
            return false;
        }
        // everything that resolved to `from`'s entity now resolves to `into`'s
        for (_, v) in &mut self.to {
            if name_key(v) == from_key {
                *v = into_name.clone();
            }
        }
        self.insert(name_key(from), into_name.clone());
        self.insert(from_key, into_name);
        self.remove(&into_key);
        self.revision += 1;
        true
    }

    /// Gives `name`'s entity another name it goes by.
    pub fn add_alias(&mut self, alias: &str, name: &str) -> bool {
        self.merge(alias, name)
    }

    /// Undoes merges: a merged name becomes its own entity again; an entity's canonical
    /// name releases every name merged into it. Returns false when nothing was merged.
    pub fn split(&mut self, name: &str) -> bool {
        let k = name_key(name);
        let before = self.to.len();
        if !self.remove(&k) {
            self.to.retain(|(_, v)| name_key(v) != k);
        }
        let changed = self.to.len() != before;
        if changed {
            self.revision += 1;
        }
        changed
    }

    /// The other names of `name`'s entity (as keys were written when merged).
    pub fn aliases(&self, name: &str) -> Vec<String> {
        let k = self.key(name);
        self.to
            .iter()
            .filter(|(a, v)| name_key(v) == k && *a != k)
            .map(|(a, _)| a.clone())
            .collect()
    }

    /// Every entry, (name key, canonical name), sorted: for files and storage.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.to.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    pub fn is_empty(&self) -> bool {
        self.to.is_empty()
    }

    /// Entries from a file or storage; ones that would chain or loop are dropped.
    pub fn from_entries<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> Identities {
        let mut ids = Identities::default();
        ids.absorb(entries);
        ids.revision = 0;
        ids
    }

    /// Adds entries from an imported file for names not already known here (a person's
    /// own decisions win). Returns how many were added.
    pub fn absorb<'a>(&mut self, entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> usize {
        let mut added = 0;
        for (name, canonical) in entries {
            let k = name_key(name);
            if k.is_empty() || self.find(&k).is_ok() || canonical.trim().is_empty() {
                continue;
            }
            if self.merge(name, canonical) {
                added += 1;
            }
        }
        added
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_relations_that_fit_their_ends_are_offered() {
        let c = End::Claim("c1".into());
        let e = End::Entity("Belgium".into());
        assert!(
            !Relation::Contradicts.fits(&c, &e),
            "a claim contradicts Belgium"
        );
        assert_eq!(
            Relation::fitting(&c, Some(&e)),
            [Relation::About, Relation::Related]
        );
        assert_eq!(
            Relation::fitting(&e, Some(&c)),
            [Relation::RespondsTo, Relation::Said, Relation::Related]
        );
        assert_eq!(Relation::fitting(&e, Some(&e)), [Relation::Related]);
        assert_eq!(
            Relation::fitting(&c, Some(&End::Claim("c2".into()))),
            [
                Relation::Contradicts,
                Relation::Supports,
                Relation::RespondsTo,
                Relation::SameClaim,
                Relation::Related
            ]
        );
        // no second end yet: what fits some end
        assert_eq!(Relation::fitting(&c, None).len(), 6);
        // the likely relation always fits
        for (a, b) in [(&c, &e), (&e, &c), (&e, &e), (&c, &c)] {
            assert!(Relation::likely_between(a, Some(b)).fits(a, b));
        }
    }

    #[test]
    fn keys_ignore_case_space_the_dots_and_possessives() {
        assert_eq!(name_key("  The  U.N. "), "un");
        assert_eq!(name_key("UN"), "un");
        assert_eq!(name_key("Trump's"), "trump");
        assert_eq!(name_key("Trump’s"), "trump");
        assert_eq!(name_key("Reuters"), "reuters");
    }

    #[test]
    fn keys_are_their_own_keys() {
        // Once: dots and apostrophes went after the trim, so ". A" kept a leading space,
        // and one "the" was stripped per pass, so "The The Who" became "the who", then "who".
        assert_eq!(name_key(". A"), "a");
        assert_eq!(name_key("The The Who"), "who");
        assert_eq!(name_key("The"), "");
        assert_eq!(name_key("' The  Guardian'"), "guardian");
        for n in [
            ". A",
            "The The Who",
            "Trump's's",
            "İstanbul",
            "the.  the x",
            " 'the' y",
        ] {
            assert_eq!(name_key(&name_key(n)), name_key(n), "{n:?}");
        }
        // a merge read back from its own entries still holds
        let mut ids = Identities::default();
        assert!(ids.merge(". A", "B"));
        let back = Identities::from_entries(ids.entries());
        assert!(back.same("A", "B"));
        assert_eq!(
            back.entries().collect::<Vec<_>>(),
            ids.entries().collect::<Vec<_>>()
        );
    }

    #[test]
    fn merge_resolve_split() {
        let mut ids = Identities::default();
        assert!(!ids.same("Trump", "Donald Trump"));
        assert!(ids.merge("Trump", "Donald Trump"));
        assert!(ids.same("trump", "Donald Trump"));
        assert_eq!(ids.resolve("TRUMP"), "Donald Trump");
        assert!(!ids.merge("Trump", "donald trump"), "already one entity");
        // chains collapse: merging the entity into another moves its members along
        assert!(ids.merge("Donald Trump", "Donald J. Trump"));
        assert_eq!(ids.resolve("Trump"), "Donald J. Trump");
        assert_eq!(ids.resolve("Donald Trump"), "Donald J. Trump");
        let mut al = ids.aliases("Trump");
        crate::core::sort::sort(&mut al);
        assert_eq!(al, ["donald trump", "trump"]);
        // split one member out
        assert!(ids.split("Trump"));
        assert_eq!(ids.resolve("Trump"), "Trump");
        assert!(ids.same("Donald Trump", "Donald J. Trump"));
        // splitting the canonical name releases the rest
        assert!(ids.split("Donald J. Trump"));
        assert!(!ids.same("Donald Trump", "Donald J. Trump"));
        assert!(ids.is_empty());
        assert!(!ids.split("Nobody"));
    }

    #[test]
    fn an_entity_has_one_id_that_follows_merges() {
        let mut ids = Identities::default();
        let id = |ids: &Identities, n: &str| ids.id(n).map(EntityId::into_string);
        assert_eq!(id(&ids, "The Kremlin's").as_deref(), Some("e:kremlin"));
        assert_eq!(id(&ids, "  "), None);
        assert_eq!(id(&ids, "."), None);
        assert_ne!(ids.id("Trump"), ids.id("Donald Trump"));
        ids.merge("Trump", "Donald Trump");
        assert_eq!(ids.id("Trump"), ids.id("Donald Trump"));
        assert_eq!(id(&ids, "trump").as_deref(), Some("e:donald trump"));
        ids.split("Trump");
        assert_eq!(id(&ids, "Trump").as_deref(), Some("e:trump"));
        // its selector holds any name as a CSS string
        assert_eq!(
            ids.id("Trump").unwrap().selector(),
            "[data-entity=\"e:trump\"]"
        );
        assert_eq!(
            ids.id("A \"B\" \\ C").unwrap().selector(),
            "[data-entity=\"e:a \\\"b\\\" \\\\ c\"]"
        );
    }

    #[test]
    fn merging_back_and_forth_never_loops() {
        let mut ids = Identities::default();
        assert!(ids.merge("A", "B"));
        assert!(!ids.merge("B", "A"), "one entity already");
        assert_eq!(ids.resolve("A"), "B");
        ids.merge("A", "C");
        for n in ["A", "B", "C"] {
            assert_eq!(ids.resolve(n), "C");
        }
        let copy = Identities::from_entries(ids.entries());
        for n in ["A", "B", "C"] {
            assert_eq!(copy.resolve(n), "C");
        }
    }

    #[test]
    fn absorb_keeps_local_decisions() {
        let mut mine = Identities::default();
        mine.merge("Kyiv", "Kiev");
        let theirs = Identities::from_entries([("kyiv", "Kyiv city"), ("nato", "NATO alliance")]);
        assert_eq!(mine.absorb(theirs.entries()), 1);
        assert_eq!(mine.resolve("Kyiv"), "Kiev");
        assert_eq!(mine.resolve("NATO"), "NATO alliance");
        assert!(!mine.merge("", "X"));
    }

    #[test]
    fn every_link_starts_with_its_likely_type() {
        let c = End::Claim("c1".into());
        let d = LinkDraft::new("a1".into(), c.clone(), None);
        assert_eq!((d.article.as_str(), d.kind), ("a1", Relation::Related));
        let to = End::Entity("Kyiv".into());
        let d = LinkDraft::new("a1".into(), c.clone(), Some(to.clone()));
        assert_eq!((d.kind, d.to), (Relation::About, Some(to)));
        let d = LinkDraft::new("a1".into(), c.clone(), Some(End::Claim("c2".into())));
        assert_eq!(d.kind, Relation::Contradicts);
    }

    #[test]
    fn relation_names_round_trip() {
        for r in Relation::ALL {
            assert_eq!(Relation::parse(r.as_str()), Some(r));
        }
        assert!(!Relation::CoMention.drawable());
        let (c, e) = (End::Claim("c".into()), End::Entity("E".into()));
        assert_eq!(
            Relation::likely_between(&c, Some(&c)),
            Relation::Contradicts
        );
        assert_eq!(Relation::likely_between(&c, Some(&e)), Relation::About);
        assert_eq!(Relation::likely_between(&e, Some(&c)), Relation::Said);
        assert_eq!(Relation::likely_between(&e, Some(&e)), Relation::Related);
        assert_eq!(Relation::likely_between(&c, None), Relation::Related);
        assert!(Relation::USER.iter().all(|r| r.drawable()));
    }

    #[test]
    fn ends_round_trip_through_form_values() {
        for e in [
            End::Claim("c-1:x".into()),
            End::Entity("e:Kyiv".into()),
            End::Entity(String::new()),
        ] {
            assert_eq!(End::decode(&e.encode()), Some(e));
        }
        assert_eq!(End::decode(""), None);
        assert_eq!(End::decode("x:1"), None);
    }
}
