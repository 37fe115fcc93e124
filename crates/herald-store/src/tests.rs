//! Tests against real SQLite files in a temporary directory, with event records coded by
//! hand from real news sentences the way the engine codes them (stable ids, code-point
//! offsets into the clean text).

use std::ops::ControlFlow;
use std::path::Path;

use chrono::NaiveDate;
use herald_core::model::{
    stable_id, ActorRecord, Article, CharIndex, CiteInfo, DatePrecision, Event, EventType,
    Modality, PlaceRecord, Size, SpanRecord, TextInfo,
};
use rusqlite::Connection;

use crate::{BatchOutcome, EventFilter, EventStore, Store, StoreError, SCHEMA_VERSION};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// An article as the cleaner leaves it: title paragraph, blank line, body.
fn article(url: &str, title: &str, published: NaiveDate, source: &str, body: &str) -> Article {
    Article {
        id: stable_id("a", &[url]),
        url: Some(url.to_string()),
        title: Some(title.to_string()),
        published: Some(published),
        source: Some(source.to_string()),
        authors: vec!["Staff Reporter".to_string()],
        language: "en".to_string(),
        text: format!("{title}\n\n{body}"),
        body_start: title.len() + 2,
        duplicate_of: None,
        story_id: Some(stable_id("s", &[url])),
        origin: None,
    }
}

/// Codes events from one sentence of an article, finding evidence by its words.
struct Coder<'a> {
    article: &'a Article,
    index: CharIndex,
    /// Byte range of the sentence in the clean text.
    start: usize,
    end: usize,
    sequence: usize,
}

impl<'a> Coder<'a> {
    fn new(article: &'a Article, sequence: usize, sentence: &str) -> Coder<'a> {
        let start = article
            .text
            .find(sentence)
            .expect("sentence is in the article");
        Coder {
            article,
            index: CharIndex::new(&article.text),
            start,
            end: start + sentence.len(),
            sequence,
        }
    }

    /// The first occurrence of `words` inside the sentence, in code points.
    fn span(&self, words: &str) -> SpanRecord {
        let at = self.article.text[self.start..self.end]
            .find(words)
            .unwrap_or_else(|| panic!("{words:?} is in the sentence"));
        self.index.span(
            &self.article.text,
            self.start + at,
            self.start + at + words.len(),
        )
    }

    fn actor(&self, words: &str, code: &str, sectors: &[&str], name: Option<&str>) -> ActorRecord {
        let span = self.span(words);
        ActorRecord {
            entity_text: span.text,
            start: span.start,
            end: span.end,
            code: Some(code.to_string()),
            sector: sectors.iter().map(|s| s.to_string()).collect(),
            name: name.map(str::to_string),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn place(
        &self,
        words: &str,
        geonameid: u32,
        lat: f64,
        lon: f64,
        admin1: &str,
        country: &str,
        feature: &str,
    ) -> PlaceRecord {
        let span = self.span(words);
        PlaceRecord {
            extracted_place: span.text.clone(),
            start: span.start,
            end: span.end,
            resolved_place: Some(span.text),
            geonameid: Some(geonameid),
            lat: Some(lat),
            lon: Some(lon),
            admin1: Some(admin1.to_string()),
            country_code: Some(country.to_string()),
            feature_code: Some(feature.to_string()),
            resolution: 4,
        }
    }

    fn event(&self, event: EventType, cameo: &str, modality: Modality, trigger: &str) -> Event {
        let sentence = self.index.span(&self.article.text, self.start, self.end);
        Event {
            id: stable_id(
                "e",
                &[
                    &self.article.id,
                    &self.sequence.to_string(),
                    event.as_str(),
                    trigger,
                ],
            ),
            article_id: self.article.id.clone(),
            story_id: self.article.story_id.clone(),
            event,
            mode: Vec::new(),
            context: Vec::new(),
            cameo: Some(cameo.to_string()),
            quad_code: event.quad_code(),
            modality,
            date: None,
            date_precision: None,
            date_text: None,
            actor: Vec::new(),
            recipient: Vec::new(),
            event_loc: None,
            size: Size::default(),
            event_text: self.span(trigger),
            text_info: TextInfo {
                sequence: self.sequence,
                start: sentence.start,
                end: sentence.end,
                text: sentence.text,
            },
            cite_info: CiteInfo {
                url: self.article.url.clone(),
                title: self.article.title.clone(),
                publication: self.article.source.clone(),
                published: self.article.published,
            },
            sources: 1,
            confidence: 0.81,
        }
    }

    fn dated(
        &self,
        mut event: Event,
        date: NaiveDate,
        precision: DatePrecision,
        words: &str,
    ) -> Event {
        event.date = Some(date);
        event.date_precision = Some(precision);
        event.date_text = Some(self.span(words));
        event
    }
}

/// Four articles, seven events: every modality but `negated`, an undated event, a place
/// with non-ASCII letters, an event whose place is in a third country.
fn corpus() -> Vec<(Article, Vec<Event>)> {
    let nairobi = article(
        "https://example.org/kenya/2023/03/15/tear-gas",
        "Kenyan police fire tear gas at opposition protesters",
        day(2023, 3, 15),
        "Example Wire",
        "Police fired tear gas at opposition supporters in Nairobi on Tuesday. At least 12 people were \
         injured, the Kenya Red Cross said. Police also arrested 38 people in Nairobi, including two \
         opposition lawmakers.",
    );
    let first = Coder::new(
        &nairobi,
        1,
        "Police fired tear gas at opposition supporters in Nairobi on Tuesday.",
    );
    let mut tear_gas = first.dated(
        first.event(
            EventType::Assault,
            "175",
            Modality::Asserted,
            "fired tear gas at",
        ),
        day(2023, 3, 14),
        DatePrecision::Day,
        "on Tuesday",
    );
    tear_gas.mode = vec!["crowd-control".to_string()];
    tear_gas.context = vec!["protest".to_string()];
    tear_gas.actor = vec![first.actor("Police", "KEN", &["COP"], None)];
    tear_gas.recipient = vec![first.actor("opposition supporters", "KEN", &["OPP"], None)];
    tear_gas.event_loc = Some(first.place(
        "Nairobi",
        184745,
        -1.28333,
        36.81667,
        "Nairobi Area",
        "KEN",
        "PPLC",
    ));
    tear_gas.size = Size {
        dead: None,
        injured: Some(12),
        arrested: None,
    };
    let third = Coder::new(
        &nairobi,
        3,
        "Police also arrested 38 people in Nairobi, including two opposition lawmakers.",
    );
    let mut arrests = third.event(EventType::Coerce, "173", Modality::Asserted, "arrested");
    arrests.date = Some(day(2023, 3, 14));
    arrests.date_precision = Some(DatePrecision::Day);
    arrests.actor = vec![third.actor("Police", "KEN", &["COP"], None)];
    arrests.recipient = vec![third.actor("opposition lawmakers", "KEN", &["OPP", "LEG"], None)];
    arrests.event_loc = Some(third.place(
        "Nairobi",
        184745,
        -1.28333,
        36.81667,
        "Nairobi Area",
        "KEN",
        "PPLC",
    ));
    arrests.size.arrested = Some(38);
    arrests.confidence = 0.74;

    let delhi = article(
        "https://example.org/world/2023/03/02/lavrov-qin-g20",
        "Lavrov and Qin meet on G20 sidelines",
        day(2023, 3, 2),
        "Example Times",
        "Russian Foreign Minister Sergei Lavrov met his Chinese counterpart Qin Gang in New Delhi on \
         Thursday, on the sidelines of a G20 meeting.",
    );
    let c = Coder::new(
        &delhi,
        1,
        "Russian Foreign Minister Sergei Lavrov met his Chinese counterpart Qin Gang in New Delhi on Thursday, on the sidelines of a G20 meeting.",
    );
    let mut meeting = c.dated(
        c.event(EventType::Consult, "043", Modality::Asserted, "met"),
        day(2023, 3, 2),
        DatePrecision::Day,
        "on Thursday",
    );
    meeting.actor = vec![c.actor(
        "Russian Foreign Minister Sergei Lavrov",
        "RUS",
        &["GOV"],
        Some("Sergei Lavrov"),
    )];
    meeting.recipient = vec![c.actor(
        "his Chinese counterpart Qin Gang",
        "CHN",
        &["GOV"],
        Some("Qin Gang"),
    )];
    meeting.event_loc = Some(c.place(
        "New Delhi",
        1261481,
        28.63576,
        77.22445,
        "Delhi",
        "IND",
        "PPLC",
    ));
    meeting.confidence = 0.9;

    let baghdad = article(
        "https://example.org/iraq/2023/10/01/tishreen-anniversary",
        "Iraqis mark anniversary of 2019 protests",
        day(2023, 10, 1),
        "Example Wire",
        "Thousands of protesters marched in Baghdad on Sunday to mark the anniversary of the Tishreen \
         movement. Almost 600 protesters were killed in 2019 when security forces cracked down on \
         demonstrations in Baghdad.",
    );
    let c = Coder::new(
        &baghdad,
        1,
        "Thousands of protesters marched in Baghdad on Sunday to mark the anniversary of the Tishreen movement.",
    );
    let mut march = c.dated(
        c.event(EventType::Protest, "141", Modality::Asserted, "marched"),
        day(2023, 10, 1),
        DatePrecision::Day,
        "on Sunday",
    );
    march.mode = vec!["demonstrate".to_string()];
    march.actor = vec![c.actor("Thousands of protesters", "IRQ", &["CVL"], None)];
    march.event_loc = Some(c.place(
        "Baghdad", 98182, 33.34058, 44.40088, "Baghdad", "IRQ", "PPLC",
    ));
    let c = Coder::new(
        &baghdad,
        2,
        "Almost 600 protesters were killed in 2019 when security forces cracked down on demonstrations in Baghdad.",
    );
    let mut crackdown = c.dated(
        c.event(
            EventType::Assault,
            "180",
            Modality::Historical,
            "were killed",
        ),
        day(2019, 1, 1),
        DatePrecision::Year,
        "in 2019",
    );
    crackdown.actor = vec![c.actor("security forces", "IRQ", &["MIL", "COP"], None)];
    crackdown.recipient = vec![c.actor("Almost 600 protesters", "IRQ", &["CVL"], None)];
    crackdown.event_loc = Some(c.place(
        "Baghdad", 98182, 33.34058, 44.40088, "Baghdad", "IRQ", "PPLC",
    ));
    crackdown.size.dead = Some(600);

    let sao_paulo = article(
        "https://example.org/brasil/2023/10/03/metro-strike",
        "São Paulo metro workers to strike",
        day(2023, 10, 3),
        "Exemplo Notícias",
        "Metro workers in São Paulo will strike next week, their union said. The governor said the \
         state could deploy riot police if the strike turns violent.",
    );
    let c = Coder::new(
        &sao_paulo,
        1,
        "Metro workers in São Paulo will strike next week, their union said.",
    );
    let mut strike = c.dated(
        c.event(EventType::Protest, "143", Modality::Future, "will strike"),
        day(2023, 10, 9),
        DatePrecision::Week,
        "next week",
    );
    strike.actor = vec![c.actor("Metro workers", "BRA", &["LAB"], None)];
    strike.event_loc = Some(c.place(
        "São Paulo",
        3448439,
        -23.5475,
        -46.63611,
        "São Paulo",
        "BRA",
        "PPLA",
    ));
    let c = Coder::new(
        &sao_paulo,
        2,
        "The governor said the state could deploy riot police if the strike turns violent.",
    );
    let mut deployment = c.event(
        EventType::Mobilize,
        "150",
        Modality::Hypothetical,
        "could deploy",
    );
    deployment.actor = vec![c.actor("the state", "BRA", &["GOV"], None)];

    vec![
        (nairobi, vec![tear_gas, arrests]),
        (delhi, vec![meeting]),
        (baghdad, vec![march, crackdown]),
        (sao_paulo, vec![strike, deployment]),
    ]
}

fn all_events(corpus: &[(Article, Vec<Event>)]) -> Vec<Event> {
    corpus
        .iter()
        .flat_map(|(_, events)| events.clone())
        .collect()
}

fn fresh_store(dir: &Path) -> Store {
    Store::open(&dir.join("herald.db")).expect("a fresh store opens")
}

fn filled_store(dir: &Path) -> Store {
    let mut store = fresh_store(dir);
    store.insert_batch(&corpus()).expect("the corpus is stored");
    store
}

fn ids(events: &[Event]) -> Vec<&str> {
    events.iter().map(|e| e.id.as_str()).collect()
}

/// Ids of the corpus events whose `keep` holds, in the store's order (date, undated last;
/// article id; event id), computed independently of SQL.
fn expected_ids(keep: impl Fn(&Event) -> bool) -> Vec<String> {
    let mut events: Vec<Event> = all_events(&corpus())
        .into_iter()
        .filter(|e| keep(e))
        .collect();
    events.sort_by(|a, b| {
        (a.date.is_none(), a.date, &a.article_id, &a.id).cmp(&(
            b.date.is_none(),
            b.date,
            &b.article_id,
            &b.id,
        ))
    });
    events.into_iter().map(|e| e.id).collect()
}

fn query_ids(store: &Store, filter: &EventFilter) -> Vec<String> {
    store
        .query(filter)
        .unwrap()
        .into_iter()
        .map(|e| e.id)
        .collect()
}

#[test]
fn fresh_file_gets_every_migration_and_the_herald_mark() {
    let dir = tempfile::tempdir().unwrap();
    let store = fresh_store(dir.path());
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    drop(store);

    let raw = Connection::open(dir.path().join("herald.db")).unwrap();
    let version: i64 = raw
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    let journal: String = raw
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    let application: i32 = raw
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    assert_eq!(journal, "wal");
    assert_eq!(application, 0x4852_4c44);
    let mut tables: Vec<String> = raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables.sort();
    assert_eq!(tables, ["actors", "articles", "events", "spans"]);
}

#[test]
fn reopening_applies_nothing_and_keeps_the_data() {
    let dir = tempfile::tempdir().unwrap();
    drop(filled_store(dir.path()));
    let schema_before: Vec<String> = {
        let raw = Connection::open(dir.path().join("herald.db")).unwrap();
        let mut statement = raw
            .prepare("SELECT sql FROM sqlite_master ORDER BY name")
            .unwrap();
        let rows = statement
            .query_map([], |r| r.get::<_, Option<String>>(0))
            .unwrap();
        rows.map(|r| r.unwrap().unwrap_or_default()).collect()
    };

    let store = fresh_store(dir.path());
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.totals().unwrap().events, 7);
    drop(store);
    let raw = Connection::open(dir.path().join("herald.db")).unwrap();
    let mut statement = raw
        .prepare("SELECT sql FROM sqlite_master ORDER BY name")
        .unwrap();
    let rows = statement
        .query_map([], |r| r.get::<_, Option<String>>(0))
        .unwrap();
    let schema_after: Vec<String> = rows.map(|r| r.unwrap().unwrap_or_default()).collect();
    assert_eq!(schema_before, schema_after);
}

#[test]
fn a_database_from_the_future_is_refused_with_advice() {
    let dir = tempfile::tempdir().unwrap();
    drop(fresh_store(dir.path()));
    let path = dir.path().join("herald.db");
    Connection::open(&path)
        .unwrap()
        .execute_batch(&format!("PRAGMA user_version = {}", SCHEMA_VERSION + 1))
        .unwrap();

    let error = Store::open(&path).unwrap_err();
    assert!(
        matches!(error, StoreError::TooNew { found, known, .. } if found == SCHEMA_VERSION + 1 && known == SCHEMA_VERSION)
    );
    let message = error.to_string();
    assert!(message.contains("herald.db"), "{message}");
    assert!(message.contains("upgrade herald"), "{message}");
}

#[test]
fn someone_elses_database_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inventory.db");
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE parts (id INTEGER PRIMARY KEY, name TEXT)")
        .unwrap();

    let error = Store::open(&path).unwrap_err();
    assert!(matches!(error, StoreError::NotHerald { .. }), "{error}");
    assert!(error.to_string().contains("choose another path"), "{error}");
    let raw = Connection::open(&path).unwrap();
    let tables: i64 = raw
        .query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 1, "no Herald tables were added");
}

#[test]
fn files_that_cannot_be_databases_give_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-directory").join("herald.db");
    let message = Store::open(&missing).unwrap_err().to_string();
    assert!(message.starts_with("cannot open database "), "{message}");
    assert!(message.contains("directory exist"), "{message}");

    let notes = dir.path().join("notes.txt");
    std::fs::write(
        &notes,
        "Police fired tear gas at opposition supporters. ".repeat(100),
    )
    .unwrap();
    let message = Store::open(&notes).unwrap_err().to_string();
    assert!(message.contains("notes.txt"), "{message}");
    assert!(message.contains("not a SQLite database"), "{message}");
}

#[test]
fn inserting_the_same_batch_twice_stores_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fresh_store(dir.path());
    let first = store.insert_batch(&corpus()).unwrap();
    assert_eq!(
        first,
        BatchOutcome {
            articles_new: 4,
            articles_existing: 0,
            events_new: 7,
            events_existing: 0
        }
    );
    let second = store.insert_batch(&corpus()).unwrap();
    assert_eq!(
        second,
        BatchOutcome {
            articles_new: 0,
            articles_existing: 4,
            events_new: 0,
            events_existing: 0
        }
    );
    assert_eq!(store.article_count().unwrap(), 4);
    assert_eq!(store.event_count().unwrap(), 7);

    // Reopened from disk, in another batch mixing old and new: only the new one counts.
    drop(store);
    let mut store = fresh_store(dir.path());
    let mut mixed = corpus();
    mixed.truncate(1);
    let extra = article(
        "https://example.org/kenya/2023/03/16/follow-up",
        "Kenya opposition vows more protests",
        day(2023, 3, 16),
        "Example Wire",
        "Opposition leader Raila Odinga called for more protests on Monday.",
    );
    mixed.push((extra.clone(), Vec::new()));
    mixed.push((extra, Vec::new()));
    let outcome = store.insert_batch(&mixed).unwrap();
    assert_eq!(
        (
            outcome.articles_new,
            outcome.articles_existing,
            outcome.events_new
        ),
        (1, 2, 0),
        "an article repeated inside one batch is stored once"
    );
}

#[test]
fn queried_events_are_exactly_the_inserted_records() {
    let dir = tempfile::tempdir().unwrap();
    let store = filled_store(dir.path());
    let mut stored = store.query(&EventFilter::default()).unwrap();
    let mut inserted = all_events(&corpus());
    stored.sort_by(|a, b| a.id.cmp(&b.id));
    inserted.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(stored, inserted);
    // And byte-identical as JSON, which is what `herald query` prints.
    for (s, i) in stored.iter().zip(&inserted) {
        assert_eq!(
            serde_json::to_string(s).unwrap(),
            serde_json::to_string(i).unwrap()
        );
    }
}

#[test]
fn articles_come_back_with_their_clean_text() {
    let dir = tempfile::tempdir().unwrap();
    let store = filled_store(dir.path());
    for (article, _) in corpus() {
        assert_eq!(store.article(&article.id).unwrap().as_ref(), Some(&article));
    }
    assert_eq!(store.article("a-0000000000000000").unwrap(), None);
}

#[test]
fn query_order_is_date_then_article_then_id_with_undated_last() {
    let dir = tempfile::tempdir().unwrap();
    let store = filled_store(dir.path());
    let all = query_ids(&store, &EventFilter::default());
    assert_eq!(all, expected_ids(|_| true));
    assert_eq!(all.len(), 7);
    let events = store.query(&EventFilter::default()).unwrap();
    assert_eq!(events.first().unwrap().date, Some(day(2019, 1, 1)));
    assert_eq!(
        events.last().unwrap().date,
        None,
        "undated events come last"
    );

    let two = query_ids(
        &store,
        &EventFilter {
            limit: Some(2),
            ..EventFilter::default()
        },
    );
    assert_eq!(two, all[..2]);

    let mut visited = Vec::new();
    let count = store
        .for_each_event(&EventFilter::default(), |event| {
            visited.push(event.id);
            if visited.len() == 3 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })
        .unwrap();
    assert_eq!(count, 3);
    assert_eq!(visited, all[..3]);
}

#[test]
fn query_by_event_type() {
    let dir = tempfile::tempdir().unwrap();
    let store = filled_store(dir.path());
    let filter = EventFilter {
        event: Some(EventType::Assault),
        ..EventFilter::default()
    };
    let found = query_ids(&store, &filter);
    assert_eq!(found, expected_ids(|e| e.event == EventType::Assault));
    assert_eq!(found.len(), 2, "the tear gas and the 2019 crackdown");
    assert!(query_ids(
        &store,
        &EventFilter {
            event: Some(EventType::Sanction),
            ..EventFilter::default()
        }
    )
    .is_empty());
}

#[test]
fn query_by_country_matches_actor_recipient_or_place() {
    let dir = tempfile::tempdir().unwrap();
    let store = filled_store(dir.path());
    let by_country = |code: &str| {
        store
            .query(&EventFilter {
                country: Some(code.to_string()),
                ..EventFilter::default()
            })
            .unwrap()
    };

    // As actor only: Lavrov's meeting.
    let rus = by_country("RUS");
    assert_eq!(rus.len(), 1);
    assert_eq!(rus[0].event, EventType::Consult);
    // As recipient only: the same meeting, seen from the Chinese side.
    let chn = by_country("CHN");
    assert_eq!(ids(&chn), ids(&rus));
    assert!(chn[0]
        .actor
        .iter()
        .all(|a| a.code.as_deref() != Some("CHN")));
    // As the place only: New Delhi hosted it, no Indian actor took part.
    assert_eq!(ids(&by_country("IND")), ids(&rus));
    // Actor, recipient and place all Kenyan: each event once, not three times.
    let ken = by_country("ken");
    assert_eq!(ken.len(), 2, "lower-case codes match too");
    assert_eq!(
        ids(&ken),
        expected_ids(|e| e.article_id == corpus()[0].0.id)
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
    );
    assert!(by_country("USA").is_empty());
}

#[test]
fn query_by_date_range_is_inclusive_and_skips_undated_events() {
    let dir = tempfile::tempdir().unwrap();
    let store = filled_store(dir.path());
    let march = EventFilter {
        since: Some(day(2023, 3, 2)),
        until: Some(day(2023, 3, 14)),
        ..EventFilter::default()
    };
    let found = query_ids(&store, &march);
    assert_eq!(
        found,
        expected_ids(|e| e
            .date
            .is_some_and(|d| d >= day(2023, 3, 2) && d <= day(2023, 3, 14)))
    );
    assert_eq!(
        found.len(),
        3,
        "Delhi on the 2nd, both Nairobi events on the 14th"
    );

    let since_october = EventFilter {
        since: Some(day(2023, 10, 1)),
        ..EventFilter::default()
    };
    let found = store.query(&since_october).unwrap();
    assert_eq!(
        found.len(),
        2,
        "the Baghdad march and the São Paulo strike, not the undated deployment"
    );
    assert!(found.iter().all(|e| e.date.is_some()));

    let before_2020 = EventFilter {
        until: Some(day(2019, 12, 31)),
        ..EventFilter::default()
    };
    let found = store.query(&before_2020).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].modality, Modality::Historical);
}

#[test]
fn query_by_modality_and_combined_filters() {
    let dir = tempfile::tempdir().unwrap();
    let store = filled_store(dir.path());
    for modality in [
        Modality::Asserted,
        Modality::Historical,
        Modality::Future,
        Modality::Hypothetical,
        Modality::Negated,
    ] {
        let filter = EventFilter {
            modality: Some(modality),
            ..EventFilter::default()
        };
        assert_eq!(
            query_ids(&store, &filter),
            expected_ids(|e| e.modality == modality),
            "{modality:?}"
        );
    }
    // Iraq, asserted assaults: the 2019 crackdown is background, so none.
    let filter = EventFilter {
        event: Some(EventType::Assault),
        country: Some("IRQ".to_string()),
        modality: Some(Modality::Asserted),
        ..EventFilter::default()
    };
    assert!(query_ids(&store, &filter).is_empty());
    let filter = EventFilter {
        modality: None,
        ..filter
    };
    assert_eq!(query_ids(&store, &filter).len(), 1);
}

#[test]
fn digest_counts_asserted_events_and_totals_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let store = filled_store(dir.path());
    let digest = store.digest().unwrap();
    assert_eq!(digest.totals.articles, 4);
    assert_eq!(digest.totals.events, 7);

    let modalities: Vec<(Modality, u64)> = digest
        .by_modality
        .iter()
        .map(|m| (m.modality, m.events))
        .collect();
    assert_eq!(
        modalities,
        [
            (Modality::Asserted, 4),
            (Modality::Historical, 1),
            (Modality::Future, 1),
            (Modality::Hypothetical, 1),
            (Modality::Negated, 0),
        ]
    );
    let types: Vec<(EventType, u64)> = digest.by_type.iter().map(|t| (t.event, t.events)).collect();
    assert_eq!(
        types,
        [
            (EventType::Assault, 1),
            (EventType::Coerce, 1),
            (EventType::Consult, 1),
            (EventType::Protest, 1),
        ],
        "the historical assault and the future protest are not counted"
    );
    let countries: Vec<(&str, u64)> = digest
        .by_country
        .iter()
        .map(|c| (c.code.as_str(), c.events))
        .collect();
    assert_eq!(countries, [("KEN", 2), ("CHN", 1), ("IRQ", 1), ("RUS", 1)]);
    let places: Vec<(&str, Option<&str>, u64)> = digest
        .top_locations
        .iter()
        .map(|l| {
            (
                l.resolved_place.as_str(),
                l.country_code.as_deref(),
                l.events,
            )
        })
        .collect();
    assert_eq!(
        places,
        [
            ("Nairobi", Some("KEN"), 2),
            ("Baghdad", Some("IRQ"), 1),
            ("New Delhi", Some("IND"), 1),
        ]
    );
    assert_eq!(digest.first_date, Some(day(2023, 3, 2)));
    assert_eq!(digest.last_date, Some(day(2023, 10, 1)));

    let empty = tempfile::tempdir().unwrap();
    let digest = fresh_store(empty.path()).digest().unwrap();
    assert_eq!(digest.totals.events, 0);
    assert!(digest.by_type.is_empty() && digest.top_locations.is_empty());
    assert_eq!(digest.first_date, None);
}

#[test]
fn provenance_is_queryable_with_plain_sql() {
    let dir = tempfile::tempdir().unwrap();
    drop(filled_store(dir.path()));
    let raw = Connection::open(dir.path().join("herald.db")).unwrap();

    // Every span, cut out of the clean text by its code-point offsets (SQLite's substr
    // counts characters, 1-based), gives back its own text — also after "São Paulo".
    let mut statement = raw
        .prepare(
            "SELECT s.kind, s.text, substr(a.text, s.char_start + 1, s.char_end - s.char_start)
             FROM spans s JOIN events e ON e.id = s.event_id JOIN articles a ON a.id = e.article_id",
        )
        .unwrap();
    let spans: Vec<(String, String, String)> = statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    // 7 event_text + 7 text_info + 6 event_loc + 5 date_text.
    assert_eq!(spans.len(), 25);
    for (kind, text, cut) in &spans {
        assert_eq!(text, cut, "{kind}");
    }
    assert!(spans
        .iter()
        .any(|(kind, text, _)| kind == "event_loc" && text == "São Paulo"));

    let mut statement = raw
        .prepare(
            "SELECT ac.entity_text, substr(a.text, ac.char_start + 1, ac.char_end - ac.char_start), ac.sectors
             FROM actors ac JOIN events e ON e.id = ac.event_id JOIN articles a ON a.id = e.article_id
             WHERE ac.code = 'KEN' AND ac.role = 'recipient' AND e.event = 'COERCE'",
        )
        .unwrap();
    let (entity, cut, sectors): (String, String, String) = statement
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap();
    assert_eq!(entity, "opposition lawmakers");
    assert_eq!(cut, entity);
    assert_eq!(sectors, r#"["OPP","LEG"]"#);

    let injured: i64 = raw
        .query_row(
            "SELECT injured FROM events WHERE event = 'ASSAULT' AND loc_geonameid = 184745",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(injured, 12);
}

#[test]
fn an_event_of_an_unknown_article_fails_the_whole_batch() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fresh_store(dir.path());
    let mut batch = corpus();
    let (delhi, mut events) = batch.remove(1);
    events[0].article_id = "a-ffffffffffffffff".to_string();
    batch.push((delhi, events));

    let error = store.insert_batch(&batch).unwrap_err();
    assert!(matches!(error, StoreError::InvalidRecord { .. }), "{error}");
    assert!(error.to_string().contains("a-ffffffffffffffff"), "{error}");
    assert_eq!(
        store.totals().unwrap().articles,
        0,
        "nothing of the batch was stored"
    );
    assert_eq!(store.totals().unwrap().events, 0);

    // A merged event may point at another article stored earlier in the batch.
    let mut batch = corpus();
    let nairobi_id = batch[0].0.id.clone();
    batch[1].1[0].article_id = nairobi_id;
    assert_eq!(store.insert_batch(&batch).unwrap().events_new, 7);
}

#[test]
fn a_thousand_events_go_in_one_transaction() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fresh_store(dir.path());
    let template = corpus().remove(0);
    let mut batch = Vec::new();
    for n in 0..500 {
        let mut article = template.0.clone();
        article.url = Some(format!("https://example.org/kenya/2023/03/15/tear-gas-{n}"));
        article.id = stable_id("a", &[article.url.as_deref().unwrap()]);
        let events: Vec<Event> = template
            .1
            .iter()
            .map(|event| {
                let mut event = event.clone();
                event.id = stable_id("e", &[&article.id, &event.id]);
                event.article_id = article.id.clone();
                event.cite_info.url = article.url.clone();
                event
            })
            .collect();
        batch.push((article, events));
    }

    let started = std::time::Instant::now();
    let outcome = store.insert_batch(&batch).unwrap();
    let elapsed = started.elapsed();
    assert_eq!(outcome.articles_new, 500);
    assert_eq!(outcome.events_new, 1000);
    assert_eq!(store.event_count().unwrap(), 1000);
    // One commit, not a thousand: generous bound for a slow debug build on a busy CI box.
    assert!(elapsed.as_secs() < 20, "took {elapsed:?}");

    let nairobi = store
        .query(&EventFilter {
            country: Some("KEN".to_string()),
            event: Some(EventType::Coerce),
            ..EventFilter::default()
        })
        .unwrap();
    assert_eq!(nairobi.len(), 500);
    assert_eq!(store.digest().unwrap().top_locations[0].events, 1000);
}

#[test]
fn the_store_is_usable_through_the_backend_trait() {
    let mut store: Box<dyn EventStore> = Box::new(Store::open_in_memory().unwrap());
    let outcome = store.insert_batch(&corpus()).unwrap();
    assert_eq!(outcome.events_new, 7);
    assert_eq!(store.totals().unwrap().articles, 4);
    assert_eq!(store.query(&EventFilter::default()).unwrap().len(), 7);
    assert_eq!(store.digest().unwrap().by_type.len(), 4);
}

#[test]
fn error_messages_name_the_file() {
    let error = StoreError::Database {
        path: "herald.db".into(),
        operation: "store the batch",
        reason: "database or disk is full".into(),
        hint: "free some disk space and retry",
    };
    assert_eq!(
        error.to_string(),
        "cannot store the batch in database herald.db: database or disk is full (free some disk space and retry)"
    );
}
