// A word for a command line the CLI prints for people to paste into a shell (`replay it: mailflow run PATH`). A path
// with a space, or anything a shell reads as syntax, pasted as it was printed would run something else: it is
// printed in single quotes, which a POSIX shell takes literally, a quote inside written as '\''.

/** Words a shell reads as they are: nothing to quote (ASCII letters, digits and a few punctuation marks). */
const PLAIN_WORD = /^[\w@%+=:,./-]+$/;

export function shellQuoted(word: string): string {
  return PLAIN_WORD.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}
