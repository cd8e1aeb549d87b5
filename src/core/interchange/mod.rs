//! Interchange: formats other annotation tools read and write, so that an article and the
//! person's work on it can go to those tools and come back. Pure; each format is all or
//! nothing on the way in, like Gloss's own file (`core::format`): `brat` (standoff `.txt`
//! and `.ann`) and `w3c` (the W3C Web Annotation Data Model, with Hypothesis's and
//! Recogito's shapes read too).

pub mod brat;
pub mod w3c;
