// Exit codes, the same for every command (design.md): scripts and CI systems rely on them.
export const EXIT = {
  pass: 0,
  /** An invariant or expectation not met, or an unexpected unknown. */
  fail: 1,
  /** Bad input or usage. */
  badInput: 2,
  /** The harness itself crashed: a bug to report. */
  crashed: 3,
} as const;
