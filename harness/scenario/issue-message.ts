// zod's own wording ("Too small: expected number to be >0", "Invalid input: expected number, received string",
// thirty-seven options in quotes) said as a scenario author needs it: the value given, what would be right, and the
// nearest choice when it looks misspelt. Messages the schema wrote itself are kept as they are.
import type { z } from 'zod';
import { didYouMean } from './closest-name.js';

/** More choices than this are not listed; the nearest one (or the reference page) is named instead. */
const LISTED_CHOICES = 10;

export function issueMessage(issue: z.core.$ZodIssue, given: unknown): string {
  const shown = typeof given === 'string' ? `'${given}'` : JSON.stringify(given) ?? String(given);
  if (issue.code === 'invalid_value' && issue.message.startsWith('Invalid option')) {
    const choices = issue.values.map(String);
    const hint = typeof given === 'string' ? didYouMean(given, choices) : '';
    if (hint !== '') return `${shown} is not a choice here${hint}`;
    return choices.length <= LISTED_CHOICES ? `${shown} is not one of ${choices.join(', ')}`
      : `${shown} is not one of the ${choices.length} choices (docs/scenario-reference.md lists them)`;
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

function article(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'a mapping of fields';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
