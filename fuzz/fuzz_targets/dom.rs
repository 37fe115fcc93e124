//! Any bytes through the HTML tokenizer and tree builder alone (thousands of times faster
//! than the `html` target, so it reaches deep tag soup): never a panic, and the tree's
//! invariants hold — every node lies inside its parent's subtree, the open/close walk is
//! balanced, and no element nests deeper than the cap.
#![no_main]
use herald_core::clean::dom::{Document, Edge};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let doc = Document::parse(&html);
    let mut depth = 0usize;
    let mut seen = 0usize;
    for edge in doc.edges() {
        match edge {
            Edge::Open(n) => {
                seen += 1;
                if let Some(p) = n.parent() {
                    assert!(p.id() < n.id());
                    assert!(p.descendants().any(|d| d.id() == n.id()));
                }
                if n.element().is_some() {
                    depth += 1;
                    assert!(depth <= 1_001);
                }
            }
            Edge::Close(_) => depth -= 1,
        }
    }
    assert_eq!(depth, 0);
    assert_eq!(seen, doc.len());
});
