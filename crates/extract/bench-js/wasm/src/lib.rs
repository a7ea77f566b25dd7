//! The extractor as a bare WebAssembly module for timing from JavaScript: the host asks for an
//! input buffer of `len` bytes, writes the article's bytes into it, and calls `run`, which
//! extracts and returns the number of metrics found.

use std::cell::RefCell;

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Returns a pointer to a zeroed buffer of `len` bytes for the host to fill.
#[no_mangle]
pub extern "C" fn input(len: usize) -> *mut u8 {
    INPUT.with(|b| {
        let mut b = b.borrow_mut();
        b.clear();
        b.resize(len, 0);
        b.as_mut_ptr()
    })
}

/// Extracts the buffer's text (lossily decoded) and returns the number of metrics.
#[no_mangle]
pub extern "C" fn run() -> u32 {
    INPUT.with(|b| {
        let b = b.borrow();
        let (source, _) = extract::Source::from_bytes("input.txt", &b);
        let corpus = extract::extract(&[source]);
        u32::try_from(corpus.metrics.len()).unwrap_or(u32::MAX)
    })
}
