//! Message catalogs: every sentence a person reads, in English and Indonesian, as Project
//! Fluent files compiled into the binary (`src/i18n/en/*.ftl`, `src/i18n/id/*.ftl`).
//!
//! `text(lang, "id", &[("count", 3.into())])` formats one message; Fluent picks the plural
//! form for the language (`{ $count -> [one] … *[other] … }`). The two catalogs must hold the
//! same ids with the same variables; a unit test fails otherwise.

use std::sync::LazyLock;

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
pub use fluent_bundle::{FluentArgs, FluentValue};

use crate::render::Lang;

type Bundle = FluentBundle<FluentResource>;

/// The catalog files of one language, in the order they are loaded.
type Files = &'static [(&'static str, &'static str)];

const ENGLISH: Files = &[
    ("en/messages.ftl", include_str!("en/messages.ftl")),
    ("en/help.ftl", include_str!("en/help.ftl")),
];

const INDONESIAN: Files = &[
    ("id/messages.ftl", include_str!("id/messages.ftl")),
    ("id/help.ftl", include_str!("id/help.ftl")),
];

/// Each language's catalog, its language tag and files.
fn catalog(lang: Lang) -> (&'static str, Files) {
    match lang {
        Lang::En => ("en", ENGLISH),
        Lang::Id => ("id", INDONESIAN),
    }
}

fn build(lang: Lang) -> Bundle {
    let (tag, files) = catalog(lang);
    let mut bundle = FluentBundle::new_concurrent(vec![tag.parse().expect("a language tag")]);
    // The text goes to a terminal or a file, not to a bidi-aware renderer.
    bundle.set_use_isolating(false);
    for (_, source) in files {
        // A syntax error or a duplicate id is caught by the unit tests; whatever parsed is
        // still served.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// Only the catalog of the language in use is parsed.
fn bundle(lang: Lang) -> &'static Bundle {
    static ENGLISH_BUNDLE: LazyLock<Bundle> = LazyLock::new(|| build(Lang::En));
    static INDONESIAN_BUNDLE: LazyLock<Bundle> = LazyLock::new(|| build(Lang::Id));
    match lang {
        Lang::En => &ENGLISH_BUNDLE,
        Lang::Id => &INDONESIAN_BUNDLE,
    }
}

/// The message `id` in `lang`, or `None` if the catalog has no such message.
pub fn lookup(lang: Lang, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    Some(text.into_owned())
}

/// The message `id` in `lang` with its variables; a missing message shows as its id, so that
/// a gap in a catalog is visible rather than silent (the unit tests keep the catalogs whole).
pub fn text(lang: Lang, id: &str, args: &[(&str, FluentValue)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    lookup(lang, id, Some(&fluent_args)).unwrap_or_else(|| id.to_string())
}

/// `tr!(lang, "message-id")` or `tr!(lang, "message-id", count = n, name = "…")`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::text(
            $lang,
            $id,
            &[$((stringify!($name), $crate::i18n::FluentValue::from($value))),*],
        )
    };
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    use super::*;

    /// Message id (and `id.attribute`) → the variables it uses, for one language.
    fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
        let mut found = BTreeMap::new();
        for (name, source) in catalog(lang).1 {
            let resource = fluent_syntax::parser::parse(*source)
                .unwrap_or_else(|(_, errors)| panic!("{name}: syntax errors: {errors:?}"));
            for entry in resource.body {
                let ast::Entry::Message(message) = entry else {
                    continue;
                };
                let id = message.id.name.to_string();
                if let Some(pattern) = &message.value {
                    let previous = found.insert(id.clone(), variables(pattern));
                    assert!(previous.is_none(), "{name}: {id} is defined twice");
                }
                for attribute in &message.attributes {
                    found.insert(
                        format!("{id}.{}", attribute.id.name),
                        variables(&attribute.value),
                    );
                }
            }
        }
        found
    }

    fn variables(pattern: &ast::Pattern<&str>) -> BTreeSet<String> {
        fn expression(outer: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
            match outer {
                ast::Expression::Select { selector, variants } => {
                    inline(selector, found);
                    for variant in variants {
                        found.extend(variables(&variant.value));
                    }
                }
                ast::Expression::Inline(inline_expression) => inline(inline_expression, found),
            }
        }
        fn inline(outer: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>) {
            match outer {
                ast::InlineExpression::VariableReference { id } => {
                    found.insert(id.name.to_string());
                }
                ast::InlineExpression::Placeable { expression: inner } => expression(inner, found),
                ast::InlineExpression::FunctionReference { arguments, .. } => {
                    for argument in &arguments.positional {
                        inline(argument, found);
                    }
                }
                _ => {}
            }
        }
        let mut found = BTreeSet::new();
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression: e } = element {
                expression(e, &mut found);
            }
        }
        found
    }

    #[test]
    fn every_catalog_parses_without_errors() {
        for lang in [Lang::En, Lang::Id] {
            let (tag, files) = catalog(lang);
            for (name, source) in files {
                if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                    panic!("src/i18n/{name} has syntax errors: {errors:?}");
                }
            }
            let mut bundle = FluentBundle::new_concurrent(vec![tag.parse().unwrap()]);
            for (name, source) in files {
                let resource = FluentResource::try_new(source.to_string()).unwrap();
                if let Err(errors) = bundle.add_resource(resource) {
                    panic!("src/i18n/{name}: {errors:?}");
                }
            }
        }
    }

    #[test]
    fn both_catalogs_have_the_same_messages_with_the_same_variables() {
        let english = messages(Lang::En);
        let indonesian = messages(Lang::Id);
        let only = |from: &BTreeMap<String, _>, other: &BTreeMap<String, _>| {
            from.keys()
                .filter(|id| !other.contains_key(*id))
                .cloned()
                .collect::<Vec<_>>()
        };
        let only_english = only(&english, &indonesian);
        let only_indonesian = only(&indonesian, &english);
        let different: Vec<String> = english
            .iter()
            .filter_map(|(id, vars)| {
                let other = indonesian.get(id)?;
                (other != vars).then(|| format!("{id}: en {vars:?}, id {other:?}"))
            })
            .collect();
        assert!(
            only_english.is_empty() && only_indonesian.is_empty() && different.is_empty(),
            "only in en: {only_english:?}\nonly in id: {only_indonesian:?}\nvariables differ: {different:?}"
        );
    }

    #[test]
    fn plural_forms_follow_the_language() {
        assert_eq!(tr!(Lang::En, "seminar-count", count = 1), "1 seminar");
        assert_eq!(tr!(Lang::En, "seminar-count", count = 7), "7 seminars");
        assert_eq!(tr!(Lang::Id, "seminar-count", count = 1), "1 seminar");
        assert_eq!(tr!(Lang::Id, "seminar-count", count = 7), "7 seminar");
        assert_eq!(tr!(Lang::En, "seminar-count", count = 0), "no seminars");
        assert_eq!(
            tr!(Lang::Id, "seminar-count", count = 0),
            "tidak ada seminar"
        );
    }

    #[test]
    fn a_missing_message_shows_its_id() {
        assert_eq!(text(Lang::Id, "no-such-message", &[]), "no-such-message");
        assert_eq!(lookup(Lang::En, "no-such-message", None), None);
    }
}
