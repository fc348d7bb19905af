//! The rule for text that people type and files bring: names, titles and the like are one
//! line without control characters; a description may also have line breaks. Typed
//! commands, guided entry and every importer apply this one rule (through `ops`), so they
//! give the same verdict on the same text.

/// Whether a field may span lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// Names, titles, positions, addresses: one line, no tabs.
    One,
    /// Descriptions: line breaks (`\n`) allowed.
    Many,
}

/// The problem with `text` for a field of this kind, if any: the first control character
/// (C0, DEL or C1), by its code point and position.
pub fn control_character(text: &str, lines: Lines) -> Option<String> {
    let (position, c) = text
        .chars()
        .enumerate()
        .find(|(_, c)| c.is_control() && !(lines == Lines::Many && *c == '\n'))?;
    let allowed = match lines {
        Lines::One => "one line of text without tabs or control characters",
        Lines::Many => "text whose only control characters are line breaks",
    };
    Some(format!(
        "has a control character (U+{:04X}) at character {}; accepted: {allowed}",
        c as u32,
        position + 1
    ))
}

#[cfg(test)]
mod tests {
    use super::{Lines, control_character};

    #[test]
    fn plain_text_of_any_script_is_accepted() {
        for text in [
            "Moh. Syarif Alatas",
            "Kementerian Luar Negeri (Kemlu)",
            "Ngô Bảo Châu · 日本語 · العربية \u{202b}x\u{202c} a\u{200b}b 👩‍💻",
        ] {
            assert_eq!(control_character(text, Lines::One), None, "{text}");
        }
        assert_eq!(control_character("one\ntwo", Lines::Many), None);
    }

    #[test]
    fn control_characters_are_refused_with_their_code_and_place() {
        assert_eq!(
            control_character("Evil \u{1b}]0;pwned\u{7}", Lines::One).as_deref(),
            Some(
                "has a control character (U+001B) at character 6; accepted: one line of text without tabs or control characters"
            )
        );
        for text in ["a\tb", "a\nb", "a\rb", "a\u{0}b", "a\u{7f}b", "a\u{9b}b"] {
            assert!(control_character(text, Lines::One).is_some(), "{text:?}");
        }
        for text in ["a\tb", "a\rb", "a\u{1b}b", "a\u{85}b"] {
            assert!(control_character(text, Lines::Many).is_some(), "{text:?}");
        }
    }
}
