//! The suggestion pipeline of one document: the entity scan, clustering into entities, the
//! claim scan, and the filter of what is worth suggesting. `FindingsScan` runs it in slices
//! (the app does, so a long article never blocks the page); `findings` runs it at once
//! (command line, benchmarks). Both give the same result.

use super::claims::{ClaimScan, Suggestion};
use super::document::Document;
use super::extract::{cluster, read_as, EntityScan, Extraction, Mention};

/// What the pipeline found: entities, and the claims worth suggesting, in text order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Findings {
    pub extraction: Extraction,
    pub suggestions: Vec<Suggestion>,
}

/// Each whole-text pass is a step of its own, so that no step of a long article's scan
/// is much longer than the longest of them (the app's slices are one step or more).
enum Phase {
    Entities(Box<EntityScan>),
    /// Mentions found, to be grouped into entities.
    Cluster(Vec<Mention>),
    /// Entities found: the claim scan learns who is who (genders, titles) first.
    Learn(Extraction),
    /// (the scans are boxed: their state is most of a phase's size)
    Claims(Extraction, Box<ClaimScan>),
}

/// A resumable run of the pipeline: `step` until it says done, then `finish`.
pub struct FindingsScan {
    phase: Option<Phase>,
    /// The document's copy with shouted lines in their usual case, which the entity scan
    /// and the clustering read (`extract::read_as`); `None`: the document itself.
    recased: Option<Document>,
}

impl FindingsScan {
    pub fn new(doc: &Document) -> FindingsScan {
        let recased = match read_as(doc) {
            std::borrow::Cow::Owned(d) => Some(d),
            std::borrow::Cow::Borrowed(_) => None,
        };
        FindingsScan {
            phase: Some(Phase::Entities(Box::new(EntityScan::new(
                recased.as_ref().unwrap_or(doc),
            )))),
            recased,
        }
    }

    /// Scans up to `max` more sentences of the current phase; true when all is done.
    pub fn step(&mut self, doc: &Document, max: usize) -> bool {
        let read = self.recased.as_ref().unwrap_or(doc);
        match self.phase.take() {
            Some(Phase::Entities(mut scan)) => {
                self.phase = Some(if scan.step(read, max) {
                    Phase::Cluster(scan.finish(read))
                } else {
                    Phase::Entities(scan)
                });
                false
            }
            Some(Phase::Cluster(mentions)) => {
                self.phase = Some(Phase::Learn(cluster(read, mentions)));
                false
            }
            Some(Phase::Learn(extraction)) => {
                let claims = Box::new(ClaimScan::new(doc, &extraction.mentions));
                self.phase = Some(Phase::Claims(extraction, claims));
                false
            }
            Some(Phase::Claims(extraction, mut scan)) => {
                let done = scan.step(doc, &extraction.mentions, max);
                self.phase = Some(Phase::Claims(extraction, scan));
                done
            }
            None => true,
        }
    }

    /// How far the scan is, from 0 to 1: the entities are the first half, the claims the
    /// second (for a progress line; each phase's own measure, not a time estimate).
    pub fn progress(&self, doc: &Document) -> f64 {
        let sentences = doc.sentences().len().max(1) as f64;
        match &self.phase {
            Some(Phase::Entities(scan)) => 0.5 * scan.progress(doc),
            Some(Phase::Cluster(_) | Phase::Learn(_)) => 0.5,
            Some(Phase::Claims(_, scan)) => {
                0.5 + 0.5 * (scan.scanned() as f64 / sentences).min(1.0)
            }
            None => 1.0,
        }
    }

    /// The findings; scans whatever is left first.
    pub fn finish(mut self, doc: &Document) -> Findings {
        while !self.step(doc, usize::MAX) {}
        match self.phase {
            Some(Phase::Claims(extraction, scan)) => Findings {
                extraction,
                suggestions: scan
                    .finish()
                    .into_iter()
                    .filter(Suggestion::worth_suggesting)
                    .collect(),
            },
            _ => Findings::default(),
        }
    }
}

/// The entities alone: the pipeline's first phase, for what needs no claim suggestions
/// (the graph of articles other than the open one). Equal to `extract::extract`, by the
/// pipeline's own code.
pub fn extraction(doc: &Document) -> Extraction {
    let mut scan = FindingsScan::new(doc);
    loop {
        match scan.phase.take() {
            Some(Phase::Learn(extraction) | Phase::Claims(extraction, _)) => return extraction,
            None => return Extraction::default(),
            phase => {
                scan.phase = phase;
                scan.step(doc, usize::MAX);
            }
        }
    }
}

/// Runs the whole pipeline at once.
pub fn findings(doc: &Document) -> Findings {
    FindingsScan::new(doc).finish(doc)
}

/// Every claim the scan finds, worth suggesting or not (each sentence has at least one),
/// in text order: for measuring check-worthiness over all sentences (`gloss scores`).
pub fn every_claim(doc: &Document) -> Vec<Suggestion> {
    let mut scan = FindingsScan::new(doc);
    while !scan.step(doc, usize::MAX) {}
    match scan.phase {
        Some(Phase::Claims(_, scan)) => scan.finish(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::parse_str;

    #[test]
    fn a_run_in_slices_equals_a_run_at_once() {
        let text = include_str!("../../seeds/000_9d83cd3958c40a29.txt");
        let p = parse_str(text, None);
        let mut scan = FindingsScan::new(&p.document);
        let mut steps = 0;
        let mut progress = vec![scan.progress(&p.document)];
        while !scan.step(&p.document, 3) {
            steps += 1;
            progress.push(scan.progress(&p.document));
        }
        progress.push(scan.progress(&p.document));
        assert!(steps > 10, "both phases ran in slices");
        // progress runs from 0 to 1 and never goes back
        assert_eq!(progress.first(), Some(&0.0));
        assert_eq!(progress.last(), Some(&1.0));
        assert!(progress.windows(2).all(|w| w[0] <= w[1]), "{progress:?}");
        let sliced = scan.finish(&p.document);
        assert_eq!(sliced, findings(&p.document));
        // its entities are the extractor's: what needs only entities calls `extract`
        assert_eq!(
            sliced.extraction,
            crate::core::extract::extract(&p.document)
        );
        assert!(sliced.suggestions.iter().all(Suggestion::worth_suggesting));
        assert!(sliced
            .suggestions
            .iter()
            .any(|s| s.speaker.as_deref() == Some("Volodymyr Zelenskyy")));
    }

    #[test]
    fn an_empty_document_finds_nothing() {
        let p = parse_str("", None);
        assert_eq!(findings(&p.document), Findings::default());
    }
}
