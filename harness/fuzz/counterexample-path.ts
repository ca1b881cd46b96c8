// What a fuzz result may name as its counterexample. `mailflow fuzz merge` prints it in a line to paste into a shell
// (`replay it: mailflow run PATH`), and a shard's result is a file anyone may have handed over: a path planted as
// `x.yaml; curl ... | sh #` would run their command. A shard that mailflow fuzz wrote names the .yaml file it wrote
// under --out; anything else is refused, not printed.
import { holdsControlCharacters } from '../scenario/terminal-text.js';

/**
 * Letters and digits of any script (a directory may be called `Müller`), spaces (quoted when printed) and punctuation
 * that is no shell syntax. No quotes, `$`, `;`, `|`, `&`, backticks, redirections, globs, backslashes.
 */
const PLAIN_PATH = /^[\p{L}\p{M}\p{N} ._\-/+,@:=%]+$/u;

export const PLAIN_PATH_SAID = 'letters, digits, spaces and . _ - / + , @ : = %';

/** What is wrong with a result's counterexample field, or null for a plain path of a .yaml file (or none: null). */
export function counterexamplePathProblem(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') return 'should be the path of the counterexample file, or null';
  // Quoted as JSON, so a trailing space shows; formatProblem (input-error.ts) escapes what JSON leaves (DEL, C1, bidi).
  const shown = JSON.stringify(value);
  if (holdsControlCharacters(value)) return `${shown} holds control characters: not a path mailflow fuzz writes`;
  if (!value.endsWith('.yaml')) return `${shown} is not a .yaml file: mailflow fuzz writes its counterexample as one`;
  if (value.startsWith('-')) return `${shown} starts with -, which mailflow run would read as an option`;
  if (!PLAIN_PATH.test(value)) return `${shown} is not a plain path (${PLAIN_PATH_SAID}): it holds shell syntax`;
  return null;
}
