//! Builds a large, realistic database for benchmarks, through the library
//! ([`seminar::sample`], which says what it holds):
//!
//!     cargo run --release --example bench_db -- OUT.db --seminars 100000

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use seminar::sample::{SampleSize, generate};
use seminar::store::Store;

struct Options {
    out: PathBuf,
    seminars: usize,
    seed: u64,
}

fn options() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mut out = None;
    let mut seminars = 100_000;
    let mut seed = 2017;
    while let Some(arg) = args.next() {
        let mut number = |flag: &str| -> Result<u64, String> {
            args.next()
                .and_then(|value| value.replace('_', "").parse().ok())
                .ok_or_else(|| format!("{flag}: expected a whole number"))
        };
        match arg.as_str() {
            "--seminars" => seminars = number("--seminars")? as usize,
            "--seed" => seed = number("--seed")?,
            "-h" | "--help" => {
                return Err("usage: bench_db OUT.db [--seminars N] [--seed S]".into());
            }
            path if out.is_none() && !path.starts_with('-') => out = Some(PathBuf::from(path)),
            other => return Err(format!("unexpected argument '{other}'")),
        }
    }
    let out = out.ok_or("usage: bench_db OUT.db [--seminars N] [--seed S]")?;
    if seminars == 0 {
        return Err("--seminars: at least 1".into());
    }
    Ok(Options {
        out,
        seminars,
        seed,
    })
}

fn main() -> ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    if options.out.exists() {
        eprintln!(
            "{} exists; remove it first (the generator only writes new files)",
            options.out.display()
        );
        return ExitCode::from(1);
    }
    let started = Instant::now();
    let result = Store::open(&options.out).and_then(|mut store| {
        let size = SampleSize {
            seminars: options.seminars,
            seed: options.seed,
        };
        store.write(|db| generate(db, size))?;
        store.write(|db| db.analyze())
    });
    match result {
        Ok(()) => {
            eprintln!(
                "wrote {} with {} seminars in {:.1} s",
                options.out.display(),
                options.seminars,
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(1)
        }
    }
}
