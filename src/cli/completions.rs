//! `completions SHELL` and `man`: both generated from the clap definitions.

use std::path::PathBuf;

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::{Cli, Context};
use crate::error::{Error, Result};
use crate::output::{Kind, Privacy, Target};

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
    clap_complete::generate(args.shell, &mut Cli::command(), "seminar", &mut script);
    context.print_data(&String::from_utf8_lossy(&script))
}

pub fn man(args: ManArgs, context: &Context) -> Result<()> {
    let command = Cli::command();
    match args.dir {
        Some(dir) => {
            std::fs::create_dir_all(&dir).map_err(|error| {
                Error::usage(format!(
                    "dir: cannot write the pages to {}: {error}",
                    dir.display()
                ))
            })?;
            let pages = manual_pages(command)?;
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
            super::context::say(&format!("Wrote the manual pages to {}", dir.display()));
            Ok(())
        }
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(command).render(&mut page)?;
            context.print_data(&String::from_utf8_lossy(&page))
        }
    }
}

/// One page per command and subcommand (`seminar.1`, `seminar-speaker-add.1`, …), named and
/// rendered as `clap_mangen::generate_to` would write them.
fn manual_pages(command: clap::Command) -> Result<Vec<(String, Vec<u8>)>> {
    fn collect(command: clap::Command, pages: &mut Vec<(String, Vec<u8>)>) -> Result<()> {
        for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
            collect(sub.clone(), pages)?;
        }
        let man = clap_mangen::Man::new(command);
        let mut page = Vec::new();
        man.render(&mut page)?;
        pages.push((man.get_filename(), page));
        Ok(())
    }
    let mut command = command.disable_help_subcommand(true);
    command.build();
    let mut pages = Vec::new();
    collect(command, &mut pages)?;
    Ok(pages)
}
