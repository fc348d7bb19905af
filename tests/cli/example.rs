//! The example program builds the seed seminar through the library.

use std::path::PathBuf;
use std::process::Command;

use crate::support::Env;

fn example_binary() -> PathBuf {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_seminar"));
    let path = bin
        .parent()
        .unwrap()
        .join("examples")
        .join(format!("seed_seminar{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "{} is missing: run the whole suite with `cargo test`, which builds the examples",
        path.display()
    );
    path
}

#[test]
fn the_example_prints_the_seed_agenda_in_english_and_indonesian() {
    let output = Command::new(example_binary()).env_clear().output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    for expected in [
        "Seminar on Indonesia's South-South and Triangular Cooperation",
        "Proud to Contribute: Maximizing Potentials in South-South Cooperation",
        "Thursday, 18 May 2017 · 09:00–12:00 WIB",
        "Kamis, 18 Mei 2017 · 09.00–12.00 WIB",
        "Auditorium Juwono Sudarsono",
        "FISIP UI; Tim Koordinasi Nasional Kerja Sama Selatan-Selatan",
        "Direktur Kerja Sama Teknik, Kementerian Luar Negeri",
        "Senior Representative, JICA Indonesia",
        "Dosen Hubungan Internasional, FISIP UI",
        "Senior Advisor, INFID",
        "Moderator      Valerina Daniel",
        "Pembicara",
        "Tempat",
        "Waktu",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in:\n{stdout}"
        );
    }
}

#[test]
fn the_example_saves_to_a_file_that_the_cli_reads_and_matches_the_typed_seed() {
    let env = Env::new();
    let saved = env.dir().join("example.db");
    let output = Command::new(example_binary())
        .arg("--db")
        .arg(&saved)
        .env_clear()
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let typed = Env::new();
    typed.seed();
    let from_example = env.ok(&["--db", saved.to_str().unwrap(), "agenda", "kss-2017"]);
    assert_eq!(
        from_example,
        typed.ok(&["agenda", "kss-2017"]),
        "the example and the documented commands build the same seminar"
    );
    assert_eq!(
        env.ok(&["--db", saved.to_str().unwrap(), "check"]),
        "No problems found.\n"
    );
}
