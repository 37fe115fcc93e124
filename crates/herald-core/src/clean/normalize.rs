//! Character-level normalisation of one line: the same for plain text and for the text
//! of HTML paragraphs, so both give identical clean text for identical prose.

/// Normalises one line (no `\n` inside): drops inline ad placeholders (`[ad_1]`),
/// decodes the HTML entities scrapers leave in "plain" text (`&amp;`, `&#8217;`),
/// turns exotic spaces (tab, no-break, thin, ideographic) into plain spaces, removes
/// invisible characters (zero-width space, soft hyphen, BOM, control characters),
/// collapses runs of spaces and trims. Zero-width *joiners* are kept: Persian and
/// Indic spelling needs them.
pub fn normalize_line(line: &str, out: &mut String) {
    out.clear();
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut pending_space = false;
    while i < line.len() {
        let b = bytes[i];
        // A run of plain printable ASCII (most of any English text) is copied whole;
        // char-by-char pushing was a measurable share of the clean stage.
        if b.is_ascii_graphic() && b != b'[' && b != b'&' {
            let run = bytes[i..]
                .iter()
                .position(|&b| !b.is_ascii_graphic() || b == b'[' || b == b'&')
                .map_or(bytes.len(), |n| i + n);
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push_str(&line[i..run]);
            i = run;
            continue;
        }
        if b == b'[' {
            if let Some(len) = ad_placeholder_len(&bytes[i..]) {
                i += len;
                pending_space = true;
                continue;
            }
        }
        if b == b'&' {
            if let Some((c, len)) = entity(&line[i..]) {
                push_char(c, out, &mut pending_space);
                i += len;
                continue;
            }
        }
        let c = line[i..].chars().next().unwrap_or(' ');
        push_char(c, out, &mut pending_space);
        i += c.len_utf8();
    }
}

fn push_char(c: char, out: &mut String, pending_space: &mut bool) {
    match c {
        ' '
        | '\t'
        | '\r'
        | '\n'
        | '\u{a0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200a}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{202f}'
        | '\u{205f}'
        | '\u{3000}' => *pending_space = true,
        '\u{200b}' | '\u{feff}' | '\u{ad}' | '\u{2060}' => {}
        c if c.is_control() => {}
        c => {
            if *pending_space && !out.is_empty() {
                out.push(' ');
            }
            *pending_space = false;
            out.push(c);
        }
    }
}

/// Length of an ad placeholder at the start of `s`: `[ad]`, `[ad_1]`, `[ad-2]`,
/// `[AD 3]` — the shortcodes WordPress ad plugins leave in scraped text.
fn ad_placeholder_len(s: &[u8]) -> Option<usize> {
    if s.len() < 4 || !s[1].eq_ignore_ascii_case(&b'a') || !s[2].eq_ignore_ascii_case(&b'd') {
        return None;
    }
    let mut i = 3;
    if matches!(s.get(i), Some(b'_' | b'-' | b' ')) {
        i += 1;
        let digits = s[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        i += digits;
    }
    (s.get(i) == Some(&b']')).then_some(i + 1)
}

/// Decodes one HTML entity at the start of `s`: the named ones that occur in news
/// text, and all numeric ones. Anything else (`AT&T`, `R&D`) is left as it is.
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.as_bytes().iter().take(10).position(|&b| b == b';')?;
    let name = &s[1..end];
    let c = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code)?
    } else {
        match name {
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            "lt" => '<',
            "gt" => '>',
            "nbsp" => ' ',
            "rsquo" => '’',
            "lsquo" => '‘',
            "rdquo" => '”',
            "ldquo" => '“',
            "mdash" => '—',
            "ndash" => '–',
            "hellip" => '…',
            _ => return None,
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        let mut out = String::new();
        normalize_line(s, &mut out);
        out
    }

    #[test]
    fn ad_placeholders_vanish_even_mid_sentence() {
        assert_eq!(
            norm("Police said [ad_1] the march was  illegal. [ad_2]"),
            "Police said the march was illegal."
        );
        assert_eq!(norm("[ad]Troops moved in."), "Troops moved in.");
        // Not a placeholder: kept.
        assert_eq!(norm("the [admin] said [ad_x]"), "the [admin] said [ad_x]");
    }

    #[test]
    fn spaces_are_collapsed_and_invisibles_removed() {
        assert_eq!(
            norm("\t KHARTOUM\u{a0}(Reuters)\u{200b} -  Sudan's\u{ad} army  "),
            "KHARTOUM (Reuters) - Sudan's army"
        );
    }

    #[test]
    fn entities_left_by_scrapers_are_decoded() {
        assert_eq!(
            norm("AT&T &amp; Kenya&#8217;s &quot;calm&quot; &#x2014; R&D"),
            "AT&T & Kenya’s \"calm\" — R&D"
        );
    }
}
