//! Any bytes as a PETRARCH dictionary of every kind (a user's `--dictionaries` files are
//! untrusted input): entries and defects come out, never a panic; the entries load into
//! a lexicon that then matches text.
#![no_main]
use herald_core::knowledge::actors::LexiconBuilder;
use herald_core::extract::events::triggers::TriggerLexicon;
use herald_core::knowledge::petrarch::{actors, agents, discards, lexicon, verbs};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let actor_file = actors::read(&text);
    let agent_file = agents::read(&text);
    let _ = discards::read(&text);
    let _ = verbs::read(&text);
    let _ = TriggerLexicon::from_petrarch_verbs(&text);
    let mut builder = LexiconBuilder::new();
    lexicon::add_actors(&mut builder, &actor_file.actors);
    lexicon::add_agents(&mut builder, &agent_file.agents);
    let lexicon = builder.build();
    let _ = lexicon.find(&text, 0..text.len());
});
