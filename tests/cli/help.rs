//! `--help`, `help COMMAND`, usage errors, completions and manual pages in the language chosen
//! by `--lang`, `SEMINAR_LANG` or the config file, before the command line is parsed.

use clap::CommandFactory;

use crate::support::Env;

#[test]
fn the_programs_help_in_indonesian() {
    let env = Env::new();
    let help = env.ok(&["--lang", "id", "--help"]);
    for words in [
        "Penggunaan: seminar",
        "Perintah:",
        "Opsi:",
        "Buat seminar",
        "Kode keluar",
    ] {
        assert!(help.contains(words), "{words:?} in:\n{help}");
    }
    for english in [
        "Usage:",
        "Commands:",
        "Options:",
        "Create a seminar",
        "Print help",
    ] {
        assert!(!help.contains(english), "{english:?} in:\n{help}");
    }
    insta::assert_snapshot!(help);
    assert!(!env.db.exists(), "help created the database");
}

#[test]
fn speaker_add_help_in_indonesian() {
    let env = Env::new();
    let help = env.ok(&["--lang", "id", "speaker", "add", "--help"]);
    for words in [
        "Tambah pembicara",
        "Argumen:",
        "Opsi:",
        "Contoh:",
        "--institution",
    ] {
        assert!(help.contains(words), "{words:?} in:\n{help}");
    }
    assert!(!help.contains("Arguments:"), "{help}");
    insta::assert_snapshot!(help);
}

#[test]
fn english_help_stays_as_it_was() {
    let env = Env::new();
    insta::assert_snapshot!("the_programs_help_in_english", env.ok(&["--help"]));
    insta::assert_snapshot!(
        "speaker_add_help_in_english",
        env.ok(&["speaker", "add", "--help"])
    );
}

#[test]
fn every_way_of_choosing_the_language_reaches_the_help() {
    let env = Env::new();
    let indonesian = env.ok(&["--lang", "id", "speaker", "add", "--help"]);
    assert_eq!(
        env.ok(&["speaker", "add", "--lang=id", "--help"]),
        indonesian
    );
    assert_eq!(
        env.ok(&["--lang", "id", "help", "speaker", "add"]),
        indonesian
    );
    let short = env.ok(&["--lang", "id", "speaker", "add", "-h"]);
    assert!(short.contains("Tambah pembicara"), "{short}");

    let from_environment = Env::new().with_env("SEMINAR_LANG", "id");
    assert_eq!(
        from_environment.ok(&["speaker", "add", "--help"]),
        indonesian
    );
    // The flag wins over the environment.
    let english = env.ok(&["speaker", "add", "--help"]);
    assert_eq!(
        from_environment.ok(&["speaker", "add", "--help", "--lang", "en"]),
        english
    );

    let config = env.dir().join("config.toml");
    std::fs::write(&config, "lang = \"id\"\n").unwrap();
    let from_config = Env::new().with_env("SEMINAR_CONFIG", config.to_str().unwrap());
    assert_eq!(from_config.ok(&["speaker", "add", "--help"]), indonesian);
}

/// Every command and subcommand, as its words on the command line.
fn command_paths() -> Vec<Vec<String>> {
    fn walk(command: &clap::Command, path: &[String], paths: &mut Vec<Vec<String>>) {
        for sub in command.get_subcommands() {
            let mut sub_path = path.to_vec();
            sub_path.push(sub.get_name().to_string());
            paths.push(sub_path.clone());
            walk(sub, &sub_path, paths);
        }
    }
    let mut paths = Vec::new();
    walk(&seminar::cli::Cli::command(), &[], &mut paths);
    paths
}

#[test]
fn every_command_has_indonesian_help_through_the_binary() {
    let env = Env::new();
    let mut english_left = Vec::new();
    for path in command_paths() {
        let mut args = vec!["--lang".to_string(), "id".to_string()];
        args.extend(path.iter().cloned());
        args.push("--help".to_string());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let help = env.ok(&args);
        let id = format!("seminar-{}", path.join("-"));
        let about = seminar::i18n::lookup(seminar::render::Lang::Id, &id, None)
            .unwrap_or_else(|| panic!("{id} is missing from src/i18n/id/help.ftl"));
        let squeezed = help.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(squeezed.starts_with(&about), "{path:?}: {help}");
        for english in [
            "Usage:",
            "Options:",
            "Arguments:",
            "Commands:",
            "Print help",
        ] {
            if help.contains(english) {
                english_left.push(format!("{path:?}: {english}"));
            }
        }
    }
    assert!(english_left.is_empty(), "{english_left:#?}");
}

#[test]
fn usage_errors_are_indonesian_with_lang_id() {
    let env = Env::new();
    let line = env.fails(2, &["--lang", "id", "creat"]);
    assert_eq!(
        line,
        "error: subperintah 'creat' tidak dikenal; saran: ada subperintah yang mirip: 'create'; \
         lihat 'seminar help'"
    );
    let line = env.fails(2, &["--lang", "id", "agenda", "--format", "pdf"]);
    assert!(
        line.contains("nilai 'pdf' tidak sah untuk '--format <FORMAT>'"),
        "{line}"
    );
    assert!(
        line.contains("[nilai yang mungkin: text, markdown"),
        "{line}"
    );
    let line = env.fails(2, &["--lang", "id", "slot", "add", "kss-2017"]);
    assert!(
        line.contains("argumen wajib berikut belum diberikan"),
        "{line}"
    );
    let line = env.fails(2, &["--lang", "id", "list", "--sarch", "x"]);
    assert!(
        line.starts_with("error: argumen '--sarch' tidak dikenal"),
        "{line}"
    );
    assert!(
        line.contains("saran: ada argumen yang mirip: '--search'"),
        "{line}"
    );
    // English keeps clap's own wording.
    let line = env.fails(2, &["creat"]);
    assert_eq!(
        line,
        "error: unrecognized subcommand 'creat'; tip: a similar subcommand exists: 'create'; \
         see 'seminar help'"
    );
}

#[test]
fn manual_pages_follow_the_language() {
    let env = Env::new();
    let page = env.ok(&["--lang", "id", "man"]);
    for words in [
        ".SH NAMA",
        ".SH OPSI",
        "Rencanakan seminar dari satu berkas SQLite lokal",
        "Buat seminar",
    ] {
        assert!(page.contains(words), "{words:?} in the page");
    }
    assert!(!page.contains(".SH OPTIONS"), "{page}");
    assert!(!page.contains("Create a seminar"), "{page}");

    let dir = env.dir().join("man1");
    let run = env.run(&["--lang", "id", "man", "--dir", dir.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("Halaman manual ditulis ke"),
        "{}",
        run.stderr
    );
    let page = std::fs::read_to_string(dir.join("seminar-speaker-add.1")).unwrap();
    assert!(
        page.contains("Tambah pembicara, dengan slot materi"),
        "{page}"
    );
    assert!(page.contains("Jabatannya pada saat seminar ini"), "{page}");

    let english = env.ok(&["man"]);
    assert!(english.contains(".SH OPTIONS"), "{english}");
    assert!(english.contains("Create a seminar"), "{english}");
}

#[test]
fn completions_describe_commands_in_the_language() {
    let env = Env::new();
    let script = env.ok(&["--lang", "id", "completions", "fish"]);
    assert!(script.contains("Buat seminar"), "{script}");
    assert!(!script.contains("Create a seminar"), "{script}");
}
