// A word for a command line printed for people to paste into a shell: a counterexample's replay line (the fuzz
// summary, the file's own `# Replay:` header, the fuzz JUnit report) and the `reproduce:` line of the run, demo and
// plan JUnit reports. A path with a space, or anything a shell reads as syntax (--out `R&D (1)`), pasted as it was
// printed would run something else: it is printed in single quotes, which a POSIX shell takes literally, a quote
// inside written as '\''. It lives in harness/fuzz, which the CLI builds on, since the counterexample is written here.

/** Words a shell reads as they are: nothing to quote (ASCII letters, digits and a few punctuation marks). */
const PLAIN_WORD = /^[\w@%+=:,./-]+$/;

export function shellQuoted(word: string): string {
  return PLAIN_WORD.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/** `mailflow run PATH`, the path quoted for the shell it is pasted into: the one way a replay line is printed. */
export function replayCommand(path: string): string {
  return `mailflow run ${shellQuoted(path)}`;
}
