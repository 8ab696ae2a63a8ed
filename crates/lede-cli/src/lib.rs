//! The parts of the `lede` command that other tools use too: reading and writing TimeML
//! (the fuzz target `timeml_import` drives [`timeml::parse`]).

pub mod timeml;
