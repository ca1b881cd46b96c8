// What a fuzz result may name as its counterexample. `mailflow fuzz merge` prints it in a line to paste into a shell
// (`replay it: mailflow run PATH`), and a shard's result is a file anyone may have handed over: a path planted as
// `x.yaml; curl ... | sh #` would run their command. The line quotes the path (harness/fuzz/shell-quote.ts), so shell
// syntax in it stays one harmless word; what quoting cannot make harmless is refused here: control characters (they
// act on the terminal), a path that is no .yaml file, one that reads as an option. Any other character is allowed:
// --out may name a directory such as `R&D (1)` or a Windows path with backslashes, and merge must take those shards.
import { holdsControlCharacters } from '../scenario/terminal-text.js';

/** What is wrong with a result's counterexample field, or null for the path of a .yaml file (or none: null). */
export function counterexamplePathProblem(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') return 'should be the path of the counterexample file, or null';
  // Quoted as JSON, so a trailing space shows; formatProblem (input-error.ts) escapes what JSON leaves (DEL, C1, bidi).
  const shown = JSON.stringify(value);
  if (holdsControlCharacters(value)) return `${shown} holds control characters: not a path mailflow fuzz writes`;
  if (!value.endsWith('.yaml')) return `${shown} is not a .yaml file: mailflow fuzz writes its counterexample as one`;
  if (value.startsWith('-')) return `${shown} starts with -, which mailflow run would read as an option`;
  return null;
}
