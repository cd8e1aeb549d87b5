//! Share links (`core::share`): *Copy link* puts the open article and its claims into the
//! address's fragment, which never reaches a server; opening such a link offers to add the
//! article to the library. A link too long to travel carries the claims only, placed
//! when the person opens the article.

use super::*;
use crate::core::share::{self, LinkKind, SharedKind, TextHash, PORTABLE_LINK_CHARS};

/// A link made by *Copy link*, shown so it can be copied by hand too.
#[derive(Clone, Debug, PartialEq)]
pub struct MadeLink {
    pub url: String,
    /// Whether it carries the text (else the claims only).
    pub whole: bool,
    /// Whether it is on the clipboard.
    pub copied: bool,
}

/// What a share link brought, waiting for the person to take it.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkOffer {
    pub name: String,
    pub claims: usize,
    what: Offered,
}

impl LinkOffer {
    /// Whether it brings only claims, for an article already in the library.
    pub fn claims_only(&self) -> bool {
        matches!(self.what, Offered::Notes { .. })
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Offered {
    /// A whole article file.
    Whole(String),
    /// Claims for the article `id` here.
    Notes { id: String, waiting: NotesWaiting },
}

/// An article file's name and claim count, read without reading the whole article (a link
/// is read whole only once the person adds it).
fn name_and_claims(json: &str) -> (String, usize) {
    let v: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
    let name = v["article"]["name"]
        .as_str()
        .map_or_else(|| "the article".to_string(), str::to_string);
    (name, v["annotations"].as_array().map_or(0, Vec::len))
}

/// The claims of a link that carried no text, waiting for their article to be opened.
#[derive(Clone, Debug, PartialEq)]
pub struct NotesWaiting {
    pub name: String,
    notes: String,
    hash: TextHash,
}

impl Ctx {
    /// Makes the open article's link, shows it, and puts it on the clipboard.
    pub fn copy_link(&self) {
        let Some(json) = self.library.with_untracked(|l| {
            let a = l.get(self.current.get_untracked()?.as_str())?;
            Some(export_article_with(
                a,
                &web::now_iso(),
                &[],
                &l.identities,
                Some(&l.scale),
            ))
        }) else {
            self.fail("Open an article first, then copy its link.");
            return;
        };
        let link = match share::encode_with_limit(&json, PORTABLE_LINK_CHARS) {
            Ok(l) => l,
            Err(e) => {
                self.fail(format!("No link was made: {e}"));
                return;
            }
        };
        let Some(page) = web::share::page_address() else {
            self.fail("No link was made: this page has no address to share.");
            return;
        };
        let made = MadeLink {
            url: format!("{page}#{}", link.as_str()),
            whole: link.kind() == LinkKind::Whole,
            copied: false,
        };
        self.made_link.set(Some(made.clone()));
        let ctx = *self;
        leptos::task::spawn_local(async move {
            let copied = web::share::copy(&made.url).await.is_ok();
            ctx.made_link
                .update(|m| m.iter_mut().for_each(|m| m.copied = copied));
        });
    }

    /// Reads the share link Gloss was opened with, if any, once the library is loaded: an
    /// article is offered, claims alone wait for their article, a bad link is told. The
    /// link leaves the address either way; nothing changes until the person says so.
    pub fn read_opened_link(&self) {
        let Some(fragment) = web::share::opened_with() else {
            return;
        };
        web::share::forget_fragment();
        match share::decode(&fragment) {
            Err(e) => self.fail(format!(
                "That link could not be opened: {e} Nothing was changed."
            )),
            Ok(shared) => match shared.kind {
                SharedKind::Whole(file) => {
                    let (name, claims) = name_and_claims(&file);
                    self.link_offer.set(Some(LinkOffer {
                        name,
                        claims,
                        what: Offered::Whole(file),
                    }))
                }
                SharedKind::NotesOnly {
                    notes_json,
                    text_hash,
                } => {
                    let (name, claims) = name_and_claims(&notes_json);
                    // the article may be here already
                    let here = self.library.with_untracked(|l| {
                        l.articles()
                            .iter()
                            .find(|a| text_hash.matches(a.doc.text()))
                            .map(|a| a.id.clone())
                    });
                    let waiting = NotesWaiting {
                        name: name.clone(),
                        notes: notes_json,
                        hash: text_hash,
                    };
                    match here {
                        // asked first, as for a whole article
                        Some(id) => self.link_offer.set(Some(LinkOffer {
                            name,
                            claims,
                            what: Offered::Notes { id, waiting },
                        })),
                        None => {
                            self.notes_waiting.set_value(Some(waiting));
                            self.say(format!(
                                "This link carries the claims on “{name}” but not its text (too long for a link). Open that article (a file or a paste) and its claims will be placed on it."
                            ));
                        }
                    }
                }
            },
        }
    }

    /// The person's answer to a link's article: add it (as an import would) or not.
    pub fn answer_link(&self, add: bool) {
        let Some(offer) = self.link_offer.get_untracked() else {
            return;
        };
        self.link_offer.set(None);
        if !add {
            self.say("The shared article was not added; nothing was changed.");
            return;
        }
        match offer.what {
            Offered::Whole(file) => match import_file(file.as_bytes()) {
                Ok(imported) => self.take_imported(imported),
                Err(e) => self.fail(format!(
                    "That link holds an article Gloss cannot read: {e} Nothing was changed."
                )),
            },
            Offered::Notes { id, waiting } => self.take_notes(&id, waiting),
        }
    }

    /// After an article is added: places a link's waiting claims on it when it is theirs.
    pub(super) fn place_waiting_notes(&self, id: &str) {
        let matches = self.notes_waiting.with_value(|w| {
            w.as_ref().is_some_and(|w| {
                self.library
                    .with_untracked(|l| l.get(id).is_some_and(|a| w.hash.matches(a.doc.text())))
            })
        });
        if matches {
            if let Some(w) = self.notes_waiting.try_update_value(Option::take).flatten() {
                self.take_notes(id, w);
            }
        }
    }

    /// Puts a link's claims on the article `id`, whose text is the one they were made on,
    /// as another annotator's copy merged in (nothing here is replaced).
    fn take_notes(&self, id: &str, w: NotesWaiting) {
        let Some(text) = self
            .library
            .with_untracked(|l| l.get(id).map(|a| a.doc.clone()))
        else {
            return;
        };
        let theirs = share::restore(&w.notes, text.text())
            .map_err(|e| e.to_string())
            .and_then(|file| import_file(file.as_bytes()).map_err(|e| e.to_string()));
        match theirs {
            Err(e) => self.fail(format!("The link's claims could not be placed: {e}")),
            Ok(imp) => {
                let mark = self.history_mark();
                let merged = self.edit_article(id, |a, now| {
                    crate::core::layers::merge_copy(a, &imp.article, now)
                });
                self.library.update(|l| {
                    l.identities.absorb(imp.identities.entries());
                    l.take_scale(imp.scale.as_ref(), &imp.article);
                });
                self.open(id);
                if let Some(m) = merged {
                    self.say_with_undo(m.summary(&format!("the link to “{}”", w.name)), mark);
                }
            }
        }
    }
}
