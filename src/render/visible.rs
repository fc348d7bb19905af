//! What human-readable output does with characters that would act on the terminal or hide
//! from the reader: control characters (C0, DEL, C1), bidirectional overrides, isolates and
//! marks, zero-width and other invisible format characters (Unicode's `Cf`), line and
//! paragraph separators, Hangul fillers and noncharacters. [`visible`] shows each of them as
//! `\u{1b}`, `\u{202e}`... so a stored name can neither drive the terminal (change its title,
//! clear it, plant a link) nor disguise itself. Line breaks stay, as documents have lines;
//! emoji keep the joiners and tags that build them. Data formats (JSON, CSV, iCalendar, XML)
//! keep the exact text in their own escaping and do not come here.

use std::borrow::Cow;

/// `text` with every hidden character (see [`is_hidden`]) written as `\u{…}`; `\n` is kept.
/// Applying it twice changes nothing more: the escapes themselves are plain ASCII.
pub fn visible(text: &str) -> Cow<'_, str> {
    // Most text is ASCII, whose only hidden characters are its controls.
    let hides = |c: char| match c.is_ascii() {
        true => c != '\n' && c.is_ascii_control(),
        false => is_hidden(c),
    };
    if !text.chars().any(hides) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut in_emoji_tags = false;
    for (index, &c) in chars.iter().enumerate() {
        let previous = index.checked_sub(1).map(|i| chars[i]);
        let next = chars.get(index + 1).copied();
        let keep = match c {
            '\n' => true,
            // A joiner between two emoji builds one (👩‍💻); anywhere else it hides.
            '\u{200d}' => {
                previous.is_some_and(|p| is_pictographic(p) || is_emoji_modifier(p))
                    && next.is_some_and(is_pictographic)
            }
            // Tag characters spell a subdivision flag after a black flag (🏴 + tags).
            '\u{e0020}'..='\u{e007f}' => {
                in_emoji_tags = in_emoji_tags || previous == Some('\u{1f3f4}');
                in_emoji_tags
            }
            c => !is_hidden(c),
        };
        if !('\u{e0020}'..='\u{e007f}').contains(&c) || c == '\u{e007f}' {
            in_emoji_tags = false;
        }
        if keep {
            out.push(c);
        } else {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
    }
    Cow::Owned(out)
}

/// A character that must not reach a terminal as it is: it controls the terminal, changes
/// the direction of the text around it, or takes no room on the screen.
pub fn is_hidden(c: char) -> bool {
    c.is_control() || is_format(c) || is_filler(c) || is_noncharacter(c)
}

/// Unicode's `Cf` (format) category with the line and paragraph separators (`Zl`, `Zp`), as
/// of Unicode 15: the soft hyphen, Arabic and Syriac marks, zero-width spaces and joiners,
/// bidirectional marks, embeddings, overrides and isolates, invisible operators, the byte
/// order mark, interlinear annotation marks, hieroglyph and shorthand format controls,
/// musical beam marks and tags.
fn is_format(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{600}'..='\u{605}'
            | '\u{61c}'
            | '\u{6dd}'
            | '\u{70f}'
            | '\u{890}'..='\u{891}'
            | '\u{8e2}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{110bd}'
            | '\u{110cd}'
            | '\u{13430}'..='\u{1343f}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0001}'
            | '\u{e0020}'..='\u{e007f}'
    )
}

/// Letters that draw nothing, used to make a name look empty or like another.
fn is_filler(c: char) -> bool {
    matches!(c, '\u{115f}' | '\u{1160}' | '\u{3164}' | '\u{ffa0}')
}

fn is_noncharacter(c: char) -> bool {
    let code = c as u32;
    (0xfdd0..=0xfdef).contains(&code) || code & 0xfffe == 0xfffe
}

/// Emoji that a zero-width joiner may join (the pictographic blocks).
fn is_pictographic(c: char) -> bool {
    matches!(c, '\u{2600}'..='\u{27bf}' | '\u{2b00}'..='\u{2bff}' | '\u{1f000}'..='\u{1faff}')
}

/// Skin tones and the emoji presentation selector, which may stand before a joiner.
fn is_emoji_modifier(c: char) -> bool {
    matches!(c, '\u{1f3fb}'..='\u{1f3ff}' | '\u{fe0f}')
}

#[cfg(test)]
mod tests {
    use super::{is_hidden, visible};

    #[test]
    fn terminal_controls_are_shown_escaped() {
        assert_eq!(
            visible("Evil \u{1b}]0;pwned\u{7} \u{1b}[2J\u{1b}[31mRED"),
            "Evil \\u{1b}]0;pwned\\u{7} \\u{1b}[2J\\u{1b}[31mRED"
        );
        assert_eq!(
            visible("a\u{9b}31m\u{7f}\tb\r"),
            "a\\u{9b}31m\\u{7f}\\u{9}b\\u{d}"
        );
    }

    #[test]
    fn bidi_and_zero_width_characters_are_shown_escaped() {
        assert_eq!(
            visible("exe.\u{202e}fdp \u{2066}x\u{2069} a\u{200b}b \u{200e}\u{200f}\u{61c}"),
            "exe.\\u{202e}fdp \\u{2066}x\\u{2069} a\\u{200b}b \\u{200e}\\u{200f}\\u{61c}"
        );
        assert_eq!(
            visible("\u{feff}\u{2060}\u{ad}\u{3164}\u{fffe}"),
            "\\u{feff}\\u{2060}\\u{ad}\\u{3164}\\u{fffe}"
        );
    }

    #[test]
    fn ordinary_text_and_emoji_are_left_alone() {
        for text in [
            "Seminar on Indonesia's South-South and Triangular Cooperation",
            "Kamis, 18 Mei 2017 · 09.00–12.00 WIB",
            "Élodie Müller, São Paulo, Łódź, İstanbul, ñandú",
            "Ngô Bảo Châu, 日本語, العربية, עברית, हिन्दी",
            "👩‍💻 🏳️‍🌈 👍🏽 🇮🇩 ❤️ 🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}",
            "line one\nline two",
            "e\u{301} combining accent",
        ] {
            assert_eq!(visible(text), text);
        }
    }

    #[test]
    fn joiners_and_tags_outside_emoji_are_shown_escaped() {
        assert_eq!(visible("ad\u{200d}min"), "ad\\u{200d}min");
        assert_eq!(visible("a\u{e0061}b"), "a\\u{e0061}b");
        assert_eq!(visible("🏴\u{e007f}\u{e0061}"), "🏴\u{e007f}\\u{e0061}");
    }

    #[test]
    fn escaping_twice_changes_nothing_more() {
        let once = visible("\u{1b}[2J\u{202e}\u{200b}\\u{1b}");
        assert_eq!(visible(&once), once);
        assert!(!once.chars().any(|c| c != '\n' && is_hidden(c)));
    }
}
