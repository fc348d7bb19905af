//! `completions SHELL` and `man`: both generated from the clap definitions.

use std::path::PathBuf;

use clap::Args;
use clap_complete::Shell;

use super::Context;
use crate::error::{Error, Result};
use crate::output::{Kind, Privacy, Target};
use crate::render::Lang;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write one page per command (seminar.1, seminar-speaker-add.1, …) into this folder
    /// instead of printing the main page
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub fn completions(args: CompletionsArgs, context: &Context) -> Result<()> {
    let mut script = Vec::new();
    let mut command = super::help::command(context.style.lang);
    clap_complete::generate(args.shell, &mut command, "seminar", &mut script);
    context.print_data(&String::from_utf8_lossy(&script))
}

pub fn man(args: ManArgs, context: &Context) -> Result<()> {
    let command = super::help::command(context.style.lang);
    match args.dir {
        Some(dir) => {
            std::fs::create_dir_all(&dir).map_err(|error| {
                Error::usage(format!(
                    "dir: cannot write the pages to {}: {error}",
                    dir.display()
                ))
            })?;
            let pages = manual_pages(command, context.style.lang)?;
            // Every name is checked before any page is written.
            let targets = pages
                .iter()
                .map(|(name, _)| {
                    let target =
                        Target::check(&dir.join(name), Kind::ManualPage, &context.db_path)?;
                    target.require_regular()?;
                    Ok(target)
                })
                .collect::<Result<Vec<_>>>()?;
            for (target, (_, page)) in targets.iter().zip(&pages) {
                target.write(page, Privacy::Public)?;
            }
            let dir = dir.display().to_string();
            super::context::say(&crate::tr!(context.style.lang, "man-wrote", dir = dir));
            Ok(())
        }
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(command).render(&mut page)?;
            let page = super::help::manual_page(&page, context.style.lang);
            context.print_data(&String::from_utf8_lossy(&page))
        }
    }
}

/// One page per command and subcommand (`seminar.1`, `seminar-speaker-add.1`, …), named and
/// rendered as `clap_mangen::generate_to` would write them.
fn manual_pages(command: clap::Command, lang: Lang) -> Result<Vec<(String, Vec<u8>)>> {
    fn collect(
        command: clap::Command,
        lang: Lang,
        pages: &mut Vec<(String, Vec<u8>)>,
    ) -> Result<()> {
        for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
            collect(sub.clone(), lang, pages)?;
        }
        let man = clap_mangen::Man::new(command);
        let mut page = Vec::new();
        man.render(&mut page)?;
        pages.push((man.get_filename(), super::help::manual_page(&page, lang)));
        Ok(())
    }
    let mut command = command.disable_help_subcommand(true);
    command.build();
    let mut pages = Vec::new();
    collect(command, lang, &mut pages)?;
    Ok(pages)
}
