//! Stable sorting through one comparator type, so the standard library's sort is compiled
//! into the wasm once per element type instead of once per call site.
//!
//! `sort_by` and `sort_by_key` are generic over their closure, and each instantiation
//! brings its own copy of the merge sort and its helpers (about 3 kB of wasm). Sorting
//! through a `&dyn Fn` comparator costs an indirect call per comparison, which is nothing
//! next to the comparisons themselves here (they look up counts and names).

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut [T], compare: &dyn Fn(&T, &T) -> Ordering) {
    items.sort_by(|a, b| compare(a, b));
}

/// Sorts `items` stably by the key `key` gives, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, &|a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_keep_their_order_as_the_standard_library_does() {
        // Pairs of (key, position): many ties, in a scrambled order.
        let items: Vec<(u8, u16)> = (0..200u16).map(|i| (((i * 37) % 7) as u8, i)).collect();
        let mut expected = items.clone();
        expected.sort_by_key(|x| x.0);
        let mut sorted = items.clone();
        sort_by_key(&mut sorted, |x| x.0);
        assert_eq!(sorted, expected);
        let mut reversed = items;
        sort_by(&mut reversed, &|a, b| b.0.cmp(&a.0));
        expected.sort_by_key(|x| std::cmp::Reverse(x.0));
        assert_eq!(reversed, expected);
    }
}
