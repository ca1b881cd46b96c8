// Text from input files and network clients (names, addresses, Message-IDs, YAML keys) shown on a terminal. Written
// raw, its control characters are the terminal's commands: ESC sequences retitle the window, write the clipboard
// (OSC 52), move the cursor and overwrite a FAIL with a PASS; a bidi override shows text in another order than it is.
// Here they become visible escapes (`\u001b`), the rest of the text (accents, CJK, emoji) as it is. It lives in
// harness/scenario, the layer the run and the CLI build on, because input problems (input-error.ts) use it too.

/**
 * The characters a terminal acts on instead of showing: the C0 controls, DEL and the C1 controls (Unicode's Cc) and
 * the bidi controls (Bidi_Control: U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069).
 */
const CONTROL = /[\p{Cc}\p{Bidi_Control}]/gu;
const HAS_CONTROL = /[\p{Cc}\p{Bidi_Control}]/u;

/** Short forms for the two a reader most often meets; the others as \uXXXX (all of these are in the BMP). */
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r' };

function escaped(char: string): string {
  return NAMED[char] ?? `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
}

/**
 * Text safe to write to a terminal: every control character shown as an escape, except the line breaks and tabs
 * that lay out the text (a multi-line summary, an indented table). Backslashes are left alone: a Windows path reads
 * as itself, and a literal `\u001b` in a name only looks like an escape, it moves nothing.
 */
export function terminalText(text: string): string {
  return text.replace(CONTROL, (char) => (char === '\n' || char === '\t' ? char : escaped(char)));
}

/**
 * terminalText for a line meant to stay one line (a problem, an offender, a narration step): a line break in a
 * value is shown as `\n` too, so a Message-ID cannot start a line of its own that reads as the harness's
 * (`    ok   no-lost-mail: pass`).
 */
export function oneLineText(text: string): string {
  return text.replace(CONTROL, (char) => (char === '\t' ? char : escaped(char)));
}

/** Whether the text holds any of those characters, a line break or tab included: for a value that must have none. */
export function holdsControlCharacters(text: string): boolean {
  return HAS_CONTROL.test(text);
}
