//! Progress for imports and exports that take more than a moment: drawn on stderr, only
//! when stderr is a terminal, and only once the work has gone on for a moment, so quick
//! commands and scripts never see it.

use std::io::IsTerminal;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::render::visible;

/// How long work goes on before its progress is drawn.
const PATIENCE: Duration = Duration::from_millis(400);

pub struct Progress {
    bar: ProgressBar,
    /// Set when the work is over; the bar must not appear after that.
    over: Arc<Mutex<bool>>,
}

impl Progress {
    /// Progress for one command's work; stays hidden unless stderr is a terminal.
    pub fn start(message: &str) -> Progress {
        let bar = ProgressBar::hidden();
        bar.set_style(spinner_style());
        bar.set_message(visible(message).into_owned());
        let over = Arc::new(Mutex::new(false));
        if std::io::stderr().is_terminal() {
            let (bar, over) = (bar.clone(), Arc::clone(&over));
            std::thread::spawn(move || {
                std::thread::sleep(PATIENCE);
                let over = over.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                if !*over {
                    bar.set_draw_target(ProgressDrawTarget::stderr());
                    bar.enable_steady_tick(Duration::from_millis(120));
                }
            });
        }
        Progress { bar, over }
    }

    /// A new stage of the work: a spinner, or a bar when its size is known.
    pub fn stage(&self, message: &str, total: Option<u64>) {
        match total {
            Some(total) => {
                self.bar.set_style(bar_style());
                self.bar.set_length(total);
            }
            None => self.bar.set_style(spinner_style()),
        }
        self.bar.set_position(0);
        self.bar.set_message(visible(message).into_owned());
    }

    pub fn set_position(&self, done: u64) {
        self.bar.set_position(done);
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        let mut over = self
            .over
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *over = true;
        self.bar.finish_and_clear();
    }
}

fn spinner_style() -> ProgressStyle {
    ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
        .unwrap_or_else(|_| ProgressStyle::default_spinner())
}

fn bar_style() -> ProgressStyle {
    ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({eta} left)")
        .map(|style| style.progress_chars("=> "))
        .unwrap_or_else(|_| ProgressStyle::default_bar())
}
