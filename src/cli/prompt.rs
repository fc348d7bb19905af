//! Questions on the terminal (dialoguer), drawn on stderr so that stdout keeps only the
//! command's output. Every answer goes through the same parser as the flag it stands for,
//! and a wrong answer is shown under the question, which is asked again.

use dialoguer::console;
use dialoguer::theme::{ColorfulTheme, Theme};
use dialoguer::{Confirm, FuzzySelect, Input, Select};

use crate::error::{Error, Record, Result};
use crate::model::names::name_key;
use crate::ops::split_short_name;
use crate::render::visible;

pub struct Prompter {
    theme: ColorfulTheme,
}

fn failed(error: dialoguer::Error) -> Error {
    Error::usage(format!(
        "prompt: {error}; give the values as arguments and flags instead"
    ))
}

impl Prompter {
    pub fn new() -> Self {
        Prompter {
            theme: ColorfulTheme::default(),
        }
    }

    /// Every question, item and default is shown as [`visible`] shows it: they may carry
    /// names from the database or a file.
    fn line(&self, question: &str, default: Option<&str>, allow_empty: bool) -> Input<'_, String> {
        let mut input = Input::<String>::with_theme(&self.theme).allow_empty(allow_empty);
        match default {
            // The default is what an empty answer stands for: it keeps its exact text, and
            // the question shows it escaped.
            Some(default) if visible(default) != default => {
                input = input
                    .with_prompt(format!("{} [{}]", visible(question), visible(default)))
                    .default(default.to_string())
                    .show_default(false);
            }
            Some(default) => {
                input = input
                    .with_prompt(visible(question))
                    .default(default.to_string());
            }
            None => input = input.with_prompt(visible(question)),
        }
        input
    }

    /// An answer that `parse` accepts; `default` is taken when the answer is empty.
    pub fn ask<T>(
        &self,
        question: &str,
        default: Option<&str>,
        parse: impl Fn(&str) -> std::result::Result<T, String>,
    ) -> Result<T> {
        let answer = self
            .line(question, default, false)
            .validate_with(|text: &String| parse(text.trim()).map(|_| ()))
            .interact()
            .map_err(failed)?;
        parse(answer.trim()).map_err(Error::usage)
    }

    /// An answer that may be left empty (`None`); otherwise one that `parse` accepts.
    pub fn ask_optional<T>(
        &self,
        question: &str,
        default: Option<&str>,
        parse: impl Fn(&str) -> std::result::Result<T, String>,
    ) -> Result<Option<T>> {
        let answer = self
            .line(question, default, true)
            .validate_with(|text: &String| match text.trim() {
                "" => Ok(()),
                text => parse(text).map(|_| ()),
            })
            .interact()
            .map_err(failed)?;
        match answer.trim() {
            "" => Ok(None),
            text => parse(text).map(Some).map_err(Error::usage),
        }
    }

    /// Free text, `None` when left empty.
    pub fn text(&self, question: &str, default: Option<&str>) -> Result<Option<String>> {
        self.ask_optional(question, default, |text| Ok(text.to_string()))
    }

    /// Answers to the same question until one is left empty.
    pub fn list(&self, question: &str) -> Result<Vec<String>> {
        let mut answers = Vec::new();
        while let Some(answer) = self.text(question, None)? {
            answers.push(answer);
        }
        Ok(answers)
    }

    /// One of `items`, picked with the arrow keys.
    pub fn choose(&self, question: &str, items: &[String], default: usize) -> Result<usize> {
        Select::with_theme(&self.theme)
            .with_prompt(visible(question))
            .items(visible_items(items))
            .default(default)
            .interact()
            .map_err(failed)
    }

    /// One of `items`, found by typing part of it; `None` when the user presses Esc.
    pub fn search(&self, question: &str, items: &[String]) -> Result<Option<usize>> {
        FuzzySelect::with_theme(&self.theme)
            .with_prompt(visible(question))
            .items(visible_items(items))
            .default(0)
            .max_length(8)
            .interact_opt()
            .map_err(failed)
    }

    /// Shows a problem with the answers as dialoguer shows a refused answer.
    pub fn complain(&self, problem: &str) {
        let mut line = String::new();
        if self
            .theme
            .format_error(&mut line, &visible(problem))
            .is_ok()
        {
            let _ = console::Term::stderr().write_line(&line);
        }
    }

    pub fn confirm(&self, question: &str, default: bool) -> Result<bool> {
        Confirm::with_theme(&self.theme)
            .with_prompt(visible(question))
            .default(default)
            .interact()
            .map_err(failed)
    }

    /// "Did you mean ...?" for a new name close to existing ones: `Some(existing)` to use
    /// an existing record, `None` to add the new one; cancelling is an error.
    pub fn did_you_mean(
        &self,
        record: Record,
        name: &str,
        candidates: &[String],
    ) -> Result<Option<String>> {
        let question = match candidates {
            [one] => format!("Did you mean {one}?"),
            _ => format!(
                "'{name}' looks like existing {}s. Did you mean one of these?",
                record.noun()
            ),
        };
        let mut items: Vec<String> = candidates
            .iter()
            .map(|candidate| format!("Yes, {candidate}"))
            .collect();
        items.push(format!("No, add '{name}' as a new {}", record.noun()));
        items.push("Cancel: change nothing".to_string());
        let choice = self.choose(&question, &items, 0)?;
        match choice {
            n if n < candidates.len() => Ok(Some(candidates[n].clone())),
            n if n == candidates.len() => Ok(None),
            _ => Err(Error::LooksLike {
                record,
                name: name.to_string(),
                candidates: candidates.to_vec(),
                place: None,
            }),
        }
    }
}

fn visible_items(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|item| visible(item).into_owned())
        .collect()
}

/// The user's answers to "did you mean ...?" within one command: names to read as the
/// existing records they chose.
#[derive(Debug, Default)]
pub struct Answers {
    replacements: Vec<(Record, String, String)>,
}

impl Answers {
    pub fn replace(&mut self, record: Record, typed: &str, chosen: String) {
        self.replacements
            .push((record, key_of(record, typed), chosen));
    }

    pub fn knows(&self, record: Record, typed: &str) -> bool {
        let key = key_of(record, typed);
        self.replacements
            .iter()
            .any(|(kind, from, _)| *kind == record && *from == key)
    }

    /// The name to use for what the user typed.
    pub fn resolve(&self, record: Record, typed: &str) -> String {
        let key = key_of(record, typed);
        self.replacements
            .iter()
            .find(|(kind, from, _)| *kind == record && *from == key)
            .map_or_else(|| typed.to_string(), |(_, _, chosen)| chosen.clone())
    }

    pub fn resolve_option(&self, record: Record, typed: &Option<String>) -> Option<String> {
        typed.as_deref().map(|text| self.resolve(record, text))
    }
}

fn key_of(record: Record, text: &str) -> String {
    match record {
        Record::Institution => name_key(&split_short_name(text).0),
        Record::Person | Record::Venue => name_key(text),
    }
}
