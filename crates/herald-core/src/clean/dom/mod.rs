//! A compact HTML document tree, built for reading news pages fast.
//!
//! [`Document::parse`] tokenizes the page ([`tokenizer`]) and builds the tree with the
//! HTML tree-construction rules that decide *which element a piece of text belongs
//! to* ([`tree`]): implied end tags (`<p>` closed by the next block, `<li>` by the next
//! item, table cells and rows), void elements, end tags that match nothing, `<head>`
//! closed by the first body content, and a depth cap for hostile pages. It leaves out
//! what only changes rendering — re-opening formatting elements, foster parenting of
//! table text, the adoption agency — so the tree is append-only and stored flat.
//!
//! Layout: nodes in document order (pre-order) in one `Vec`; an element's subtree is
//! the contiguous range `id + 1 .. end`, so descendants, subtree text and the
//! open/close walk need no pointers and no recursion. Tag names (lower case),
//! attribute names and values (decoded) and text (decoded) live back to back in one
//! `String`. A page costs a handful of allocations, not one per node.

mod tokenizer;
mod tree;

pub use tree::closes_p as is_block_level;

#[cfg(test)]
mod tests;

/// The expansion of the named character reference `&name;` from the WHATWG table
/// (2,231 names, through `htmlize`): the one entity table of the engine.
pub fn named_entity(name: &str) -> Option<&'static str> {
    // Entity names are at most 31 ASCII letters and digits.
    if name.len() > 32 || !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let mut key = [0u8; 34];
    key[0] = b'&';
    key[1..=name.len()].copy_from_slice(name.as_bytes());
    key[name.len() + 1] = b';';
    let value: &'static [u8] = htmlize::ENTITIES.get(&key[..name.len() + 2])?;
    std::str::from_utf8(value).ok()
}

/// A span of [`Document::strings`].
#[derive(Debug, Clone, Copy, Default)]
struct Str {
    start: u32,
    len: u32,
}

#[derive(Debug, Clone, Copy)]
enum Data {
    Element {
        name: Str,
        /// `attrs[first..first + count]`.
        first_attr: u32,
        attr_count: u32,
    },
    Text(Str),
}

#[derive(Debug, Clone, Copy)]
struct NodeData {
    /// `u32::MAX` at the top level.
    parent: u32,
    /// One past the last node of the subtree.
    end: u32,
    data: Data,
}

#[derive(Debug, Clone, Copy)]
struct Attr {
    name: Str,
    value: Str,
}

/// A parsed HTML page.
#[derive(Debug, Default)]
pub struct Document {
    nodes: Vec<NodeData>,
    attrs: Vec<Attr>,
    strings: String,
}

/// Identifies a node of one [`Document`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(u32);

/// A node and the document it belongs to.
#[derive(Clone, Copy)]
pub struct NodeRef<'d> {
    doc: &'d Document,
    id: u32,
}

/// What a node is.
pub enum Value<'d> {
    Element(Element<'d>),
    Text(&'d str),
}

/// An element: its tag name and attributes.
#[derive(Clone, Copy)]
pub struct Element<'d> {
    doc: &'d Document,
    name: Str,
    first_attr: u32,
    attr_count: u32,
}

/// A step of the document-order walk: entering a node, or leaving an element.
pub enum Edge<'d> {
    Open(NodeRef<'d>),
    Close(NodeRef<'d>),
}

impl Document {
    /// Parses a whole page. Never fails: any bytes make some tree.
    pub fn parse(html: &str) -> Document {
        tree::build(html)
    }

    fn str(&self, s: Str) -> &str {
        let start = s.start as usize;
        self.strings
            .get(start..start + s.len as usize)
            .unwrap_or_default()
    }

    /// Number of nodes (elements and text runs).
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn node(&self, id: NodeId) -> NodeRef<'_> {
        NodeRef {
            doc: self,
            id: id.0,
        }
    }

    /// Every node in document order.
    pub fn nodes(&self) -> impl Iterator<Item = NodeRef<'_>> {
        (0..self.nodes.len() as u32).map(move |id| NodeRef { doc: self, id })
    }

    /// Every node in document order, with a [`Edge::Close`] after each element's
    /// subtree — the shape of a recursive walk without recursion.
    pub fn edges(&self) -> Edges<'_> {
        Edges {
            doc: self,
            next: 0,
            open: Vec::new(),
        }
    }
}

impl<'d> NodeRef<'d> {
    pub fn id(&self) -> NodeId {
        NodeId(self.id)
    }

    fn data(&self) -> &'d NodeData {
        &self.doc.nodes[self.id as usize]
    }

    pub fn value(&self) -> Value<'d> {
        match self.data().data {
            Data::Element {
                name,
                first_attr,
                attr_count,
            } => Value::Element(Element {
                doc: self.doc,
                name,
                first_attr,
                attr_count,
            }),
            Data::Text(s) => Value::Text(self.doc.str(s)),
        }
    }

    /// The element's data, or `None` for text.
    pub fn element(&self) -> Option<Element<'d>> {
        match self.value() {
            Value::Element(e) => Some(e),
            Value::Text(_) => None,
        }
    }

    pub fn parent(&self) -> Option<NodeRef<'d>> {
        let p = self.data().parent;
        (p != u32::MAX).then_some(NodeRef {
            doc: self.doc,
            id: p,
        })
    }

    /// Parent, grandparent, … up to the top.
    pub fn ancestors(&self) -> impl Iterator<Item = NodeRef<'d>> {
        std::iter::successors(self.parent(), NodeRef::parent)
    }

    /// The subtree below this node, in document order.
    pub fn descendants(&self) -> impl Iterator<Item = NodeRef<'d>> {
        let doc = self.doc;
        (self.id + 1..self.data().end).map(move |id| NodeRef { doc, id })
    }

    /// Direct children, in order.
    pub fn children(&self) -> impl Iterator<Item = NodeRef<'d>> {
        let doc = self.doc;
        let end = self.data().end;
        let mut next = self.id + 1;
        std::iter::from_fn(move || {
            if next >= end {
                return None;
            }
            let node = NodeRef { doc, id: next };
            next = doc.nodes[next as usize].end;
            Some(node)
        })
    }

    /// Text runs of the subtree, in order.
    pub fn texts(&self) -> impl Iterator<Item = &'d str> {
        self.descendants().filter_map(|n| match n.value() {
            Value::Text(t) => Some(t),
            Value::Element(_) => None,
        })
    }
}

impl<'d> Element<'d> {
    /// Tag name, lower case.
    pub fn name(&self) -> &'d str {
        self.doc.str(self.name)
    }

    /// Value of the attribute `name` (give it in lower case), entities decoded.
    pub fn attr(&self, name: &str) -> Option<&'d str> {
        let first = self.first_attr as usize;
        self.doc.attrs[first..first + self.attr_count as usize]
            .iter()
            .find(|a| self.doc.str(a.name) == name)
            .map(|a| self.doc.str(a.value))
    }
}

/// Iterator of [`Document::edges`].
pub struct Edges<'d> {
    doc: &'d Document,
    next: u32,
    open: Vec<u32>,
}

impl<'d> Iterator for Edges<'d> {
    type Item = Edge<'d>;

    fn next(&mut self) -> Option<Edge<'d>> {
        let doc = self.doc;
        if let Some(&top) = self.open.last() {
            if doc.nodes[top as usize].end <= self.next {
                self.open.pop();
                return Some(Edge::Close(NodeRef { doc, id: top }));
            }
        }
        let id = self.next;
        let node = doc.nodes.get(id as usize)?;
        self.next += 1;
        if matches!(node.data, Data::Element { .. }) {
            self.open.push(id);
        }
        Some(Edge::Open(NodeRef { doc, id }))
    }
}
