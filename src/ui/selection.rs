//! Which photos are selected, as in every photo browser: click selects one,
//! Ctrl-click toggles, Shift-click selects a range from the anchor, arrows
//! move the focus (Shift extends), Ctrl-A selects all. Photos are held by
//! id, so a selection survives a refreshed result.

use std::collections::{HashMap, HashSet};

use crate::photo::PhotoId;

#[derive(Debug, Default, Clone)]
pub struct Selection {
    selected: HashSet<PhotoId>,
    /// The photo the inspector shows and arrows move from.
    focus: Option<PhotoId>,
    /// Where a Shift-click range starts.
    anchor: Option<PhotoId>,
}

/// The current result's order, for ranges and arrows.
#[derive(Debug, Default)]
pub struct Order {
    ids: Vec<PhotoId>,
    index: HashMap<PhotoId, usize>,
}

impl Order {
    pub fn new(ids: Vec<PhotoId>) -> Self {
        let index = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        Self { ids, index }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<PhotoId> {
        self.ids.get(i).copied()
    }

    pub fn position(&self, id: PhotoId) -> Option<usize> {
        self.index.get(&id).copied()
    }

    pub fn ids(&self) -> &[PhotoId] {
        &self.ids
    }
}

impl Selection {
    pub fn is_selected(&self, id: PhotoId) -> bool {
        self.selected.contains(&id)
    }

    pub fn focus(&self) -> Option<PhotoId> {
        self.focus
    }

    pub fn len(&self) -> usize {
        self.selected.len()
    }

    pub fn is_empty(&self) -> bool {
        self.selected.is_empty()
    }

    /// The selected photos in result order, the focused one first.
    pub fn in_order(&self, order: &Order) -> Vec<PhotoId> {
        let mut ids: Vec<PhotoId> = self.selected.iter().copied().collect();
        ids.sort_by_key(|id| order.position(*id).unwrap_or(usize::MAX));
        if let Some(f) = self.focus
            && let Some(at) = ids.iter().position(|i| *i == f)
        {
            let focused = ids.remove(at);
            ids.insert(0, focused);
        }
        ids
    }

    /// The selected photos in result order (as the grid shows them).
    pub fn in_result_order(&self, order: &Order) -> Vec<PhotoId> {
        let mut ids: Vec<PhotoId> = self.selected.iter().copied().collect();
        ids.sort_by_key(|id| order.position(*id).unwrap_or(usize::MAX));
        ids
    }

    /// A click on the photo at `index`, with Shift and Ctrl (Cmd) as held.
    pub fn click(&mut self, order: &Order, index: usize, shift: bool, toggle: bool) {
        let Some(id) = order.get(index) else { return };
        if shift {
            let from = self.anchor.and_then(|a| order.position(a)).unwrap_or(index);
            let (lo, hi) = (from.min(index), from.max(index));
            if !toggle {
                self.selected.clear();
            }
            self.selected.extend((lo..=hi).filter_map(|i| order.get(i)));
        } else if toggle {
            if !self.selected.remove(&id) {
                self.selected.insert(id);
            }
            self.anchor = Some(id);
        } else {
            self.selected.clear();
            self.selected.insert(id);
            self.anchor = Some(id);
        }
        self.focus = Some(id);
    }

    /// Selects exactly one photo.
    pub fn only(&mut self, id: PhotoId) {
        self.selected.clear();
        self.selected.insert(id);
        self.focus = Some(id);
        self.anchor = Some(id);
    }

    pub fn select_all(&mut self, order: &Order) {
        self.selected = order.ids().iter().copied().collect();
        if self.focus.is_none() {
            self.focus = order.get(0);
        }
    }

    pub fn clear(&mut self) {
        self.selected.clear();
        self.focus = None;
        self.anchor = None;
    }

    /// Moves the focus by `delta` places (arrows: ±1 across, ±columns down);
    /// with `extend` the selection grows from the anchor, otherwise it
    /// follows the focus. Returns the new focus index.
    pub fn step(&mut self, order: &Order, delta: isize, extend: bool) -> Option<usize> {
        if order.is_empty() {
            return None;
        }
        let current = self.focus.and_then(|f| order.position(f));
        let next = match current {
            Some(i) => (i as isize + delta).clamp(0, order.len() as isize - 1) as usize,
            None => 0,
        };
        if extend {
            self.click(order, next, true, false);
        } else {
            self.click(order, next, false, false);
        }
        Some(next)
    }

    /// Drops photos no longer in the result.
    pub fn retain(&mut self, order: &Order) {
        self.selected.retain(|id| order.position(*id).is_some());
        if self.focus.is_some_and(|f| order.position(f).is_none()) {
            self.focus = self.selected.iter().next().copied();
        }
        if self.anchor.is_some_and(|a| order.position(a).is_none()) {
            self.anchor = self.focus;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(n: i64) -> Order {
        Order::new((1..=n).map(PhotoId).collect())
    }

    fn ids(s: &Selection, o: &Order) -> Vec<i64> {
        let mut v: Vec<i64> = s.in_order(o).iter().map(|i| i.0).collect();
        v.sort();
        v
    }

    #[test]
    fn click_shift_click_and_ctrl_click() {
        let o = order(10);
        let mut s = Selection::default();
        s.click(&o, 2, false, false);
        assert_eq!(ids(&s, &o), [3]);
        s.click(&o, 5, true, false);
        assert_eq!(ids(&s, &o), [3, 4, 5, 6]);
        s.click(&o, 8, false, true);
        assert_eq!(ids(&s, &o), [3, 4, 5, 6, 9]);
        s.click(&o, 3, false, true);
        assert_eq!(ids(&s, &o), [3, 5, 6, 9]);
        assert_eq!(s.focus(), Some(PhotoId(4)));
        // The focus leads the selection when it is selected.
        s.click(&o, 5, false, true);
        s.click(&o, 5, false, true);
        assert_eq!(s.in_order(&o)[0], PhotoId(6));
    }

    #[test]
    fn arrows_move_and_shift_arrows_extend() {
        let o = order(10);
        let mut s = Selection::default();
        assert_eq!(s.step(&o, 1, false), Some(0));
        assert_eq!(s.step(&o, 4, false), Some(4));
        assert_eq!(ids(&s, &o), [5]);
        s.step(&o, 1, true);
        s.step(&o, 1, true);
        assert_eq!(ids(&s, &o), [5, 6, 7]);
        assert_eq!(s.step(&o, 100, false), Some(9));
        assert_eq!(s.step(&o, -100, false), Some(0));
    }

    #[test]
    fn select_all_and_retain() {
        let o = order(5);
        let mut s = Selection::default();
        s.select_all(&o);
        assert_eq!(s.len(), 5);
        s.retain(&Order::new(vec![PhotoId(2), PhotoId(4)]));
        assert_eq!(s.len(), 2);
    }
}
