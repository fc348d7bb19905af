//! Shell completions and manual pages, generated from the clap definitions.

use crate::support::Env;

/// Completes `words` (the last one being typed) with the generated bash script, in bash.
fn bash_complete(script: &std::path::Path, words: &[&str]) -> Vec<String> {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        "source '{}'; COMP_WORDS=({}); COMP_CWORD={}; COMP_LINE='{}'; COMP_POINT=${{#COMP_LINE}}; \
         _seminar seminar '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        quoted.join(" "),
        words.len() - 1,
        words.join(" "),
        words[words.len() - 1],
        words[words.len() - 2],
    );
    let output = std::process::Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &program])
        .output()
        .expect("bash runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completes_commands_and_flag_values() {
    let env = Env::new();
    let script = env.dir().join("seminar.bash");
    std::fs::write(&script, env.ok(&["completions", "bash"])).unwrap();
    let check = std::process::Command::new("bash")
        .arg("-n")
        .arg(&script)
        .status()
        .expect("bash runs");
    assert!(check.success(), "the script parses in bash");
    assert_eq!(bash_complete(&script, &["seminar", "ag"]), ["agenda"]);
    assert_eq!(bash_complete(&script, &["seminar", "imp"]), ["import"]);
    let formats = bash_complete(&script, &["seminar", "agenda", "--format", ""]);
    assert_eq!(
        formats,
        ["text", "markdown", "html", "csv", "json", "ics", "frab"]
    );
    let speaker = bash_complete(&script, &["seminar", "speaker", ""]);
    for expected in ["add", "remove", "list"] {
        assert!(speaker.contains(&expected.to_string()), "{speaker:?}");
    }
}

#[test]
fn other_shells_get_their_own_scripts() {
    let env = Env::new();
    assert!(
        env.ok(&["completions", "zsh"])
            .starts_with("#compdef seminar")
    );
    assert!(
        env.ok(&["completions", "fish"])
            .contains("complete -c seminar")
    );
    assert!(
        env.ok(&["completions", "powershell"])
            .contains("Register-ArgumentCompleter")
    );
    let line = env.fails(2, &["completions", "tcsh"]);
    assert!(
        line.contains("possible values: bash, elvish, fish, powershell, zsh"),
        "{line}"
    );
}

#[test]
fn the_manual_page_covers_every_command() {
    let env = Env::new();
    let page = env.ok(&["man"]);
    assert!(page.contains(".TH seminar 1"), "{page}");
    assert!(page.contains(".SH NAME"));
    for command in ["agenda", "export", "import", "speaker", "completions"] {
        assert!(page.contains(command), "{command} in the page");
    }
    let dir = env.dir().join("man1");
    let run = env.run(&["man", "--dir", dir.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for name in [
        "seminar.1",
        "seminar-speaker-add.1",
        "seminar-import.1",
        "seminar-export.1",
    ] {
        let page =
            std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(page.contains(".TH seminar"), "{name}");
    }
}
