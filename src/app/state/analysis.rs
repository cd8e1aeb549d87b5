//! The analysis schedule (entities and suggestions, at once or in slices) and the actions on suggestions and entities.

use super::*;

impl Ctx {
    /// Scans a newly opened document for entities and claims in slices of about 8 ms,
    /// so typing and scrolling go on; publishes the result in `analysis`.
    pub fn analyse(&self, doc: Arc<Document>) {
        let t0 = web::perf_now();
        self.analysis.set(None);
        if doc.text().len() <= SCAN_AT_ONCE {
            // a news article takes well under a millisecond: no slicing, no waiting
            let scan = FindingsScan::new(&doc);
            self.publish(doc, scan, t0);
        } else {
            // a long one: set up in a task of its own, after the article has been drawn
            self.scanning.set(Some(0));
            let ctx = *self;
            set_timeout(
                move || {
                    if ctx.current_doc().is_some_and(|d| Arc::ptr_eq(&d, &doc)) {
                        let scan = FindingsScan::new(&doc);
                        ctx.analyse_slice(doc, scan, t0);
                    } else if ctx.current_doc().is_none() {
                        ctx.scanning.set(None);
                    }
                },
                std::time::Duration::ZERO,
            );
        }
    }

    pub(super) fn publish(&self, doc: Arc<Document>, scan: FindingsScan, t0: f64) {
        let found = scan.finish(&doc);
        if self.scanning.get_untracked().is_some() {
            self.scanning.set(None);
        }
        let ms = web::perf_now() - t0;
        self.show_entities(Analysis {
            doc: DocRef(doc),
            extraction: Arc::new(found.extraction),
            entities: Arc::default(),
            marks: Vec::new(),
            ids: Arc::default(),
            tips: Arc::default(),
            suggestions: found.suggestions,
            ms,
        });
    }

    /// Publishes an analysis with the open article's entity decisions applied to what was
    /// found (again after each decision, so the underlines follow).
    pub(super) fn show_entities(&self, mut x: Analysis) {
        let fixed = self.library.with_untracked(|l| {
            let a = l.get(self.current.get_untracked()?.as_str())?;
            Some(a.entities(&x.extraction).into_owned())
        });
        x.entities = fixed.map_or_else(|| x.extraction.clone(), Arc::new);
        x.tips = Arc::new(x.entities.tooltips(x.doc.0.text()));
        let ids: Vec<Option<EntityId>> = self.library.with_untracked(|l| {
            x.entities
                .entities
                .iter()
                .map(|e| l.identities.id(&e.name))
                .collect()
        });
        x.marks = x
            .entities
            .mentions
            .iter()
            .map(|m| EntityMark {
                span: m.span,
                of: MarkOf {
                    label: m.label.as_str(),
                    entity: m.entity,
                    id: ids.get(m.entity).cloned().flatten(),
                },
            })
            .collect();
        x.ids = Arc::new(ids);
        self.picked_entity.set(None);
        self.hovered_entity.set(None);
        self.analysis.set(Some(Arc::new(x)));
    }

    /// Re-publishes the open analysis with the library's entity decisions and identities as
    /// they now stand (after a class decision, a merge or a split), so the underlines and
    /// the markup's entity ids follow.
    pub(super) fn refresh_entity_ids(&self) {
        if let Some(x) = self.analysis.get_untracked() {
            self.show_entities((*x).clone());
        }
    }

    /// The suggestions computed for the open article (none while it is being scanned).
    pub(super) fn suggestions(&self) -> Vec<Suggestion> {
        self.analysis.with_untracked(|x| {
            x.as_ref()
                .map(|x| x.suggestions.clone())
                .unwrap_or_default()
        })
    }

    /// The person's decision on an entity (`None`: not an entity) for the selected words,
    /// else for every mention of the entity clicked in the text.
    pub fn fix_entity(&self, label: Option<Label>) {
        let spans: Vec<Span> = match (self.read_selection(), self.picked_entity.get_untracked()) {
            (Some(s), _) => vec![s],
            // every mention of the entity, under each of its names in this article
            (None, Some(id)) => self
                .analysis
                .with_untracked(|x| x.as_ref().map_or_else(Vec::new, |x| x.mentions_of(&id))),
            (None, None) => Vec::new(),
        };
        match self.edit_current(|a, now| a.fix_entities(&spans, label, now)) {
            Some(Ok(())) => {
                web::selection::clear_selection();
                self.pending_span.set(None);
                self.refresh_entity_ids();
                let what = label.map_or("not an entity", |l| l.name());
                self.say(format!("Marked as {what}."));
            }
            Some(Err(e)) => self.fail(e.to_string()),
            None => {}
        }
    }

    pub(super) fn analyse_slice(&self, doc: Arc<Document>, mut scan: FindingsScan, t0: f64) {
        let ctx = *self;
        // a zero timeout: the next slice runs after the browser has handled input and painted
        set_timeout(
            move || {
                if !ctx.current_doc().is_some_and(|d| Arc::ptr_eq(&d, &doc)) {
                    if ctx.current_doc().is_none() {
                        ctx.scanning.set(None);
                    }
                    return; // another article was opened meanwhile (it has its own scan)
                }
                let start = web::perf_now();
                let mut done = false;
                while !done && web::perf_now() - start < 8.0 {
                    done = scan.step(&doc, 64);
                }
                if done {
                    ctx.publish(doc, scan, t0);
                } else {
                    let percent = Some((scan.progress(&doc) * 100.0) as u8);
                    if ctx.scanning.get_untracked() != percent {
                        ctx.scanning.set(percent);
                    }
                    ctx.analyse_slice(doc, scan, t0);
                }
            },
            std::time::Duration::ZERO,
        );
    }

    /// The claim type a suggestion's cue implies ("accused": an accusation).
    pub(super) fn kind_of(&self, s: &Suggestion) -> ClaimType {
        let doc = self.current_doc();
        s.cue
            .zip(doc.as_ref())
            .map(|(c, d)| claims::kind_for_cue(d.slice(c)))
            .unwrap_or_default()
    }

    /// The speaker of the suggested attribution whose words hold `span`
    /// (`claims::speaker_for`), if any: the claimant the claim form proposes for a
    /// hand-made selection.
    pub fn speaker_at(&self, span: Span) -> Option<String> {
        self.analysis.with_untracked(|a| {
            claims::speaker_for(&a.as_ref()?.suggestions, span).map(str::to_string)
        })
    }

    /// Accepts suggestions as claims (claimant and type from each). The new claims are not
    /// selected, so a Delete meant for the next suggestion never reaches them; accepting
    /// several at once can be undone.
    pub fn accept_suggestions(&self, list: &[Suggestion]) {
        let mark = self.history_mark();
        let me = self.annotator().unwrap_or_default();
        let ids: Vec<String> = self
            .edit_current(|a, now| {
                let ids: Vec<String> = list
                    .iter()
                    .filter_map(|s| a.accept(s, web::new_id("c"), now))
                    .collect();
                for id in &ids {
                    a.sign(id, &me);
                }
                ids
            })
            .unwrap_or_default();
        let n = ids.len();
        self.tell(
            format!(
                "Accepted {n} suggested claim{}.",
                if n == 1 { "" } else { "s" }
            ),
            (n > 1).then_some(mark),
        );
    }

    /// Rejects a suggestion (`true`), with Undo, or restores a rejected one (`false`).
    pub fn reject_suggestion(&self, sentence: Span, reject: bool) {
        let mark = self.history_mark();
        let d = reject.then_some(Decision::Rejected);
        self.edit_current(|a, now| a.decide(sentence, d, now));
        self.tell(
            if reject {
                "Suggestion rejected."
            } else {
                "Suggestion restored."
            }
            .into(),
            reject.then_some(mark),
        );
    }

    /// Opens the claim form on a suggestion, filled in.
    pub fn edit_suggestion(&self, s: &Suggestion) {
        let kind = self.kind_of(s);
        self.selected.set(None);
        self.panel.set(Panel::Claim(FormTarget::Suggestion {
            sentence: s.sentence,
            claimant: s.speaker.clone().unwrap_or_default(),
            kind,
        }));
    }

    /// The extraction of an article: the open one's from its scan, others computed once.
    pub fn extraction_of(&self, a: &Article) -> Option<Arc<Extraction>> {
        let open = self.analysis.with_untracked(|x| {
            x.as_ref()
                .filter(|x| Arc::ptr_eq(&x.doc.0, &a.doc))
                .map(|x| x.extraction.clone())
        });
        if open.is_some() {
            return open;
        }
        let cached = self.extractions.with_value(|m| {
            m.get(&a.id)
                .filter(|(d, _)| Arc::ptr_eq(d, &a.doc))
                .map(|(_, x)| x.clone())
        });
        if cached.is_some() {
            return cached;
        }
        let x = Arc::new(crate::core::pipeline::extraction(&a.doc));
        self.extractions
            .update_value(|m| drop(m.insert(a.id.clone(), (a.doc.clone(), x.clone()))));
        Some(x)
    }
}
