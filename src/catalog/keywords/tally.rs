//! Photos under every keyword, counted from the photos' keyword lists.
//!
//! A keyword counts the photos of the keywords below it too, each photo
//! once however many of its keywords lie below. Walking every photo's
//! keywords up to the top would cost as many steps per photo as its
//! keywords are deep (thousands, in a hostile file); collecting each
//! keyword's photos in sets, as SQL would, took most of a second at a
//! million photos. Instead each photo adds one at each of its keywords and
//! takes one away where two of them meet (the lowest keyword above both,
//! for neighbours in depth-first order); the sum over a keyword's subtree
//! is then one for every photo with a keyword in it, and nothing for any
//! other. A photo costs a sort of its few keywords and a logarithmic climb
//! per neighbouring pair; the sums are one walk of the tree.

use std::collections::HashMap;

use super::KeywordTree;

/// The keyword tree laid out depth first, with what each photo added.
/// Slot 0 stands for the top level, above every keyword, and counts
/// nothing; keywords have slots in depth-first order, so that a subtree is
/// a run of slots.
#[derive(Debug)]
pub struct Tally {
    /// Keyword id by slot (slot 0 has none: 0).
    ids: Vec<i64>,
    slots: HashMap<i64, u32>,
    /// The last slot of each slot's subtree.
    end: Vec<u32>,
    /// `up[j][s]`: the slot 2^j levels above `s` (the top level is its own).
    up: Vec<Vec<u32>>,
    /// Photos added at each slot, less those taken away where two meet.
    sums: Vec<i64>,
    /// One photo's slots, sorted.
    photo: Vec<u32>,
}

impl Tally {
    pub fn new(tree: &KeywordTree) -> Self {
        let mut ids = vec![0];
        let mut parent = vec![0u32];
        let mut depth = vec![0usize];
        // Depth first from the top level; a loop in the parents (a damaged
        // catalogue) is never reached from it.
        let children = |id: i64| tree.children.get(&id).map_or(&[][..], Vec::as_slice);
        let mut stack: Vec<(i64, u32)> = children(0).iter().map(|&c| (c, 0)).collect();
        while let Some((id, above)) = stack.pop() {
            if ids.len() > tree.nodes.len() {
                break;
            }
            let slot = ids.len() as u32;
            ids.push(id);
            parent.push(above);
            depth.push(depth[above as usize] + 1);
            stack.extend(children(id).iter().map(|&c| (c, slot)));
        }
        let slots = ids
            .iter()
            .enumerate()
            .skip(1)
            .map(|(slot, &id)| (id, slot as u32))
            .collect();
        // Children come after their parent, so walking backwards finishes
        // every subtree before its parent's.
        let mut end: Vec<u32> = (0..ids.len() as u32).collect();
        for slot in (1..ids.len()).rev() {
            let above = parent[slot] as usize;
            end[above] = end[above].max(end[slot]);
        }
        let deepest = depth.iter().copied().max().unwrap_or(0);
        let levels = (usize::BITS - deepest.leading_zeros()).max(1);
        let mut up = vec![parent];
        for j in 1..levels as usize {
            let half = &up[j - 1];
            let next = half.iter().map(|&s| half[s as usize]).collect();
            up.push(next);
        }
        Self {
            sums: vec![0; ids.len()],
            ids,
            slots,
            end,
            up,
            photo: Vec::new(),
        }
    }

    /// Counts one photo with these keywords (ids, as the search columns
    /// hold them).
    pub fn add(&mut self, keywords: &[u32]) {
        self.photo.clear();
        self.photo.extend(
            keywords
                .iter()
                .filter_map(|&k| self.slots.get(&i64::from(k)).copied()),
        );
        self.photo.sort_unstable();
        self.photo.dedup();
        for i in 0..self.photo.len() {
            let slot = self.photo[i];
            self.sums[slot as usize] += 1;
            if let Some(&next) = self.photo.get(i + 1) {
                let meet = self.meet(slot, next);
                self.sums[meet as usize] -= 1;
            }
        }
    }

    /// Every keyword under which some photo was counted, with how many.
    pub fn counts(mut self) -> HashMap<i64, u64> {
        for slot in (1..self.ids.len()).rev() {
            let above = self.up[0][slot] as usize;
            self.sums[above] += self.sums[slot];
        }
        self.ids
            .iter()
            .zip(&self.sums)
            .skip(1)
            .filter(|(_, n)| **n > 0)
            .map(|(&id, &n)| (id, n as u64))
            .collect()
    }

    /// Whether slot `a` is `b` or above it.
    fn holds(&self, a: u32, b: u32) -> bool {
        a <= b && b <= self.end[a as usize]
    }

    /// The lowest slot that is or is above both `a` and `b`.
    fn meet(&self, mut a: u32, b: u32) -> u32 {
        if self.holds(a, b) {
            return a;
        }
        for level in self.up.iter().rev() {
            let above = level[a as usize];
            if !self.holds(above, b) {
                a = above;
            }
        }
        self.up[0][a as usize]
    }
}
