//! The photos of the current result as the window holds them: every id, in
//! order, but the summaries (file name, title, hash, rating...) only of the
//! pages on screen or near it, read by the worker as the grid, the table
//! and the viewer come to them.
//!
//! A million summaries take some 600 MB and seconds to read; the pages of
//! a screenful take a millisecond. This module knows nothing of the worker:
//! the app asks it which pages to read and hands it what came back.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;

use crate::catalog::PhotoSummary;
use crate::photo::PhotoId;

/// Photos read at once: the first screenful comes with the result.
pub const PAGE: usize = 200;

/// Pages kept: several screens of the largest grid or table, around
/// where the user is and where they were last.
const PAGES_KEPT: usize = 48;

struct Page {
    summaries: Vec<Option<PhotoSummary>>,
    /// When a panel last looked at it, for keeping the recent pages.
    used: Cell<u64>,
}

#[derive(Default)]
pub struct Results {
    generation: u64,
    ids: Vec<PhotoId>,
    pages: HashMap<usize, Page>,
    /// Asked of the worker and not yet received.
    asked: HashSet<usize>,
    /// Looked for by a panel this frame and not there.
    wanted: RefCell<BTreeSet<usize>>,
    /// The summaries of the result before this one, by photo: shown until
    /// the page that holds the photo now arrives, so that a refresh after
    /// an edit does not blank the photos on screen for a frame.
    previous: HashMap<PhotoId, PhotoSummary>,
    clock: Cell<u64>,
}

impl Results {
    /// A new result: every photo's id in order, and the summaries of the
    /// first page.
    pub fn new(generation: u64, ids: Vec<PhotoId>, first: Vec<PhotoSummary>) -> Self {
        Self {
            generation,
            ids,
            ..Self::default()
        }
        .with_first(first)
    }

    fn with_first(mut self, first: Vec<PhotoSummary>) -> Self {
        self.received(self.generation, 0, first);
        self
    }

    /// Replaces the result, keeping the summaries shown so far for the
    /// frames until the new pages arrive.
    pub fn replace(&mut self, generation: u64, ids: Vec<PhotoId>, first: Vec<PhotoSummary>) {
        let mut previous = std::mem::take(&mut self.pages)
            .into_values()
            .flat_map(|p| p.summaries.into_iter().flatten())
            .map(|s| (s.id, s))
            .collect::<HashMap<_, _>>();
        // What was shown before that is still not replaced stays too, up to
        // what the pages kept would hold.
        for (id, s) in std::mem::take(&mut self.previous) {
            if previous.len() >= PAGES_KEPT * PAGE {
                break;
            }
            previous.entry(id).or_insert(s);
        }
        *self = Self::new(generation, ids, first);
        self.previous = previous;
    }

    /// The search whose result this is.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn ids(&self) -> &[PhotoId] {
        &self.ids
    }

    /// The summary at a place in the result, if its page is here (or,
    /// until it is, the summary shown for that photo before). A page not
    /// here is asked for at the end of the frame.
    pub fn get(&self, index: usize) -> Option<&PhotoSummary> {
        let id = *self.ids.get(index)?;
        let page = index / PAGE;
        if let Some(p) = self.pages.get(&page) {
            let now = self.clock.get() + 1;
            self.clock.set(now);
            p.used.set(now);
            if let Some(s) = p.summaries.get(index % PAGE).and_then(Option::as_ref) {
                return Some(s);
            }
            return self.previous.get(&id);
        }
        self.wanted.borrow_mut().insert(page);
        self.previous.get(&id)
    }

    /// Asks for the pages around a range shown (a page before and after),
    /// so that scrolling finds them ready.
    pub fn want_around(&self, shown: Range<usize>) {
        if self.ids.is_empty() {
            return;
        }
        let first = shown.start.saturating_sub(PAGE) / PAGE;
        let last = (shown.end + PAGE).min(self.ids.len() - 1) / PAGE;
        let mut wanted = self.wanted.borrow_mut();
        for page in first..=last {
            if !self.pages.contains_key(&page) {
                wanted.insert(page);
            }
        }
    }

    /// The summaries here, in the result's order (the pages not read yet
    /// left out).
    pub fn iter(&self) -> impl Iterator<Item = &PhotoSummary> {
        let mut pages: Vec<(&usize, &Page)> = self.pages.iter().collect();
        pages.sort_by_key(|(n, _)| **n);
        pages
            .into_iter()
            .flat_map(|(_, p)| p.summaries.iter().flatten())
    }

    /// The pages to ask the worker for: looked for and neither here nor
    /// asked already. Each is its first place and its photos' ids.
    pub fn to_ask(&mut self) -> Vec<(usize, Vec<PhotoId>)> {
        let wanted = std::mem::take(self.wanted.get_mut());
        wanted
            .into_iter()
            .filter(|page| !self.pages.contains_key(page) && self.asked.insert(*page))
            .filter_map(|page| {
                let first = page * PAGE;
                let ids = self.ids.get(first..(first + PAGE).min(self.ids.len()))?;
                Some((first, ids.to_vec()))
            })
            .collect()
    }

    /// A page the worker read, for the result of `generation`. Summaries
    /// are placed by id: a photo removed meanwhile leaves a gap, not a
    /// shift.
    pub fn received(&mut self, generation: u64, first: usize, summaries: Vec<PhotoSummary>) {
        if generation != self.generation || !first.is_multiple_of(PAGE) {
            return;
        }
        let page = first / PAGE;
        self.asked.remove(&page);
        let Some(ids) = self.ids.get(first..(first + PAGE).min(self.ids.len())) else {
            return;
        };
        let mut by_id: HashMap<PhotoId, PhotoSummary> =
            summaries.into_iter().map(|s| (s.id, s)).collect();
        let summaries = ids.iter().map(|id| by_id.remove(id)).collect();
        let now = self.clock.get() + 1;
        self.clock.set(now);
        self.pages.insert(
            page,
            Page {
                summaries,
                used: Cell::new(now),
            },
        );
        while self.pages.len() > PAGES_KEPT {
            let Some(oldest) = self
                .pages
                .iter()
                .min_by_key(|(_, p)| p.used.get())
                .map(|(n, _)| *n)
            else {
                break;
            };
            self.pages.remove(&oldest);
        }
    }

    /// Every page looked for is here.
    pub fn is_complete(&self) -> bool {
        self.asked.is_empty() && self.wanted.borrow().is_empty()
    }

    /// Summaries held, for the benchmark and tests.
    pub fn held(&self) -> usize {
        self.pages
            .values()
            .map(|p| p.summaries.len())
            .sum::<usize>()
            + self.previous.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(id: i64) -> PhotoSummary {
        PhotoSummary {
            id: PhotoId(id),
            hash: format!("{id:064x}"),
            path: format!("/archive/{id}.tif").into(),
            file_name: format!("{id}.tif"),
            orientation: None,
            format: crate::photo::ImageFormat::Tiff,
            title: Some(format!("photo {id}")),
            caption: None,
            date_created: None,
            taken_at: None,
            camera: None,
            width: None,
            height: None,
            rating: 0,
            flag: None,
            label: None,
            missing: false,
        }
    }

    fn result(n: i64) -> Results {
        let ids: Vec<PhotoId> = (1..=n).map(PhotoId).collect();
        let first = (1..=n.min(PAGE as i64)).map(summary).collect();
        Results::new(1, ids, first)
    }

    #[test]
    fn a_large_result_holds_the_summaries_of_its_first_page_only() {
        let r = result(1_000_000);
        assert_eq!(r.len(), 1_000_000);
        assert_eq!(r.held(), PAGE);
        assert_eq!(r.get(0).map(|s| s.id), Some(PhotoId(1)));
        assert!(r.get(500_000).is_none());
    }

    #[test]
    fn a_page_looked_for_is_asked_once_and_shown_when_it_arrives() {
        let mut r = result(10_000);
        assert!(r.get(1_234).is_none());
        assert!(r.get(1_235).is_none());
        let asked = r.to_ask();
        assert_eq!(asked.len(), 1);
        let (first, ids) = asked[0].clone();
        assert_eq!(first, 1_200);
        assert_eq!(ids.len(), PAGE);
        assert!(!r.is_complete());
        // Looked for again before it arrives: not asked twice.
        assert!(r.get(1_234).is_none());
        assert!(r.to_ask().is_empty());
        r.received(1, first, ids.iter().map(|id| summary(id.0)).collect());
        assert!(r.is_complete());
        assert_eq!(r.get(1_234).map(|s| s.id), Some(PhotoId(1_235)));
    }

    #[test]
    fn a_page_of_an_older_result_is_dropped() {
        let mut r = result(10_000);
        r.get(5_000);
        let (first, ids) = r.to_ask().remove(0);
        // Refreshed after an edit: the same photos, read again.
        r.replace(2, (1..=10_000).map(PhotoId).collect(), vec![]);
        r.received(1, first, ids.iter().map(|id| summary(id.0)).collect());
        assert!(r.get(5_000).is_none());
        assert_eq!(
            r.to_ask().len(),
            1,
            "the page is read again for the new result"
        );
    }

    #[test]
    fn a_photo_removed_before_its_page_is_read_leaves_a_gap_not_a_shift() {
        let mut r = result(1_000);
        r.get(450);
        let (first, ids) = r.to_ask().remove(0);
        let read: Vec<PhotoSummary> = ids
            .iter()
            .filter(|id| id.0 != 402)
            .map(|id| summary(id.0))
            .collect();
        r.received(1, first, read);
        assert!(r.get(401).is_none());
        assert_eq!(r.get(402).map(|s| s.id), Some(PhotoId(403)));
    }

    #[test]
    fn scrolling_through_a_million_keeps_a_bounded_number_of_pages() {
        let mut r = result(1_000_000);
        for index in (0..1_000_000).step_by(PAGE) {
            r.want_around(index..index + 40);
            for (first, ids) in r.to_ask() {
                r.received(1, first, ids.iter().map(|id| summary(id.0)).collect());
            }
            assert!(r.get(index).is_some());
        }
        assert!(r.held() <= PAGES_KEPT * PAGE);
    }

    #[test]
    fn a_refreshed_result_shows_the_photos_it_had_until_their_pages_arrive() {
        let mut r = result(10_000);
        r.get(3_000);
        for (first, ids) in r.to_ask() {
            r.received(1, first, ids.iter().map(|id| summary(id.0)).collect());
        }
        r.replace(2, (1..=10_000).map(PhotoId).collect(), vec![]);
        assert_eq!(r.get(3_000).map(|s| s.id), Some(PhotoId(3_001)));
        assert_eq!(r.to_ask().len(), 1, "and its page is read again");
    }
}
