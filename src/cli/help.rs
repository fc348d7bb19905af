//! `--help`, `help COMMAND`, usage errors, completions and the manual pages in the chosen
//! language.
//!
//! What a person reads comes from the catalogs (`src/i18n/{en,id}/help.ftl`): [`command`]
//! builds the whole command tree, then replaces every about line, long about, after-help,
//! argument help and value help by the catalog's message for the language, and for
//! Indonesian also the words clap writes itself (section headings, "[default: …]", "Possible
//! values:"). The clap definitions keep their English doc comments, as the code's own
//! documentation; a unit test fails when one of them and the English catalog disagree, and
//! prints the catalog lines to add or change.
//!
//! Message ids follow the command path: `seminar-speaker-add` is the about line of `seminar
//! speaker add`, with `--long` (long about) and `--after` (the examples) appended for the
//! others; `seminar-speaker-add--name` is the help of its argument `name`, and
//! `seminar-export--format--csv` that of one value. An argument looks for its id from the
//! most specific command up to the root, so `seminar--force` serves every `--force` whose
//! text is the same.

use std::ffi::OsString;

use clap::builder::StyledStr;
use clap::{Arg, Command, CommandFactory};

use super::Cli;
use crate::i18n;
use crate::render::Lang;

/// The language of the help, known before the command line is parsed: `--lang` or `--lang=`
/// among the arguments, else `SEMINAR_LANG`, else the config file's `lang`, else English.
pub fn language(args: &[OsString]) -> Lang {
    let mut flag = None;
    let mut words = args.iter().skip(1).map(|arg| arg.to_string_lossy());
    while let Some(word) = words.next() {
        let value = match word.as_ref() {
            "--" => break,
            "--lang" => words.next().map(|value| value.into_owned()),
            other => other.strip_prefix("--lang=").map(str::to_string),
        };
        if let Some(lang) = value.and_then(|value| super::settings::parse_lang(&value).ok()) {
            flag = Some(lang);
        }
    }
    super::settings::Settings::language(flag)
}

/// The whole command line definition, with every text a person reads in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut command = Cli::command();
    command.build();
    localize(command, lang, &[])
}

fn localize(command: Command, lang: Lang, path: &[String]) -> Command {
    let mut path = path.to_vec();
    if !path.is_empty() || command.get_name() != "seminar" {
        path.push(command.get_name().to_string());
    }
    let ids = command_ids(&path);
    let texts = CommandTexts::of(&command);
    let mut command = command;
    if texts.about.is_some() {
        command = command.about(message(lang, &ids.about));
    }
    if texts.long_about.is_some() {
        command = command.long_about(message(lang, &ids.long_about));
    }
    if texts.after_help.is_some() {
        command = command.after_help(message(lang, &ids.after_help));
    }
    let arg_path = path.clone();
    command = command.mut_args(|arg| localize_arg(arg, lang, &arg_path));
    if lang != Lang::En {
        command = headings(command, lang);
    }
    command.mut_subcommands(|sub| localize(sub, lang, &path))
}

fn localize_arg(mut arg: Arg, lang: Lang, path: &[String]) -> Arg {
    let texts = ArgTexts::of(&arg);
    let ids = arg_ids(path, &arg);
    if texts.help.is_some()
        && let Some(text) = first_message(lang, &ids.help)
    {
        arg = arg.help(text);
    }
    if texts.long_help.is_some()
        && let Some(text) = first_message(lang, &ids.long_help)
    {
        arg = arg.long_help(text);
    }
    if lang != Lang::En {
        arg = values(arg, lang, &ids);
    }
    arg
}

/// Clap writes "[default: …]", "[possible values: …]" and "Possible values:" itself, in
/// English: the argument's help says them in `lang` instead, each value with the catalog's
/// help (`seminar-export--format--csv`), laid out as clap does.
fn values(arg: Arg, lang: Lang, ids: &ArgIds) -> Arg {
    let possible: Vec<_> = arg
        .get_possible_values()
        .into_iter()
        .filter(|value| !value.is_hide_set())
        .collect();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|value| value.to_string_lossy().into_owned())
        .collect();
    if possible.is_empty() && (defaults.is_empty() || arg.is_positional()) {
        return arg;
    }
    let mut specs = Vec::new();
    if !defaults.is_empty() && arg.get_action().takes_values() {
        specs.push(format!(
            "[{} {}]",
            message(lang, "help-default"),
            defaults.join(" ")
        ));
    }
    let names: Vec<&str> = possible.iter().map(|value| value.get_name()).collect();
    let short_specs = {
        let mut specs = specs.clone();
        if !names.is_empty() {
            specs.push(format!(
                "[{} {}]",
                message(lang, "help-possible-values"),
                names.join(", ")
            ));
        }
        specs.join(" ")
    };
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let join = |text: &str, tail: &str, separator: &str| match (text.is_empty(), tail.is_empty()) {
        (true, _) => tail.to_string(),
        (_, true) => text.to_string(),
        _ => format!("{text}{separator}{tail}"),
    };
    let short = join(&help, &short_specs, " ");
    let described = possible.iter().any(|value| value.get_help().is_some());
    let long_text = arg
        .get_long_help()
        .map(ToString::to_string)
        .unwrap_or_else(|| help.clone());
    let long = if described {
        let width = names
            .iter()
            .map(|name| name.chars().count())
            .max()
            .unwrap_or(0);
        let mut block = message(lang, "help-possible-values-heading");
        for value in &possible {
            let name = value.get_name();
            let text = value.get_help().map(|english| {
                let candidates: Vec<String> =
                    ids.help.iter().map(|id| format!("{id}--{name}")).collect();
                first_message(lang, &candidates).unwrap_or_else(|| english.to_string())
            });
            block.push_str(&match text {
                Some(text) => format!(
                    "\n- {name}: {:pad$}{text}",
                    "",
                    pad = width - name.chars().count()
                ),
                None => format!("\n- {name}"),
            });
        }
        join(&join(&long_text, &block, "\n\n"), &specs.join(" "), "\n\n")
    } else {
        join(&long_text, &short_specs, "\n\n")
    };
    arg.hide_possible_values(true)
        .hide_default_value(true)
        .help(short)
        .long_help(long)
}

/// Clap writes "Usage:", "Commands:", "Arguments:" and "Options:" itself; a template per
/// command puts the catalog's headings in their place, keeping clap's layout and styles.
fn headings(command: Command, lang: Lang) -> Command {
    let header = command.get_styles().get_header();
    let heading = |id: &str| format!("{header}{}{header:#}", message(lang, id));
    let usage = command.get_styles().get_usage();
    let mut template = format!(
        "{{before-help}}{{about-with-newline}}\n{usage}{}{usage:#} {{usage}}",
        message(lang, "heading-usage")
    );
    let visible_args = |positional: bool| {
        command
            .get_arguments()
            .any(|arg| arg.is_positional() == positional && !arg.is_hide_set())
    };
    let mut sections = Vec::new();
    if command.has_subcommands() && command.get_subcommands().any(|sub| !sub.is_hide_set()) {
        sections.push(format!("{}\n{{subcommands}}", heading("heading-commands")));
    }
    if visible_args(true) {
        sections.push(format!("{}\n{{positionals}}", heading("heading-arguments")));
    }
    if visible_args(false) {
        sections.push(format!("{}\n{{options}}", heading("heading-options")));
    }
    if !sections.is_empty() {
        template.push_str("\n\n");
        template.push_str(&sections.join("\n\n"));
    }
    template.push_str("{after-help}");
    command.help_template(StyledStr::from(template))
}

fn message(lang: Lang, id: &str) -> String {
    i18n::lookup(lang, id, None).unwrap_or_else(|| id.to_string())
}

fn first_message(lang: Lang, ids: &[String]) -> Option<String> {
    ids.iter().find_map(|id| i18n::lookup(lang, id, None))
}

/// The message ids of a command's texts.
struct CommandIds {
    about: String,
    long_about: String,
    after_help: String,
}

/// `help`'s copies of the tree (`seminar help speaker add`) read the commands' own messages.
fn command_ids(path: &[String]) -> CommandIds {
    let segments: Vec<&str> = match path.last().map(String::as_str) {
        Some("help") => vec!["help"],
        _ => path
            .iter()
            .map(String::as_str)
            .filter(|s| *s != "help")
            .collect(),
    };
    let about = std::iter::once("seminar")
        .chain(segments)
        .collect::<Vec<_>>()
        .join("-");
    CommandIds {
        long_about: format!("{about}--long"),
        after_help: format!("{about}--after"),
        about,
    }
}

/// The message ids an argument's help may come from, the most specific first.
struct ArgIds {
    help: Vec<String>,
    long_help: Vec<String>,
}

fn arg_ids(path: &[String], arg: &Arg) -> ArgIds {
    let id = arg.get_id().as_str();
    match id {
        "help" => ArgIds {
            help: vec![if arg.get_long_help().is_some() {
                "flag-help-summary".to_string()
            } else {
                "flag-help".to_string()
            }],
            long_help: vec!["flag-help-long".to_string()],
        },
        "version" => ArgIds {
            help: vec!["flag-version".to_string()],
            long_help: vec![],
        },
        _ => {
            let help: Vec<String> = (0..=path.len())
                .rev()
                .map(|depth| format!("{}--{id}", command_ids(&path[..depth]).about))
                .collect();
            let long_help = help.iter().map(|id| format!("{id}--long")).collect();
            ArgIds { help, long_help }
        }
    }
}

/// The texts a command has in the clap definition (English, from the doc comments).
struct CommandTexts {
    about: Option<String>,
    long_about: Option<String>,
    after_help: Option<String>,
}

impl CommandTexts {
    fn of(command: &Command) -> Self {
        CommandTexts {
            about: command.get_about().map(ToString::to_string),
            long_about: command.get_long_about().map(ToString::to_string),
            after_help: command.get_after_help().map(ToString::to_string),
        }
    }
}

struct ArgTexts {
    help: Option<String>,
    long_help: Option<String>,
}

impl ArgTexts {
    fn of(arg: &Arg) -> Self {
        ArgTexts {
            help: arg.get_help().map(ToString::to_string),
            long_help: arg.get_long_help().map(ToString::to_string),
        }
    }
}

/// clap_mangen titles the sections of a manual page in English (`.SH NAME`, `.SH OPTIONS`, …);
/// this renames them from the catalog (`man-options`).
pub fn manual_page(page: &[u8], lang: Lang) -> Vec<u8> {
    const SECTIONS: [(&str, &str); 7] = [
        ("NAME", "man-name"),
        ("SYNOPSIS", "man-synopsis"),
        ("DESCRIPTION", "man-description"),
        ("OPTIONS", "man-options"),
        ("SUBCOMMANDS", "man-subcommands"),
        ("EXTRA", "man-extra"),
        ("VERSION", "man-version"),
    ];
    let text = String::from_utf8_lossy(page);
    let mut renamed = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let title = line.trim_end().strip_prefix(".SH ");
        match title.and_then(|title| SECTIONS.iter().find(|(name, _)| *name == title)) {
            Some((_, id)) => {
                renamed.push_str(".SH ");
                renamed.push_str(&message(lang, id));
                renamed.push('\n');
            }
            None => renamed.push_str(line),
        }
    }
    renamed.into_bytes()
}

/// A usage error as one line: `error: …; tip: …; see 'seminar help'`, worded from the
/// catalog, or as clap words it for the few kinds the catalog does not have.
pub fn usage_line(error: &clap::Error, lang: Lang) -> String {
    match usage_error(error, lang) {
        Some(message) => format!("error: {message}"),
        None => clap_line(error, lang),
    }
}

/// Clap's own message, its lines joined, without the usage and the pointer to `--help`.
fn clap_line(error: &clap::Error, lang: Lang) -> String {
    let rendered = error.render().to_string();
    let mut parts = Vec::new();
    for line in rendered.lines().map(str::trim) {
        if line.starts_with("Usage:") || line.starts_with("For more information") {
            break;
        }
        if !line.is_empty() {
            parts.push(line.to_string());
        }
    }
    let mut line = parts.join(" ").replace(" tip: ", "; tip: ");
    if !line.starts_with("error:") {
        line = format!("error: {line}");
    }
    format!("{line}; {}", message(lang, "usage-see-help"))
}

/// A usage error from clap as one line in `lang` (without "error: "), or `None` for a kind
/// the catalog does not word.
fn usage_error(error: &clap::Error, lang: Lang) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(text)) => Some(text.clone()),
        Some(ContextValue::Strings(texts)) => Some(texts.join(", ")),
        _ => None,
    };
    let say = |id: &str, args: &[(&str, Option<String>)]| -> Option<String> {
        let mut fluent_args = i18n::FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone()?);
        }
        i18n::lookup(lang, id, Some(&fluent_args))
    };
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let mut line = match error.kind() {
        ErrorKind::UnknownArgument => say("usage-unknown-argument", &[("arg", arg)])?,
        ErrorKind::InvalidSubcommand => say(
            "usage-unknown-subcommand",
            &[("name", text(ContextKind::InvalidSubcommand))],
        )?,
        ErrorKind::InvalidValue => {
            let mut line = match value.as_deref() {
                Some("") => say("usage-missing-value", &[("arg", arg)])?,
                _ => say("usage-invalid-value", &[("arg", arg), ("value", value)])?,
            };
            if let Some(valid) = text(ContextKind::ValidValue) {
                line.push_str(&format!(
                    " [{} {valid}]",
                    message(lang, "help-possible-values")
                ));
            }
            line
        }
        ErrorKind::ValueValidation => {
            let mut line = say("usage-invalid-value", &[("arg", arg), ("value", value)])?;
            if let Some(source) = std::error::Error::source(error) {
                line.push_str(&format!(": {source}"));
            }
            line
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = match error.get(ContextKind::InvalidArg) {
                Some(ContextValue::Strings(names)) => names.join(" "),
                _ => return None,
            };
            say("usage-missing-arguments", &[("args", Some(missing))])?
        }
        ErrorKind::ArgumentConflict => match text(ContextKind::PriorArg) {
            Some(prior) if Some(&prior) == arg.as_ref() => {
                say("usage-used-twice", &[("arg", arg)])?
            }
            Some(prior) => say("usage-conflict", &[("arg", arg), ("other", Some(prior))])?,
            None => return None,
        },
        ErrorKind::MissingSubcommand => {
            let name = text(ContextKind::InvalidSubcommand);
            let mut line = say("usage-missing-subcommand", &[("name", name)])?;
            if let Some(valid) = text(ContextKind::ValidSubcommand) {
                line.push_str(&format!(
                    " [{} {valid}]",
                    message(lang, "usage-subcommands")
                ));
            }
            line
        }
        ErrorKind::TooManyValues => {
            say("usage-too-many-values", &[("arg", arg), ("value", value)])?
        }
        _ => return None,
    };
    let tip = message(lang, "usage-tip");
    for (kind, id) in [
        (ContextKind::SuggestedSubcommand, "usage-similar-subcommand"),
        (ContextKind::SuggestedArg, "usage-similar-argument"),
        (ContextKind::SuggestedValue, "usage-similar-value"),
    ] {
        if let Some(similar) = text(kind) {
            line.push_str(&format!("; {tip} {}", say(id, &[("name", Some(similar))])?));
        }
    }
    if let Some(ContextValue::StyledStrs(tips)) = error.get(ContextKind::Suggested) {
        for suggestion in tips {
            line.push_str(&format!(
                "; {tip} {}",
                suggested(&suggestion.to_string(), lang)
            ));
        }
    }
    line.push_str("; ");
    line.push_str(&message(lang, "usage-see-help"));
    Some(line)
}

/// Clap's free-form tips; the one it gives for an unknown `--flag` ("to pass '--x' as a
/// value, use '-- --x'") is worded from the catalog, others stay as clap says them.
fn suggested(tip: &str, lang: Lang) -> String {
    let quoted: Vec<&str> = tip.split('\'').skip(1).step_by(2).collect();
    match quoted.as_slice() {
        [arg, escaped] if tip.starts_with("to pass ") => {
            let mut args = i18n::FluentArgs::new();
            args.set("arg", arg.to_string());
            args.set("escaped", escaped.to_string());
            i18n::lookup(lang, "usage-pass-as-value", Some(&args))
                .unwrap_or_else(|| tip.to_string())
        }
        _ => tip.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One text of the command line definition: where it is, its English wording in the
    /// clap definition, and the message ids it may come from.
    struct Text {
        place: String,
        english: String,
        ids: Vec<String>,
    }

    /// Every about, long about, after-help and argument help of the tree, `help`'s copies
    /// of the tree left out (they show the commands' own about lines).
    fn texts() -> Vec<Text> {
        fn walk(command: &Command, path: &[String], found: &mut Vec<Text>) {
            let ids = command_ids(path);
            let place = format!("seminar {}", path.join(" "));
            let texts = CommandTexts::of(command);
            for (english, id, what) in [
                (texts.about, ids.about, "about"),
                (texts.long_about, ids.long_about, "long about"),
                (texts.after_help, ids.after_help, "after help"),
            ] {
                if let Some(english) = english {
                    found.push(Text {
                        place: format!("{} ({what})", place.trim_end()),
                        english,
                        ids: vec![id],
                    });
                }
            }
            for arg in command.get_arguments() {
                let texts = ArgTexts::of(arg);
                let ids = arg_ids(path, arg);
                for (english, candidates, what) in [
                    (texts.help, ids.help.clone(), "help"),
                    (texts.long_help, ids.long_help.clone(), "long help"),
                ] {
                    if let Some(english) = english {
                        found.push(Text {
                            place: format!("{} {} ({what})", place.trim_end(), arg.get_id()),
                            english,
                            ids: candidates,
                        });
                    }
                }
                for value in arg.get_possible_values() {
                    if let Some(english) = value.get_help() {
                        let name = value.get_name();
                        found.push(Text {
                            place: format!("{} {}={name}", place.trim_end(), arg.get_id()),
                            english: english.to_string(),
                            ids: ids.help.iter().map(|id| format!("{id}--{name}")).collect(),
                        });
                    }
                }
            }
            for sub in command.get_subcommands() {
                let mut sub_path = path.to_vec();
                sub_path.push(sub.get_name().to_string());
                if path.iter().any(|segment| segment == "help") {
                    continue;
                }
                walk(sub, &sub_path, found);
            }
        }
        let mut command = Cli::command();
        command.build();
        let mut found = Vec::new();
        walk(&command, &[], &mut found);
        found
    }

    /// A message as it would be written in a `.ftl` file.
    fn ftl(id: &str, text: &str) -> String {
        let escaped = text.replace('{', "{\"{\"}").replace('}', "{\"}\"}");
        let escaped = escaped
            .lines()
            .map(|line| match line.chars().next() {
                Some(c @ ('[' | '*' | '.')) => format!("{{\"{c}\"}}{}", &line[1..]),
                _ => line.to_string(),
            })
            .collect::<Vec<_>>();
        if escaped.len() == 1 && !text.starts_with(' ') {
            format!("{id} = {}", escaped[0])
        } else {
            let mut entry = format!("{id} =");
            for line in escaped {
                entry.push('\n');
                if !line.is_empty() {
                    entry.push_str("    ");
                    entry.push_str(&line);
                }
            }
            entry
        }
    }

    #[test]
    fn every_help_text_is_in_both_catalogs_and_indonesian_is_translated() {
        let mut missing_english = Vec::new();
        let mut different_english = Vec::new();
        let mut missing_indonesian = Vec::new();
        let mut untranslated = Vec::new();
        for text in texts() {
            let Some((id, english)) = text
                .ids
                .iter()
                .find_map(|id| Some((id, i18n::lookup(Lang::En, id, None)?)))
            else {
                missing_english.push(ftl(&text.ids[0], &text.english));
                if first_message(Lang::Id, &text.ids).is_none() {
                    missing_indonesian.push(format!("{} ({})", text.ids[0], text.place));
                }
                continue;
            };
            if english != text.english {
                different_english.push(format!(
                    "{} ({id}): the doc comment says\n{}",
                    text.place,
                    ftl(id, &text.english)
                ));
            }
            match i18n::lookup(Lang::Id, id, None) {
                None => missing_indonesian.push(format!("{id} ({})", text.place)),
                Some(indonesian) if indonesian == english => {
                    untranslated.push(format!("{id} ({})", text.place))
                }
                Some(_) => {}
            }
        }
        let mut report = String::new();
        for (title, items) in [
            ("missing in src/i18n/en/help.ftl", &missing_english),
            ("different in src/i18n/en/help.ftl", &different_english),
            ("missing in src/i18n/id/help.ftl", &missing_indonesian),
            ("still English in src/i18n/id/help.ftl", &untranslated),
        ] {
            if !items.is_empty() {
                report.push_str(&format!("\n{title}:\n{}\n", items.join("\n")));
            }
        }
        assert!(report.is_empty(), "{report}");
    }

    /// Every command of the tree with its path, `help`'s copies of the tree left out.
    fn each_command(command: &mut Command, path: &str, visit: &mut dyn FnMut(&mut Command, &str)) {
        visit(command, path);
        let names: Vec<String> = command
            .get_subcommands()
            .map(|sub| sub.get_name().to_string())
            .filter(|name| name != "help")
            .collect();
        for name in names {
            let sub = command.find_subcommand_mut(&name).unwrap();
            each_command(sub, &format!("{path} {name}"), visit);
        }
    }

    fn squeeze(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn english_usage_errors_from_the_catalog_read_as_clap_writes_them() {
        let lines: [&[&str]; 16] = [
            &["--json"],
            &["agenda", "kss-2017", "--from", "2017-01-01"],
            &[
                "agenda",
                "kss-2017",
                "--grid",
                "--on",
                "2017-05-18",
                "--show-cancelled",
            ],
            &["creat"],
            &["--foo"],
            &["list", "--jsn"],
            &["list", "extra"],
            &["agenda", "--format", "pdf"],
            &["agenda", "--format", "markdwn"],
            &["agenda", "--format"],
            &["agenda", "--lsng", "id"],
            &["slot", "add", "kss-2017"],
            &["create", "Title", "--date", "nope"],
            &["list", "--from", "2017-01-01", "--from", "2017-01-02"],
            &["speaker", "add", "kss-2017", "--minutes", "x"],
            &["venue", "frobnicate"],
        ];
        for line in lines {
            let args = std::iter::once("seminar").chain(line.iter().copied());
            let error = command(Lang::En).try_get_matches_from(args).unwrap_err();
            let from_catalog = usage_error(&error, Lang::En)
                .unwrap_or_else(|| panic!("{line:?}: {:?} has no catalog wording", error.kind()));
            assert_eq!(
                format!("error: {from_catalog}"),
                clap_line(&error, Lang::En),
                "{line:?}"
            );
        }
    }

    #[test]
    fn english_help_is_exactly_the_clap_definitions_help() {
        let mut plain = Cli::command();
        plain.build();
        let mut english = command(Lang::En);
        let mut expected = Vec::new();
        each_command(&mut plain, "seminar", &mut |command, path| {
            expected.push((
                path.to_string(),
                command.render_help().to_string(),
                command.render_long_help().to_string(),
            ))
        });
        let mut expected = expected.into_iter();
        each_command(&mut english, "seminar", &mut |command, path| {
            let (plain_path, help, long_help) = expected.next().unwrap();
            assert_eq!(path, plain_path);
            assert_eq!(command.render_help().to_string(), help, "{path} -h");
            assert_eq!(
                command.render_long_help().to_string(),
                long_help,
                "{path} --help"
            );
        });
    }

    #[test]
    fn indonesian_help_of_every_command_has_no_english_left() {
        let mut plain = Cli::command();
        plain.build();
        let mut english_texts = Vec::new();
        each_command(&mut plain, "seminar", &mut |command, path| {
            let mut texts: Vec<String> = [command.get_about(), command.get_after_help()]
                .into_iter()
                .flatten()
                .map(|text| squeeze(&text.to_string()))
                .collect();
            for arg in command.get_arguments() {
                texts.extend(arg.get_help().map(|text| squeeze(&text.to_string())));
                for value in arg.get_possible_values() {
                    texts.extend(value.get_help().map(|text| squeeze(&text.to_string())));
                }
            }
            english_texts.push((path.to_string(), texts));
        });
        let clap_words = [
            "Usage:",
            "Commands:",
            "Arguments:",
            "Options:",
            "Possible values",
            "[default:",
            "[possible values:",
            "Print help",
            "Print version",
            "Print this message",
        ];
        let mut english_texts = english_texts.into_iter();
        let mut problems = Vec::new();
        let mut indonesian = command(Lang::Id);
        each_command(&mut indonesian, "seminar", &mut |command, path| {
            let (_, texts) = english_texts.next().unwrap();
            for rendered in [command.render_help(), command.render_long_help()] {
                let rendered = squeeze(&rendered.to_string());
                for text in texts.iter().map(String::as_str).chain(clap_words) {
                    if rendered.contains(text) {
                        problems.push(format!("{path}: {text:?}"));
                    }
                }
            }
        });
        problems.dedup();
        assert!(
            problems.is_empty(),
            "English in Indonesian help:\n{}",
            problems.join("\n")
        );
    }
}
