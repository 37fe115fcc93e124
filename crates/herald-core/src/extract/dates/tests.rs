//! Wire-copy sentences against a fixed publication date: Wednesday 10 November 2021.

use super::*;

fn published() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 11, 10).unwrap()
}

/// (span text, ISO date, precision) for every date found in `s`.
fn dates_with(s: &str, story: NaiveDate) -> Vec<(String, String, &'static str)> {
    find_dates(s, 0..s.len(), published(), story)
        .into_iter()
        .map(|m| {
            (
                s[m.start..m.end].to_string(),
                m.date.to_string(),
                m.precision.as_str(),
            )
        })
        .collect()
}

fn dates(s: &str) -> Vec<(String, String, &'static str)> {
    dates_with(s, published())
}

fn one(s: &str) -> (String, String, &'static str) {
    let found = dates(s);
    assert_eq!(found.len(), 1, "{s:?} gave {found:?}");
    found.into_iter().next().unwrap()
}

fn is(span: &str, date: &str, precision: &'static str) -> (String, String, &'static str) {
    (span.to_string(), date.to_string(), precision)
}

#[test]
fn bare_weekday_in_past_clause_is_the_latest_one() {
    assert_eq!(
        one("Police fired tear gas at protesters in Khartoum on Sunday, witnesses said."),
        is("on Sunday", "2021-11-07", "day")
    );
    assert_eq!(
        one("Sunday's attack killed six people."),
        is("Sunday", "2021-11-07", "day")
    );
    // Same weekday as publication: the publication day itself.
    assert_eq!(
        one("The central bank raised its key rate on Wednesday."),
        is("on Wednesday", "2021-11-10", "day")
    );
    assert_eq!(
        one("Gunmen stormed a village on Tuesday night, residents said."),
        is("on Tuesday night", "2021-11-09", "day")
    );
    assert_eq!(
        one("Talks resumed Thursday in Vienna."),
        is("Thursday", "2021-11-04", "day")
    );
}

#[test]
fn weekday_in_future_clause_is_the_next_one() {
    assert_eq!(
        one("Foreign ministers will meet on Friday in Brussels."),
        is("on Friday", "2021-11-12", "day")
    );
    assert_eq!(
        one("Parliament is due to vote on the bill on Monday."),
        is("on Monday", "2021-11-15", "day")
    );
    assert_eq!(
        one("The opposition plans to hold a rally Saturday."),
        is("Saturday", "2021-11-13", "day")
    );
    assert_eq!(
        one("On Friday, the two leaders will sign the accord."),
        is("On Friday", "2021-11-12", "day")
    );
    // A reporting verb in the past keeps the day in the past.
    assert_eq!(
        one("The minister said on Monday that he will resign."),
        is("on Monday", "2021-11-08", "day")
    );
}

#[test]
fn weekday_modifiers() {
    assert_eq!(
        one("He was arrested last Friday."),
        is("last Friday", "2021-11-05", "day")
    );
    assert_eq!(
        one("He was arrested last Wednesday."),
        is("last Wednesday", "2021-11-03", "day")
    );
    assert_eq!(
        one("The summit opens next Monday."),
        is("next Monday", "2021-11-15", "day")
    );
    assert_eq!(
        one("Voters go to the polls this Sunday, when turnout will be tested."),
        is("this Sunday", "2021-11-07", "day")
    );
    assert_eq!(
        one("Voters will go to the polls this Sunday."),
        is("this Sunday", "2021-11-14", "day")
    );
}

#[test]
fn named_days_are_not_weekdays() {
    assert!(
        dates("Thirteen people were killed on Bloody Sunday in 1972.")
            .iter()
            .all(|d| d.0 != "Sunday" && d.0 != "on Sunday")
    );
    assert_eq!(
        dates("He told the Sunday Times he would not resign."),
        vec![]
    );
}

#[test]
fn deictic_words() {
    assert_eq!(
        one("Protesters gathered again today."),
        is("today", "2021-11-10", "day")
    );
    assert_eq!(
        one("The president will address the nation tonight."),
        is("tonight", "2021-11-10", "day")
    );
    assert_eq!(
        one("Two rockets hit the base this morning."),
        is("this morning", "2021-11-10", "day")
    );
    assert_eq!(
        one("The ministry said yesterday that talks had failed."),
        is("yesterday", "2021-11-09", "day")
    );
    assert_eq!(
        one("Shelling continued last night."),
        is("last night", "2021-11-09", "day")
    );
    assert_eq!(
        one("He was detained the day before yesterday."),
        is("the day before yesterday", "2021-11-08", "day")
    );
}

#[test]
fn counted_offsets_from_publication() {
    assert_eq!(
        one("The blast happened two days ago."),
        is("two days ago", "2021-11-08", "day")
    );
    // Three weeks before 10 Nov is 20 Oct; its week starts Monday 18 Oct.
    assert_eq!(
        one("The ceasefire collapsed three weeks ago."),
        is("three weeks ago", "2021-10-18", "week")
    );
    assert_eq!(
        one("He left office 10 years ago."),
        is("10 years ago", "2011-01-01", "year")
    );
}

#[test]
fn anaphoric_dates_count_from_the_story_date() {
    let story = NaiveDate::from_ymd_opt(2021, 10, 3).unwrap();
    assert_eq!(
        dates_with("Two days earlier, troops had surrounded the town.", story),
        vec![is("Two days earlier", "2021-10-01", "day")]
    );
    assert_eq!(
        dates_with("He was released the next day.", story),
        vec![is("the next day", "2021-10-04", "day")]
    );
    assert_eq!(
        dates_with("Clashes resumed the following day.", story),
        vec![is("the following day", "2021-10-04", "day")]
    );
    assert_eq!(
        dates_with("He had met the rebels the day before.", story),
        vec![is("the day before", "2021-10-02", "day")]
    );
    assert_eq!(
        dates_with("A week later, the army withdrew.", story),
        vec![is("A week later", "2021-10-04", "week")]
    );
}

#[test]
fn weeks_months_and_years() {
    assert_eq!(
        one("Lawmakers approved the budget last week."),
        is("last week", "2021-11-01", "week")
    );
    assert_eq!(
        one("Inflation rose this week."),
        is("this week", "2021-11-08", "week")
    );
    assert_eq!(
        one("The talks collapsed earlier this week."),
        is("earlier this week", "2021-11-08", "week")
    );
    assert_eq!(
        one("Troops were deployed last month."),
        is("last month", "2021-10-01", "month")
    );
    assert_eq!(
        one("Protests began earlier this month."),
        is("earlier this month", "2021-11-01", "month")
    );
    assert_eq!(
        one("Fighting flared last year."),
        is("last year", "2020-01-01", "year")
    );
    assert_eq!(
        one("The law was passed early this year."),
        is("early this year", "2021-01-01", "year")
    );
    assert_eq!(
        one("Clashes broke out over the weekend."),
        is("over the weekend", "2021-11-01", "week")
    );
}

#[test]
fn months_and_years() {
    assert_eq!(
        one("The coup took place in 2019."),
        is("in 2019", "2019-01-01", "year")
    );
    assert_eq!(
        one("The army seized power in February."),
        is("in February", "2021-02-01", "month")
    );
    // December has not come yet in a November story: the past one.
    assert_eq!(
        one("Elections were held in December."),
        is("in December", "2020-12-01", "month")
    );
    assert_eq!(
        one("Elections will be held in December."),
        is("in December", "2021-12-01", "month")
    );
    assert_eq!(
        one("The virus was first detected in March 2020."),
        is("in March 2020", "2020-03-01", "month")
    );
    assert_eq!(
        one("He fled the country in March last year."),
        is("in March last year", "2020-03-01", "month")
    );
    assert_eq!(
        one("Protests have continued since the 2019 election."),
        is("2019", "2019-01-01", "year")
    );
}

#[test]
fn written_out_dates() {
    assert_eq!(
        one("The vote was held on Oct. 10."),
        is("on Oct. 10", "2021-10-10", "day")
    );
    assert_eq!(
        one("Rebels captured the town on October 10."),
        is("on October 10", "2021-10-10", "day")
    );
    assert_eq!(
        one("He was arrested on 10 October."),
        is("on 10 October", "2021-10-10", "day")
    );
    assert_eq!(
        one("He was arrested on 10 October 2020."),
        is("on 10 October 2020", "2020-10-10", "day")
    );
    assert_eq!(
        one("The accord was signed on October 10, 2019, in Oslo."),
        is("on October 10, 2019", "2019-10-10", "day")
    );
    assert_eq!(
        one("The deadline passed Oct 10th."),
        is("Oct 10th", "2021-10-10", "day")
    );
    assert_eq!(
        one("The ruling came on the 10th of October."),
        is("on the 10th of October", "2021-10-10", "day")
    );
    assert_eq!(
        one("The protest started on the 3rd, organisers said."),
        is("on the 3rd", "2021-11-03", "day")
    );
    // The 20th of this month has not come: the previous month's.
    assert_eq!(
        one("The protest started on the 20th, organisers said."),
        is("on the 20th", "2021-10-20", "day")
    );
    assert_eq!(
        one("The filing is dated 2021-10-10."),
        is("2021-10-10", "2021-10-10", "day")
    );
    assert_eq!(
        one("The filing is dated 10/12/2021."),
        is("10/12/2021", "2021-10-12", "day")
    );
    assert_eq!(
        one("The filing is dated 25/10/2021."),
        is("25/10/2021", "2021-10-25", "day")
    );
    assert_eq!(
        one("The attack on Sunday, Nov. 7, killed three people."),
        is("on Sunday, Nov. 7", "2021-11-07", "day")
    );
}

#[test]
fn month_day_without_year_follows_tense_then_distance() {
    // No tense marker: the nearest occurrence, here the coming one.
    assert_eq!(
        one("The runoff vote on Dec. 19 is the first since the coup."),
        is("on Dec. 19", "2021-12-19", "day")
    );
    // Past clause: the latest one on or before publication.
    assert_eq!(
        one("He was killed on Dec. 19 in Kabul."),
        is("on Dec. 19", "2020-12-19", "day")
    );
    // Future clause: the next one.
    assert_eq!(
        one("The court will rule on Oct. 1."),
        is("on Oct. 1", "2022-10-01", "day")
    );
}

#[test]
fn invalid_dates_and_non_dates_are_left_out() {
    assert_eq!(dates("The decree was issued on Feb. 30."), vec![]);
    assert_eq!(dates("The decree was issued on 2021-13-10."), vec![]);
    assert_eq!(dates("The decree was issued on 31/31/2021."), vec![]);
    assert_eq!(dates("The decree is dated 20211-10-10."), vec![]);
    assert_eq!(dates("Floods killed 2021 people, officials said."), vec![]);
    assert_eq!(dates("The meeting starts at 10.30 local time."), vec![]);
    assert_eq!(dates("The protest drew 2000 people."), vec![]);
    assert_eq!(dates("She may march to the capital."), vec![]);
    assert_eq!(dates("Theresa May met the EU negotiator."), vec![]);
    assert_eq!(dates("The fire broke out on the 10th floor."), vec![]);
    assert_eq!(
        dates("In March 10 people died."),
        vec![is("In March", "2021-03-01", "month")]
    );
}

#[test]
fn several_dates_in_one_sentence() {
    let s = "The army, which seized power in February, said on Sunday it would hold elections next year.";
    assert_eq!(
        dates(s),
        vec![
            is("in February", "2021-02-01", "month"),
            is("on Sunday", "2021-11-07", "day"),
            is("next year", "2022-01-01", "year"),
        ]
    );
}

#[test]
fn offsets_are_into_the_whole_text() {
    let text = "First sentence here. Police said on Sunday that six people died.";
    let start = text.find("Police").unwrap();
    let found = find_dates(text, start..text.len(), published(), published());
    assert_eq!(found.len(), 1);
    assert_eq!(&text[found[0].start..found[0].end], "on Sunday");
    assert_eq!(found[0].kind, DateKind::Relative);
}

#[test]
fn kinds() {
    let s = "The accord signed on Oct. 10 was broken yesterday.";
    let found = find_dates(s, 0..s.len(), published(), published());
    assert_eq!(found[0].kind, DateKind::Absolute);
    assert_eq!(found[1].kind, DateKind::Relative);
}

#[test]
fn tense_rule() {
    let s = "The ministers will meet in Brussels.";
    assert_eq!(
        tense_at(s, 0..s.len(), s.find("Brussels").unwrap()),
        Tense::Future
    );
    let s = "The ministers met in Brussels.";
    assert_eq!(
        tense_at(s, 0..s.len(), s.find("Brussels").unwrap()),
        Tense::Past
    );
    let s = "The ministers meet in Brussels.";
    assert_eq!(
        tense_at(s, 0..s.len(), s.find("Brussels").unwrap()),
        Tense::Unknown
    );
}

#[test]
fn calendar_words_are_read_in_one_place() {
    assert_eq!(month_number("Sept"), Some(9));
    assert_eq!(month_number("oct"), Some(10));
    assert_eq!(month_number("December"), Some(12));
    assert_eq!(month_number("Ma"), None);
    assert_eq!(month_number("Mayor"), None);
    assert!(is_month_name("MARCH") && !is_month_name("Mar"));
    assert!(is_weekday_name("sunday") && !is_weekday_name("Sun"));
}
