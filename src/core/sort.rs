//! One sort for the whole app, small in WebAssembly. The standard library's sorts are
//! generic: each element type and comparison gets its own copy of a fast, large algorithm
//! (about 3 KB of wasm each, twenty copies in the app). Here the algorithm — a stable,
//! natural merge sort (the runs already in order merged pairwise), O(n log n) — exists once, over positions, calling the comparison
//! through a `dyn` reference; the generic part that remains per type is a comparison shim
//! and the moving of elements into their sorted order.

use std::cmp::Ordering;

/// The positions `0..n` in stable sorted order by `less(a, b)`: "position a sorts before b".
/// The runs already in order are found first and merged pairwise, so a list in order (most
/// are: mentions found in text order) takes one pass, and a few runs a few.
fn order(n: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    // where each run in order ends
    let mut ends: Vec<usize> = (1..n).filter(|&i| less(i, i - 1)).collect();
    ends.push(n);
    if ends.len() < 2 {
        return a;
    }
    let mut b = vec![0; n];
    while ends.len() > 1 {
        let mut merged = Vec::with_capacity(ends.len() / 2 + 1);
        let mut start = 0;
        for pair in ends.chunks(2) {
            let mid = pair[0];
            let end = pair.get(1).copied().unwrap_or(mid);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                // take from the right only when strictly less: equal elements keep their order
                if less(a[j], a[i]) {
                    b[k] = a[j];
                    j += 1;
                } else {
                    b[k] = a[i];
                    i += 1;
                }
                k += 1;
            }
            b[k..k + mid - i].copy_from_slice(&a[i..mid]);
            k += mid - i;
            b[k..k + end - j].copy_from_slice(&a[j..end]);
            merged.push(end);
            start = end;
        }
        std::mem::swap(&mut a, &mut b);
        ends = merged;
    }
    a
}

/// Moves the elements of `v` so that `v[i]` becomes the old `v[order[i]]` (cycle by cycle,
/// with swaps: no copies of elements).
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..v.len() {
        let mut i = start;
        while order[i] != start {
            let next = order[i];
            v.swap(i, next);
            order[i] = i;
            i = next;
        }
        order[i] = i;
    }
}

/// Sorts `v` stably by `cmp`, like `slice::sort_by`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let o = order(v.len(), &mut |a, b| cmp(&v[a], &v[b]) == Ordering::Less);
    permute(v, o);
}

/// Sorts `v` stably by a key, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably, like `slice::sort`.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_equal_elements_in_order() {
        let mut seed = 7u64;
        for n in [0, 1, 2, 3, 5, 8, 17, 64, 100, 1000] {
            let v: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut mine = v.clone();
            sort_by_key(&mut mine, |p| p.0);
            let mut std = v.clone();
            std.sort_by_key(|p| p.0);
            assert_eq!(mine, std, "n = {n}");
            let mut words: Vec<String> = v.iter().map(|p| format!("{}{}", p.0, p.1 % 3)).collect();
            let mut expect = words.clone();
            sort(&mut words);
            expect.sort();
            assert_eq!(words, expect);
        }
        // in order already, in runs, backwards: stable all the same
        for n in [2, 3, 50, 257] {
            let sorted: Vec<(usize, usize)> = (0..n).map(|i| (i / 3, i)).collect();
            let runs: Vec<(usize, usize)> = (0..n).map(|i| ((i * 7) % 5 + i % 4, i)).collect();
            let back: Vec<(usize, usize)> = (0..n).map(|i| ((n - i) / 2, i)).collect();
            for v in [sorted, runs, back] {
                let mut mine = v.clone();
                sort_by_key(&mut mine, |p| p.0);
                let mut std = v.clone();
                std.sort_by_key(|p| p.0);
                assert_eq!(mine, std, "n = {n}");
            }
        }
    }
}
