//! Defaults from the config file and the environment, and `config show`.

use std::path::PathBuf;

use crate::support::Env;

fn config_file(env: &Env, text: &str) -> PathBuf {
    let path = env.dir().join("xdg-config/seminar/config.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs without SEMINAR_DB, SEMINAR_TZ and SEMINAR_LANG, so that the config file counts.
fn run_plain(env: &Env, args: &[&str]) -> (i32, String, String) {
    let output = env
        .command()
        .env_remove("SEMINAR_DB")
        .env_remove("SEMINAR_TZ")
        .env_remove("SEMINAR_LANG")
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_config_file_sets_database_language_and_zone() {
    let env = Env::new();
    config_file(&env, "db = \"~/kss.db\"\nlang = \"id\"\ntz = \"WITA\"\n");
    let (code, _, stderr) = run_plain(
        &env,
        &[
            "create",
            "Seminar Makassar",
            "--date",
            "2017-06-01",
            "--slug",
            "mks",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        env.dir().join("kss.db").exists(),
        "the database is where the config file says"
    );
    let (_, agenda, _) = run_plain(&env, &["agenda", "mks"]);
    assert!(
        agenda.contains("Kamis, 1 Juni 2017 · 09.00–17.00 WITA"),
        "{agenda}"
    );
}

#[test]
fn config_show_names_the_source_of_every_value() {
    let env = Env::new();
    let file = config_file(&env, "lang = \"id\"\ntz = \"Asia/Jayapura\"\n");
    let output = env
        .command()
        .env("SEMINAR_LANG", "en")
        .env_remove("SEMINAR_TZ")
        .args(["--json", "--db", "flag.db", "config", "show"])
        .output()
        .unwrap();
    let shown: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(shown["config_file"], file.to_str().unwrap());
    assert_eq!(shown["config_file_exists"], true);
    assert_eq!(shown["db"]["value"], "flag.db");
    assert_eq!(shown["db"]["source"]["kind"], "flag");
    assert_eq!(
        shown["lang"]["value"], "en",
        "the environment beats the file"
    );
    assert_eq!(shown["lang"]["source"]["name"], "SEMINAR_LANG");
    assert_eq!(shown["tz"]["value"], "Asia/Jayapura");
    assert_eq!(shown["tz"]["source"]["kind"], "config_file");
    let (code, text, _) = run_plain(&env, &["config", "show"]);
    assert_eq!(code, 0);
    assert!(text.contains("| lang    | id"), "{text}");
    assert!(
        text.contains("| db      |") && text.contains("| default"),
        "{text}"
    );
}

#[test]
fn a_config_file_named_by_seminar_config_is_used_instead() {
    let env = Env::new();
    config_file(&env, "lang = \"en\"\n");
    let other = env.dir().join("other.toml");
    std::fs::write(&other, "lang = \"id\"\n").unwrap();
    let shown = env.json(&["config", "show"]);
    assert_eq!(shown["lang"]["value"], "en");
    let env = env.with_env("SEMINAR_CONFIG", other.to_str().unwrap());
    let shown = env.json(&["config", "show"]);
    assert_eq!(shown["lang"]["value"], "id");
    assert_eq!(shown["config_file"], other.to_str().unwrap());
}

#[test]
fn a_bad_config_file_is_named_with_what_it_accepts() {
    let env = Env::new();
    let file = config_file(&env, "langue = \"id\"\n");
    let line = env.fails(2, &["list"]);
    assert!(line.contains(file.to_str().unwrap()), "{line}");
    assert!(
        line.contains("unknown field `langue`") && line.contains("accepted keys: db, lang, tz"),
        "{line}"
    );
    config_file(&env, "lang = \"fr\"\n");
    let (code, _, stderr) = run_plain(&env, &["list"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("config lang: 'fr' is not a language; accepted: en, id"),
        "{stderr}"
    );
    config_file(&env, "tz = \"Mars/Olympus\"\n");
    let (code, _, stderr) = run_plain(&env, &["list"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("config tz:"), "{stderr}");
}
