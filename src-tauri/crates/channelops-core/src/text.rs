//! Every sentence the core says to a person — check results and remedies,
//! blockers, next actions, errors — is a [`Text`]: a stable id and its arguments,
//! rendered from a Project Fluent catalog in the person's language (English and
//! Japanese, `locales/{en,ja}/core.ftl`). The window renders the same catalogs with
//! Fluent's JavaScript implementation; the CLI follows `LANG` or `--lang`; JSON
//! output keeps the id and the arguments, so scripts never parse prose.
//!
//! Ids are never renamed once shipped (scripts may branch on them); a test fails
//! on an id used in the code and missing from a catalog, and on a catalog id the
//! code does not use.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

/// A language the app speaks: a catalog of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Ja,
}

/// The English catalog (the reference).
pub const EN_FTL: &str = include_str!("../locales/en/core.ftl");
/// The Japanese catalog.
pub const JA_FTL: &str = include_str!("../locales/ja/core.ftl");

/// One argument of a message: a whole number (Fluent picks plural forms by it),
/// text as it is (a name, a path, an AWS id), or another message of the catalog,
/// rendered in the same language first (a noun, the reason of an error).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(untagged)]
pub enum Arg {
    Number(#[cfg_attr(feature = "specta", specta(type = f64))] i64),
    Str(String),
    Text(Box<Text>),
}

impl From<Text> for Arg {
    fn from(t: Text) -> Self {
        Arg::Text(Box::new(t))
    }
}
impl From<&Text> for Arg {
    fn from(t: &Text) -> Self {
        Arg::Text(Box::new(t.clone()))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Str(s.clone())
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64);

/// A message of the core: its stable id and arguments.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Text {
    pub id: String,
    #[serde(default)]
    pub args: BTreeMap<String, Arg>,
}

/// Read back from `{id, args}`, or from a plain sentence: results stored by
/// earlier versions (validation runs in the database, diagnostic bundles and
/// onboarding reports made by an older app) hold their messages as English
/// text, which comes back as the catalog's `raw` message.
impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Wire {
            Message {
                id: String,
                #[serde(default)]
                args: BTreeMap<String, Arg>,
            },
            Sentence(String),
        }
        Ok(match Wire::deserialize(d)? {
            Wire::Message { id, args } => Text { id, args },
            Wire::Sentence(s) => Text::raw(s),
        })
    }
}

/// `text!("id", name = value, …)`: a [`Text`] with its arguments.
#[macro_export]
macro_rules! text {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {{
        #[allow(unused_mut)]
        let mut args = ::std::collections::BTreeMap::new();
        $( args.insert(stringify!($name).replace('_', "-"), $crate::text::Arg::from($value)); )*
        $crate::text::Text { id: $id.to_owned(), args }
    }};
}

impl Text {
    /// A sentence that is not a message of the catalog — one stored as plain
    /// English by an earlier version: the catalog's `raw` message shows it as it is.
    pub fn raw(sentence: impl Into<String>) -> Text {
        let mut args = BTreeMap::new();
        args.insert("text".to_owned(), Arg::Str(sentence.into()));
        Text {
            id: "raw".to_owned(),
            args,
        }
    }
    /// The message in `lang`.
    pub fn render(&self, lang: Language) -> String {
        render(lang, self)
    }
    /// The message in English (logs, `Display`, tests).
    pub fn en(&self) -> String {
        render(Language::En, self)
    }
}

/// `texts` joined two by two with `join`, nested in halves: 50 lines nest 6
/// deep, not 50.
fn joined(texts: &[Text], join: fn(Text, Text) -> Text) -> Text {
    match texts {
        [] => crate::text!("sentences-none"),
        [one] => one.clone(),
        _ => {
            let (first, rest) = texts.split_at(texts.len() / 2);
            join(joined(first, join), joined(rest, join))
        }
    }
}

/// Messages one per line, as one message (rendered in each language).
pub fn lines(texts: &[Text]) -> Text {
    joined(texts, |first, rest| {
        crate::text!("lines", first = first, rest = rest)
    })
}

/// "A or B or C", as one message (rendered in each language).
pub fn alternatives(texts: &[Text]) -> Text {
    joined(texts, |first, rest| {
        crate::text!("either", first = first, rest = rest)
    })
}

/// Messages one after the other, as one message (rendered in each language).
pub fn sentences(texts: &[Text]) -> Text {
    joined(texts, |first, rest| {
        crate::text!("sentences", first = first, rest = rest)
    })
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en())
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(source: &str, tag: &str) -> Bundle {
    let locale: unic_langid::LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // No Unicode isolation marks around arguments: file names and AWS ids are
    // copied from the output, and terminals show the marks as garbage.
    bundle.set_use_isolating(false);
    // A broken catalog is caught by the tests; here whatever parsed is used.
    let resource =
        FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
}

fn bundles() -> &'static [Bundle; 2] {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| [bundle(EN_FTL, "en"), bundle(JA_FTL, "ja")])
}

/// `text` in `lang`; an id missing from that catalog falls back to English, and
/// one missing from both shows the id itself (the tests keep either from shipping).
pub fn render(lang: Language, text: &Text) -> String {
    let [en, ja] = bundles();
    let first = match lang {
        Language::En => en,
        Language::Ja => ja,
    };
    let mut args = FluentArgs::new();
    for (k, v) in &text.args {
        match v {
            Arg::Number(n) => args.set(k.as_str(), FluentValue::from(*n)),
            Arg::Str(s) => args.set(k.as_str(), FluentValue::from(s.as_str())),
            Arg::Text(t) => args.set(k.as_str(), FluentValue::from(render(lang, t))),
        }
    }
    for b in [first, en] {
        if let Some(pattern) = b.get_message(&text.id).and_then(|m| m.value()) {
            let mut errors = vec![];
            return b
                .format_pattern(pattern, Some(&args), &mut errors)
                .into_owned();
        }
    }
    text.id.clone()
}

/// The language of a `LANG`-style value (`ja_JP.UTF-8`, `ja`, `en_US`…): Japanese
/// for `ja…`, else English.
pub fn language_of(value: &str) -> Language {
    if value.trim().to_ascii_lowercase().starts_with("ja") {
        Language::Ja
    } else {
        Language::En
    }
}

/// The language of the environment: `LC_ALL`, else `LC_MESSAGES`, else `LANG` (the
/// first one set and not empty), as POSIX orders them.
pub fn env_language() -> Language {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.trim().is_empty())
        .map_or(Language::En, |v| language_of(&v))
}

/// Gives every message in `value` (an object of exactly `id` and `args`: a
/// serialized [`Text`]) its `text` in `lang`, keeping the id and the arguments.
pub fn annotate_json(value: &mut serde_json::Value, lang: Language) {
    match value {
        serde_json::Value::Object(map) => {
            let is_text = map.len() == 2
                && map.get("id").is_some_and(serde_json::Value::is_string)
                && map.get("args").is_some_and(serde_json::Value::is_object);
            if is_text {
                if let Ok(t) =
                    serde_json::from_value::<Text>(serde_json::Value::Object(map.clone()))
                {
                    map.insert("text".to_owned(), serde_json::Value::String(t.render(lang)));
                }
                return;
            }
            for v in map.values_mut() {
                annotate_json(v, lang);
            }
        }
        serde_json::Value::Array(items) => {
            for v in items {
                annotate_json(v, lang);
            }
        }
        _ => {}
    }
}

/// The ids of a catalog, with the variables each message uses (for the tests).
#[cfg(test)]
pub(crate) fn catalog(source: &str) -> Result<BTreeMap<String, Vec<String>>, String> {
    use fluent_bundle::FluentResource;
    let resource =
        FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| format!("{errors:?}"))?;
    let mut out = BTreeMap::new();
    for entry in resource.entries() {
        if let fluent_syntax::ast::Entry::Message(m) = entry {
            let mut vars = vec![];
            if let Some(p) = &m.value {
                variables(p, &mut vars);
            }
            vars.sort();
            vars.dedup();
            out.insert(m.id.name.to_owned(), vars);
        }
    }
    Ok(out)
}

#[cfg(test)]
fn variables(pattern: &fluent_syntax::ast::Pattern<&str>, out: &mut Vec<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    fn inline(e: &InlineExpression<&str>, out: &mut Vec<String>) {
        match e {
            InlineExpression::VariableReference { id } => out.push(id.name.to_owned()),
            InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, out);
                }
            }
            InlineExpression::Placeable { expression } => expr(expression, out),
            _ => {}
        }
    }
    fn expr(e: &Expression<&str>, out: &mut Vec<String>) {
        match e {
            Expression::Inline(i) => inline(i, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    for el in &v.value.elements {
                        if let PatternElement::Placeable { expression } = el {
                            expr(expression, out);
                        }
                    }
                }
            }
        }
    }
    for el in &pattern.elements {
        if let PatternElement::Placeable { expression } = el {
            expr(expression, out);
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    /// Every `text!("id", name = value, …)` in the sources of the core and its
    /// adapters: the id and the argument names (as the catalog spells them).
    fn calls_in_code() -> Vec<(String, BTreeSet<String>)> {
        /// The characters of `code` outside string literals, with their offsets.
        fn outside_strings(code: &str) -> impl Iterator<Item = (usize, char)> + '_ {
            let (mut in_str, mut escaped) = (false, false);
            code.char_indices().filter(move |&(_, c)| {
                if in_str {
                    match (escaped, c) {
                        (true, _) => escaped = false,
                        (false, '\\') => escaped = true,
                        (false, '"') => in_str = false,
                        _ => {}
                    }
                    return false;
                }
                in_str = c == '"';
                !in_str
            })
        }
        /// The text up to the `)` closing the call that starts at `code`.
        fn call_body(code: &str) -> &str {
            let mut depth = 1_i32;
            for (i, c) in outside_strings(code) {
                match c {
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    return &code[..i];
                }
            }
            code
        }
        /// `name` of each top-level `name = value` in a call's body.
        fn arg_names(body: &str) -> BTreeSet<String> {
            let (mut depth, mut piece, mut pieces) = (0_i32, String::new(), vec![]);
            for (_, c) in outside_strings(body) {
                match c {
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' => depth -= 1,
                    ',' if depth == 0 => {
                        pieces.push(std::mem::take(&mut piece));
                        continue;
                    }
                    _ => {}
                }
                piece.push(c);
            }
            pieces.push(piece);
            pieces
                .iter()
                .filter_map(|p| {
                    let (name, value) = p.split_once('=')?;
                    let name = name.trim();
                    let ident = !name.is_empty()
                        && name
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
                    (ident && !value.starts_with('=')).then(|| name.replace('_', "-"))
                })
                .collect()
        }
        fn walk(dir: &Path, out: &mut Vec<(String, BTreeSet<String>)>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs")
                    // This file names ids in its documentation and tests only.
                    && path.file_name().is_some_and(|n| n != "text.rs")
                {
                    let code = std::fs::read_to_string(&path).unwrap();
                    let mut rest = code.as_str();
                    while let Some(at) = rest.find("text!(") {
                        rest = &rest[at + "text!(".len()..];
                        let trimmed = rest.trim_start();
                        if let Some(lit) = trimmed.strip_prefix('"') {
                            let id: String = lit.chars().take_while(|c| *c != '"').collect();
                            // The macro's own definition names `$id`, not an id.
                            if !id.is_empty() {
                                let body = call_body(&lit[id.len() + 1..]);
                                out.push((id, arg_names(body)));
                            }
                        }
                    }
                }
            }
        }
        let mut out = vec![];
        // The core and every adapter (the CLI words its frame with the catalog too).
        let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        for dir in [
            "channelops-core/src",
            "channelops-cli/src",
            "channelops-bridge/src",
            "../src",
        ] {
            walk(&crates.join(dir), &mut out);
        }
        out
    }

    /// Every id the code names, and this file's own: earlier versions'
    /// sentences (`raw`) and the joiners of lists.
    fn ids_in_code() -> BTreeSet<String> {
        let mut out: BTreeSet<String> = calls_in_code().into_iter().map(|(id, _)| id).collect();
        for id in ["raw", "lines", "sentences", "sentences-none", "either"] {
            out.insert(id.to_owned());
        }
        out
    }

    /// A call that leaves out an argument its message uses would show
    /// "{$name}" to the person; one that gives an argument no message uses is a
    /// typo. Selector helpers (`…-key`) may be given for one language only.
    #[test]
    fn every_call_gives_exactly_the_arguments_its_message_uses() {
        let en = catalog(EN_FTL).unwrap();
        let ja = catalog(JA_FTL).unwrap();
        let calls = calls_in_code();
        assert!(
            calls.len() > 500,
            "only {} calls found: is the scan broken?",
            calls.len()
        );
        let mut wrong = vec![];
        for (id, given) in calls {
            let (Some(e), Some(j)) = (en.get(&id), ja.get(&id)) else {
                continue; // a missing id fails the test above
            };
            let used: BTreeSet<String> = e.iter().chain(j).cloned().collect();
            let needed: BTreeSet<&String> = used.iter().filter(|v| !v.ends_with("-key")).collect();
            let missing: Vec<_> = needed.into_iter().filter(|v| !given.contains(*v)).collect();
            let unused: Vec<_> = given.iter().filter(|g| !used.contains(*g)).collect();
            if !missing.is_empty() || !unused.is_empty() {
                wrong.push(format!("{id}: missing {missing:?}, unused {unused:?}"));
            }
        }
        assert!(wrong.is_empty(), "calls and messages disagree: {wrong:#?}");
    }

    #[test]
    fn every_id_the_code_names_is_in_both_catalogs_and_every_catalog_id_is_used() {
        let used = ids_in_code();
        assert!(
            used.len() > 100,
            "only {} ids found: is the scan broken?",
            used.len()
        );
        for (lang, source) in [("en", EN_FTL), ("ja", JA_FTL)] {
            let defined: BTreeSet<String> = catalog(source).unwrap().into_keys().collect();
            let missing: Vec<_> = used.difference(&defined).collect();
            let unused: Vec<_> = defined.difference(&used).collect();
            assert!(
                missing.is_empty(),
                "ids missing from the {lang} catalog: {missing:?}"
            );
            assert!(
                unused.is_empty(),
                "ids of the {lang} catalog the code never uses: {unused:?}"
            );
        }
    }

    #[test]
    fn both_catalogs_parse_and_each_message_takes_the_same_arguments() {
        let en = catalog(EN_FTL).unwrap();
        let ja = catalog(JA_FTL).unwrap();
        // Selector helpers (`…-key`) may be used by one language only; the English
        // message shows the argument itself.
        let args = |v: &Vec<String>| -> BTreeSet<String> {
            v.iter().filter(|a| !a.ends_with("-key")).cloned().collect()
        };
        for (id, vars) in &en {
            let other = ja.get(id).map(args).unwrap_or_default();
            assert_eq!(
                args(vars),
                other,
                "{id}: the English and Japanese messages use different arguments"
            );
        }
    }

    /// A Japanese message that is the English one copied (a forgotten
    /// translation) fails here; only messages made of placeholders and
    /// punctuation may read the same in both.
    #[test]
    fn every_japanese_message_is_translated() {
        let messages = |source: &str| -> BTreeMap<String, String> {
            let resource = FluentResource::try_new(source.to_owned()).unwrap();
            let mut out = BTreeMap::new();
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    let words: String = m
                        .value
                        .iter()
                        .flat_map(|p| &p.elements)
                        .filter_map(|e| match e {
                            fluent_syntax::ast::PatternElement::TextElement { value } => {
                                Some(*value)
                            }
                            _ => None,
                        })
                        .collect();
                    out.insert(m.id.name.to_owned(), words);
                }
            }
            out
        };
        let (en, ja) = (messages(EN_FTL), messages(JA_FTL));
        let untranslated: Vec<&String> = en
            .iter()
            .filter(|(id, words)| {
                words.chars().any(char::is_alphabetic) && ja.get(*id) == Some(words)
            })
            .map(|(id, _)| id)
            .collect();
        assert!(
            untranslated.is_empty(),
            "Japanese messages that are the English ones: {untranslated:?}"
        );
        assert!(
            en.len() > 500,
            "only {} messages: is the scan broken?",
            en.len()
        );
    }

    #[test]
    fn a_text_renders_in_each_language_with_its_arguments_and_numbers() {
        let t = crate::text!("check-readable-pass", count = 3_usize);
        assert_eq!(t.en(), "All 3 data file(s) open and read correctly.");
        assert_eq!(
            t.render(Language::Ja),
            "3 件のデータファイルすべてを正しく開いて読めました。"
        );
        let fail = crate::text!(
            "check-hourly-fail",
            span = "daily",
            n = 24_i64,
            count = 5_u64,
            total = 9_u64
        );
        assert_eq!(
            fail.en(),
            "The report is daily: 5 of 9 sampled rows span 24 hours (daily) instead of 1 hour."
        );
        let unknown = Text {
            id: "no-such-id".into(),
            args: BTreeMap::new(),
        };
        assert_eq!(unknown.render(Language::Ja), "no-such-id");
        // JSON keeps the id and the arguments; numbers stay numbers.
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#"{"id":"check-readable-pass","args":{"count":3}}"#
        );
    }

    #[test]
    fn a_message_as_argument_renders_in_the_same_language_and_lists_nest_shallowly() {
        let err = crate::text!(
            "input-err-name-length",
            what = crate::text!("field-company-name")
        );
        assert_eq!(err.en(), "the company name is empty or too long");
        assert_eq!(err.render(Language::Ja), "会社名が空か、長すぎます");
        // JSON keeps the inner message's id and arguments, and reads back the same.
        let json = serde_json::to_string(&err).unwrap();
        assert_eq!(
            json,
            r#"{"id":"input-err-name-length","args":{"what":{"id":"field-company-name","args":{}}}}"#
        );
        assert_eq!(serde_json::from_str::<Text>(&json).unwrap(), err);

        let rows: Vec<Text> = (1..=50_u32)
            .map(|line| crate::text!("import-line-csv", line = line, detail = "x"))
            .collect();
        let all = lines(&rows);
        let en = all.en();
        assert_eq!(en.lines().count(), 50, "{en}");
        assert!(
            en.starts_with("line 1: x\nline 2: x") && en.ends_with("line 50: x"),
            "{en}"
        );
        fn depth(t: &Text) -> usize {
            1 + t
                .args
                .values()
                .map(|a| match a {
                    Arg::Text(inner) => depth(inner),
                    _ => 0,
                })
                .max()
                .unwrap_or(0)
        }
        assert!(depth(&all) <= 7, "50 lines nest {} deep", depth(&all));
        assert_eq!(
            alternatives(&[
                crate::text!("auth-org-of-kind", name = "Dist", kind = "distributor"),
                crate::text!("auth-org-of-kind", name = "R1", kind = "reseller"),
                crate::text!("auth-org-of-kind", name = "R2", kind = "reseller"),
            ])
            .en(),
            "Dist (distributor) or R1 (reseller) or R2 (reseller)"
        );
    }

    #[test]
    fn results_stored_by_earlier_versions_still_read() {
        // A check as version 0.1 stored it: its sentences as plain English.
        let old = r#"{"id":"hourly","status":"fail","message":"The report is daily.","remedy":"Make it hourly.","evidence":{"key":"a.csv"}}"#;
        #[derive(Deserialize)]
        struct Check {
            message: Text,
            remedy: Option<Text>,
        }
        let check: Check = serde_json::from_str(old).unwrap();
        assert_eq!(check.message.en(), "The report is daily.");
        assert_eq!(
            check.remedy.unwrap().render(Language::Ja),
            "Make it hourly."
        );
        // And a message as this version writes it reads back the same.
        let t = crate::text!("check-fresh-pass", latest = "2026-11");
        let back: Text = serde_json::from_str(&serde_json::to_string(&t).unwrap()).unwrap();
        assert_eq!(back, t);
    }

    #[test]
    fn the_language_comes_from_lang_style_values() {
        assert_eq!(language_of("ja_JP.UTF-8"), Language::Ja);
        assert_eq!(language_of("ja"), Language::Ja);
        assert_eq!(language_of("en_US.UTF-8"), Language::En);
        assert_eq!(language_of("C.UTF-8"), Language::En);
        assert_eq!(language_of(""), Language::En);
    }
}
