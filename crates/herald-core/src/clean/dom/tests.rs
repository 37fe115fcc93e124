use super::tokenizer::{tokenize, Token};
use super::{Document, Edge, Value};

/// The tree as a compact string: `name(children)` for elements, `"text"` for text.
fn shape(html: &str) -> String {
    let doc = Document::parse(html);
    let mut out = String::new();
    for edge in doc.edges() {
        match edge {
            Edge::Open(n) => match n.value() {
                Value::Element(e) => {
                    out.push_str(e.name());
                    out.push('(');
                }
                Value::Text(t) => {
                    out.push('"');
                    out.push_str(t);
                    out.push('"');
                }
            },
            Edge::Close(_) => out.push(')'),
        }
    }
    out
}

#[test]
fn paragraphs_and_items_close_themselves() {
    assert_eq!(
        shape("<div><p>One<p>Two<div>Three</div></div>"),
        r#"div(p("One")p("Two")div("Three"))"#
    );
    assert_eq!(
        shape("<ul><li>a<li>b<ul><li>c</ul><li>d</ul>"),
        r#"ul(li("a")li("b"ul(li("c")))li("d"))"#
    );
    assert_eq!(
        shape("<table><tr><td>1<td>2<tr><td>3</table>after"),
        r#"table(tr(td("1")td("2"))tr(td("3")))"after""#
    );
    assert_eq!(
        shape("<dl><dt>term<dd>def<dt>t2</dl>"),
        r#"dl(dt("term")dd("def")dt("t2"))"#
    );
    // Table parts outside a table are ignored; their text stays.
    assert_eq!(
        shape("<p class=d><caption>Slide text.</caption></p>"),
        r#"p("Slide text.")"#
    );
}

#[test]
fn end_tags_that_match_nothing_are_ignored_or_stay_inside_their_block() {
    // A stray `</span>` does not close the div; a stray `</p>` is an empty paragraph.
    assert_eq!(shape("<div>a</span>b</div>"), r#"div("ab")"#);
    assert_eq!(shape("<div>a</p>b</div>"), r#"div("a"p()"b")"#);
    // An inline element left open is closed by its block's end tag.
    assert_eq!(shape("<div><b>bold</div>x"), r#"div(b("bold"))"x""#);
    // `<div><p>text</div>` closes both.
    assert_eq!(shape("<div><p>text</div>tail"), r#"div(p("text"))"tail""#);
}

#[test]
fn void_elements_and_self_closing_syntax() {
    assert_eq!(
        shape("<p>a<br>b<img src=x>c</p>"),
        r#"p("a"br()"b"img()"c")"#
    );
    // `/>` means nothing on an HTML element …
    assert_eq!(shape("<div/>inside</div>"), r#"div("inside")"#);
    // … but closes an SVG one.
    assert_eq!(
        shape("<svg><path d='M0'/><title>icon</title></svg>text"),
        r#"svg(path()title("icon"))"text""#
    );
    assert_eq!(shape("<p>a</br>b</p>"), r#"p("a"br()"b")"#);
}

#[test]
fn an_unclosed_svg_icon_does_not_swallow_the_article() {
    // Icon markup that forgets `</svg>`: the block's end tag, or the next HTML
    // paragraph, ends the SVG.
    assert_eq!(
        shape("<div><svg><use href='#i'></div><h3>Question</h3>"),
        r#"div(svg(use()))h3("Question")"#
    );
    assert_eq!(
        shape("<span><svg><use href='#i'/></span><p>Answer</p>"),
        r#"span(svg(use()))p("Answer")"#
    );
    // An SVG `<title/>` is an element, not the start of a page title.
    assert_eq!(
        shape("<a><svg><title/><path d='M0'/></svg></a><p>Body</p>"),
        r#"a(svg(title()path()))p("Body")"#
    );
}

#[test]
fn head_closes_at_the_first_body_content() {
    assert_eq!(
        shape("<html><head><title>T</title><meta name=x content=y><p>Body text"),
        r#"html(head(title("T")meta())p("Body text"))"#
    );
    assert_eq!(
        shape("<head><title>T</title></head><body><p>x</p></body><p>after body</p>"),
        r#"head(title("T"))body(p("x")p("after body"))"#
    );
}

#[test]
fn scripts_styles_and_comments_are_not_markup() {
    assert_eq!(
        shape("<p>a<script>if (x < 1 && y) { s = '</p>'; }</script>b</p>"),
        r#"p("a"script("if (x < 1 && y) { s = '</p>'; }")"b")"#
    );
    assert_eq!(shape("<style>p>a{}</STYLE >x"), r#"style("p>a{}")"x""#);
    assert_eq!(shape("a<!-- <p>hidden</p> -->b"), r#""ab""#);
    assert_eq!(shape("a<!-->b"), r#""ab""#);
    assert_eq!(shape("<!DOCTYPE html><?xml version='1.0'?>x"), r#""x""#);
    // Unterminated: the script runs to the end; the comment swallows the rest.
    assert_eq!(shape("<script>var a"), r#"script("var a")"#);
    assert_eq!(shape("x<!-- open"), r#""x""#);
}

#[test]
fn entities_are_decoded_in_text_and_attributes_but_not_in_scripts() {
    let doc = Document::parse(
        "<p title=\"Tom &amp; Jerry\">caf&eacute; &mdash; 5&nbsp;km &#8217;s &copy &bogus;</p><script>a&amp;b</script>",
    );
    let p = doc.node(super::NodeId(0));
    let e = p.element().unwrap();
    assert_eq!(e.attr("title"), Some("Tom & Jerry"));
    let text: String = p.texts().collect();
    assert_eq!(text, "café — 5\u{a0}km ’s © &bogus;");
    let script: String = doc.node(super::NodeId(2)).texts().collect();
    assert_eq!(script, "a&amp;b");
}

#[test]
fn attributes_quoted_bare_duplicated_and_odd() {
    let doc = Document::parse(
        "<DIV CLASS='story body' id=main data-x=\"a>b\" hidden class=second>t</DIV>",
    );
    let e = doc.node(super::NodeId(0)).element().unwrap();
    assert_eq!(e.name(), "div");
    assert_eq!(e.attr("class"), Some("story body"));
    assert_eq!(e.attr("id"), Some("main"));
    assert_eq!(e.attr("data-x"), Some("a>b"));
    assert_eq!(e.attr("hidden"), Some(""));
    assert_eq!(e.attr("style"), None);
}

#[test]
fn lone_angle_brackets_are_text() {
    assert_eq!(
        shape("<p>a < b and c<3 </ p> d"),
        r#"p("a < b and c<3  d")"#
    );
    assert_eq!(shape("x <"), r#""x <""#);
    assert_eq!(shape("x </"), r#""x </""#);
}

#[test]
fn a_tag_cut_off_by_the_end_of_the_file_is_dropped() {
    assert_eq!(shape("<p>text<a href=\"http://x"), r#"p("text")"#);
    assert_eq!(shape("<p>text<a"), r#"p("text")"#);
}

#[test]
fn a_new_link_ends_an_unclosed_one() {
    assert_eq!(
        shape("<p><a href=1>one<a href=2>two</p>"),
        r#"p(a("one")a("two"))"#
    );
}

#[test]
fn nesting_is_capped_without_losing_text() {
    let depth = 100_000;
    let html = format!(
        "{}deep text{}after",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let doc = Document::parse(&html);
    assert_eq!(doc.len(), super::tree::MAX_DEPTH + 2);
    let texts: Vec<&str> = doc.node(super::NodeId(0)).texts().collect();
    assert_eq!(texts, vec!["deep text"]);
    // "after" comes after every div is closed.
    let last = doc.node(super::NodeId(doc.len() as u32 - 1));
    assert!(last.parent().is_none());
}

#[test]
fn line_endings_become_line_feeds() {
    assert_eq!(shape("<pre>a\r\nb\rc</pre>"), "pre(\"a\nb\nc\")");
}

#[test]
fn any_bytes_make_a_tree() {
    for html in [
        "",
        "<",
        "</",
        "<!",
        "<!-",
        "<a b='",
        "<a b=",
        "<a =x>",
        "</a b='>'>x",
        "<plaintext><p>all text",
        "<textarea>&lt;b&gt;</textarea>",
        "\u{feff}<p>é</p>",
        "<p\u{e9}>x",
    ] {
        let doc = Document::parse(html);
        for edge in doc.edges() {
            if let Edge::Open(n) = edge {
                let _ = n.value();
            }
        }
    }
    assert_eq!(
        shape("<plaintext><p>all text"),
        r#"plaintext("<p>all text")"#
    );
    assert_eq!(
        shape("<textarea>&lt;b&gt;</textarea>"),
        r#"textarea("<b>")"#
    );
}

#[test]
fn tokens_in_order() {
    let mut seen = Vec::new();
    tokenize("<p class=a>x</p>", |t| {
        seen.push(match t {
            Token::Start { name, attrs, .. } => format!("<{name} {}>", attrs.len()),
            Token::End { name } => format!("</{name}>"),
            Token::Text { text, .. } => text.to_string(),
        });
        false
    });
    assert_eq!(seen, ["<p 1>", "x", "</p>"]);
}

#[test]
fn named_entities_come_from_the_whatwg_table() {
    use super::named_entity;
    assert_eq!(named_entity("eacute"), Some("é"));
    assert_eq!(named_entity("CounterClockwiseContourIntegral"), Some("∳"));
    assert_eq!(named_entity("zcaron"), Some("ž"));
    assert_eq!(named_entity("bogus"), None);
    assert_eq!(named_entity("amp;x"), None);
    assert_eq!(named_entity(""), None);
}
