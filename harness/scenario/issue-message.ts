// zod's own wording ("Too small: expected number to be >0", "Invalid input: expected number, received string",
// thirty-seven options in quotes) said as a scenario author needs it: the value given, what would be right, and the
// nearest choice when it looks misspelt. Messages the schema wrote itself are kept as they are.
import type { z } from 'zod';
import { didYouMean, namesSharingAWord } from './closest-name.js';

/** More choices than this are not listed; the nearest one (or the reference page) is named instead. */
const LISTED_CHOICES = 10;
/** How many choices an unknown word may be near to be named; more is no hint. */
const NEAR_CHOICES = 3;

/**
 * Words other tools and runbooks use for a choice here (turmoil's and Jepsen's verbs are `down`/`up`, `crash`/`restart`):
 * no slip of the keyboard away from it, so no edit distance finds it.
 */
const MEANT_BY: Readonly<Record<string, readonly string[]>> = {
  stop: ['down'], shutdown: ['down'], outage: ['down'], offline: ['down'], start: ['up'], online: ['up'], boot: ['up'],
  kill: ['crash'], reboot: ['restart'], recover: ['restart'], isolate: ['partition'], split: ['partition'], reconnect: ['heal'],
};

export function issueMessage(issue: z.core.$ZodIssue, given: unknown): string {
  const shown = shownValue(given);
  if (issue.code === 'invalid_value' && issue.message.startsWith('Invalid option')) {
    const choices = issue.values.map(String);
    const hint = typeof given === 'string' ? didYouMean(given, choices) : '';
    if (hint !== '') return `${shown} is not a choice here${hint}`;
    const near = typeof given === 'string' ? nearChoices(given, choices) : [];
    // `incoming: forward` is no slip from `forward-mailbox`, but names part of it.
    if (choices.length <= LISTED_CHOICES) return `${shown} is not one of ${choices.join(', ')}${near.length === 0 ? '' : ` (did you mean ${orList(near)}?)`}`;
    return `${shown} is not one of the ${choices.length} choices (${near.length === 0 ? '' : `did you mean ${orList(near)}? `}docs/scenario-reference.md lists them)`;
  }
  if ((issue.code === 'too_small' || issue.code === 'too_big') && /^Too (small|big)/.test(issue.message)) {
    const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
    const word = issue.code === 'too_small' ? (issue.inclusive ? 'at least' : 'more than') : (issue.inclusive ? 'at most' : 'less than');
    if (issue.origin === 'number' || issue.origin === 'int') return `expected ${word} ${String(bound)}, got ${shown}`;
    if (issue.origin === 'array' || issue.origin === 'set') return `${word} ${String(bound)} ${Number(bound) === 1 ? 'item' : 'items'}`;
    if (issue.origin === 'string') return Number(bound) === 1 && issue.code === 'too_small' ? 'must not be empty' : `${word} ${String(bound)} characters`;
  }
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input: expected') && given !== undefined) {
    return `expected ${article(issue.expected)}, got ${shown}`;
  }
  return issue.message;
}

/** The choices an unknown word means (MEANT_BY) or shares a word with, at most NEAR_CHOICES of them; none past that. */
function nearChoices(given: string, choices: readonly string[]): string[] {
  const meant = (Object.hasOwn(MEANT_BY, given.toLowerCase()) ? MEANT_BY[given.toLowerCase()] ?? [] : []).filter((c) => choices.includes(c));
  const near = [...new Set([...meant, ...namesSharingAWord(given, choices)])];
  return near.length <= NEAR_CHOICES ? near : [];
}

/** `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'` */
function orList(names: readonly string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  return quoted.length === 1 ? quoted[0] ?? '' : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1) ?? ''}`;
}

/**
 * A value as the file wrote it: text in quotes, and YAML's `.inf`, `-.inf` and `.nan` as themselves (JSON has no
 * such numbers and would say null).
 */
function shownValue(given: unknown): string {
  if (typeof given === 'string') return `'${given}'`;
  if (typeof given === 'number' && !Number.isFinite(given)) return Number.isNaN(given) ? '.nan' : given > 0 ? '.inf' : '-.inf';
  return JSON.stringify(given) ?? String(given);
}

/**
 * zod bounds every integer by the safe-integer range besides the field's own bounds, so `seed: 1e300` broke both
 * (at most 9007199254740991, at most 4294967295): one field, one problem, the field's own bound.
 */
export function withoutSafeIntegerBound(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const bounded = new Set(issues.filter((i) => isBound(i) && !isSafeIntegerBound(i)).map((i) => JSON.stringify(i.path)));
  return issues.filter((i) => !(isSafeIntegerBound(i) && bounded.has(JSON.stringify(i.path))));
}

function isBound(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'too_big' || issue.code === 'too_small';
}

function isSafeIntegerBound(issue: z.core.$ZodIssue): boolean {
  return (issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'int';
}

function article(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'a mapping of fields';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
