use super::*;

/// The sentences of `text` as strings, for readable assertions.
fn split(text: &str) -> Vec<&str> {
    sentences(text)
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect()
}

fn tokens(text: &str) -> Vec<&str> {
    sentences(text)
        .iter()
        .flat_map(|s| {
            s.tokens
                .iter()
                .map(|t| &text[t.start..t.end])
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn wire_copy_with_abbreviations_and_quotes() {
    let text = "Kenya police fire tear gas at opposition protesters\n\n\
NAIROBI, Kenya (AP) — Police in Kenya's capital fired tear gas at supporters of opposition \
leader Raila Odinga on Monday, Oct. 10, as U.S. Ambassador Meg Whitman urged calm. \
\"We will not back down,\" Odinga told reporters at 11 a.m. local time.\n\n\
Sen. Moses Wetang'ula said the protests were illegal. \"We are ready.\" Interior Minister \
Kithure Kindiki, speaking after a meeting with Gen. Francis Ogolla, said Mr. Odinga's \
supporters had looted shops.";
    assert_eq!(
        split(text),
        [
            "Kenya police fire tear gas at opposition protesters",
            "NAIROBI, Kenya (AP) — Police in Kenya's capital fired tear gas at supporters of \
opposition leader Raila Odinga on Monday, Oct. 10, as U.S. Ambassador Meg Whitman urged calm.",
            "\"We will not back down,\" Odinga told reporters at 11 a.m. local time.",
            "Sen. Moses Wetang'ula said the protests were illegal.",
            "\"We are ready.\"",
            "Interior Minister Kithure Kindiki, speaking after a meeting with Gen. Francis \
Ogolla, said Mr. Odinga's supporters had looted shops.",
        ]
    );
    let paragraphs: Vec<usize> = sentences(text).iter().map(|s| s.paragraph).collect();
    assert_eq!(paragraphs, [0, 1, 1, 2, 2, 2]);
}

#[test]
fn a_closing_quote_after_the_final_period_belongs_to_the_sentence_it_ends() {
    let text = "The minister said: \"The ceasefire holds.\" Fighting resumed in Khartoum.";
    assert_eq!(
        split(text),
        [
            "The minister said: \"The ceasefire holds.\"",
            "Fighting resumed in Khartoum."
        ]
    );
    let curly = "“Why now?” he asked. “Because the army moved first.”";
    assert_eq!(
        split(curly),
        ["“Why now?” he asked.", "“Because the army moved first.”"]
    );
}

#[test]
fn initials_titles_and_dotted_names_do_not_end_sentences() {
    let text = "Former President John F. Kennedy visited St. Louis in Sept. 1960. \
The U.N. Security Council met at 3 p.m. Officials from Acme Corp. and Smith Jr. attended, \
e.g. delegates from the U.K. and the U.S. They left at 5 p.m. on Friday.";
    assert_eq!(
        split(text),
        [
            "Former President John F. Kennedy visited St. Louis in Sept. 1960.",
            "The U.N. Security Council met at 3 p.m.",
            "Officials from Acme Corp. and Smith Jr. attended, e.g. delegates from the U.K. \
and the U.S.",
            "They left at 5 p.m. on Friday.",
        ]
    );
}

#[test]
fn sentences_never_cross_a_paragraph_boundary() {
    // No final period before the blank line (a subhead), and a lower-case start after it.
    let text = "Troops withdraw from the border\n\nbut residents say the shelling goes on";
    let s = sentences(text);
    assert_eq!(s.len(), 2);
    assert_eq!((s[0].paragraph, s[1].paragraph), (0, 1));
    // Several blank lines, or lines holding only spaces, are one separator.
    let text = "First.\n\n\n  \nSecond.\nStill second.";
    let s = sentences(text);
    assert_eq!(split(text), ["First.", "Second.", "Still second."]);
    assert_eq!(s.iter().map(|s| s.paragraph).collect::<Vec<_>>(), [0, 1, 1]);
}

#[test]
fn question_marks_exclamations_and_ellipses() {
    let text = "Will the talks resume? Nobody knows! The envoy... paused. Then he left.";
    assert_eq!(
        split(text),
        [
            "Will the talks resume?",
            "Nobody knows!",
            "The envoy... paused.",
            "Then he left."
        ]
    );
}

#[test]
fn a_lower_case_word_after_a_period_continues_the_sentence() {
    // Unknown abbreviations are mostly followed by lower-case words.
    let text = "The fighters, approx. two hundred, crossed at dawn. Police said 12 were held.";
    assert_eq!(
        split(text),
        [
            "The fighters, approx. two hundred, crossed at dawn.",
            "Police said 12 were held."
        ]
    );
}

#[test]
fn tokens_keep_hyphens_apostrophes_numbers_and_split_possessives() {
    let text = "Al-Shabaab's fighters don't hold Kismayo; 1,200 troops (3.5 percent) arrived \
on 2021-10-10 at 10:30, O'Brien’s aide said.";
    assert_eq!(
        tokens(text),
        [
            "Al-Shabaab",
            "'s",
            "fighters",
            "don't",
            "hold",
            "Kismayo",
            ";",
            "1,200",
            "troops",
            "(",
            "3.5",
            "percent",
            ")",
            "arrived",
            "on",
            "2021-10-10",
            "at",
            "10:30",
            ",",
            "O'Brien",
            "’s",
            "aide",
            "said",
            ".",
        ]
    );
}

#[test]
fn tokens_of_abbreviations_keep_their_period_and_sentence_final_ones_do_not() {
    let text = "Gen. Ogolla met U.S. envoys on Oct. 3 in Washington. It ended.";
    assert_eq!(
        tokens(text),
        [
            "Gen.",
            "Ogolla",
            "met",
            "U.S.",
            "envoys",
            "on",
            "Oct.",
            "3",
            "in",
            "Washington",
            ".",
            "It",
            "ended",
            ".",
        ]
    );
}

#[test]
fn offsets_are_bytes_into_the_text_and_survive_non_ascii() {
    let text = "Côte d’Ivoire’s president met Erdoğan in Ankara — talks «went well». Next.";
    let s = sentences(text);
    assert_eq!(s.len(), 2);
    let toks: Vec<&str> = s[0].tokens.iter().map(|t| &text[t.start..t.end]).collect();
    assert_eq!(
        toks,
        [
            "Côte",
            "d’Ivoire",
            "’s",
            "president",
            "met",
            "Erdoğan",
            "in",
            "Ankara",
            "—",
            "talks",
            "«",
            "went",
            "well",
            "»",
            "."
        ]
    );
    assert_eq!(&text[s[1].start..s[1].end], "Next.");
}

#[test]
fn combining_marks_stay_inside_words() {
    // "Café" with a combining acute accent (U+0301) written separately.
    let text = "Cafe\u{301} owners protested.";
    assert_eq!(tokens(text), ["Cafe\u{301}", "owners", "protested", "."]);
}

#[test]
fn empty_and_blank_text_has_no_sentences() {
    assert!(sentences("").is_empty());
    assert!(sentences(" \n\n\t\n").is_empty());
}

#[test]
fn every_token_lies_inside_its_sentence_in_order() {
    let text = "NAIROBI (Reuters) - Kenya's police said on Tuesday they had arrested 12 people \
after clashes in Kisumu. \"It was calm by 6 p.m.,\" a spokesman said.\n\nThe U.S. embassy \
issued a travel alert.";
    let mut last = 0;
    for s in sentences(text) {
        assert!(s.start >= last);
        assert_eq!(s.tokens.first().unwrap().start, s.start);
        assert_eq!(s.tokens.last().unwrap().end, s.end);
        for t in &s.tokens {
            assert!(t.start >= last && t.end > t.start);
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            last = t.end;
        }
    }
    assert_eq!(split(text).len(), 3);
}

#[test]
fn an_ap_dateline_with_a_state_abbreviation_is_not_split() {
    let text = "LA CROSSE, Wis. (AP) — After a summer of historic tumult, the race is clearer. \
SPRINGFIELD, Ill. — Gov. JB Pritzker signed the bill.";
    assert_eq!(
        split(text),
        [
            "LA CROSSE, Wis. (AP) — After a summer of historic tumult, the race is clearer.",
            "SPRINGFIELD, Ill. — Gov. JB Pritzker signed the bill.",
        ]
    );
}
