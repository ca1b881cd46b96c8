// A count with its noun in the right number ("1 message", "2 messages", "9,726 messages", grouped as the counts
// beside it are): checker summaries are read by people, and the one-message failure is the one a shrunk fuzz
// counterexample shows.

/** `n` and the noun, singular for exactly one; `plural` defaults to the noun with an s. */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}
