// The user mailboxes an inbox rule is deployed to. A rule's `users` may name mailboxes one by one, and an entry with
// `{n}` stands for every mailbox whose address is the entry with `{n}` a number from 1 up, as a counted line writes
// them (`sales{n}@contoso.example`: sales1@, sales2@, ...), so a rule deployed to 600 of 800 counted mailboxes is one
// line, as the mailboxes are (the incident review: a cutover scenario either listed 600 addresses or dropped `users`,
// and then the rule forwarded everyone's mail, the Email Router-access users' too, which changed what the run showed).
import { PLACEHOLDER } from './templates.js';
import { escapeRegExp } from '../../fakes/mail/escape-regexp.js';

export type RuleUsers = 'all' | readonly string[];

export interface RuleMailbox {
  readonly address: string;
  readonly kind: string;
}

/** `{n}` as the numbers a counted line writes: 1, 2, ..., never zero-padded. */
const COUNTED_NUMBER = '([1-9][0-9]*)';

/**
 * The addresses an entry with `{n}` stands for, as a pattern; null for a plain address. Every `{n}` is the same
 * number, as a counted line replaces them all with its n: the first is a group and the others refer back to it, so
 * the pattern has one group whatever the entry holds (one group per `{n}`, side by side, backtracked exponentially:
 * eight took `validate` a minute and a half, the diff review).
 */
export function userPattern(entry: string): RegExp | null {
  if (!entry.includes(PLACEHOLDER)) return null;
  let pattern = compiled.get(entry);
  if (pattern === undefined) {
    const [first = '', ...rest] = entry.split(PLACEHOLDER).map(escapeRegExp);
    pattern = new RegExp(`^${first}${COUNTED_NUMBER}${rest.join('\\1')}$`);
    compiled.set(entry, pattern);
  }
  return pattern;
}

/**
 * Patterns made so far, by entry: `ruleNamesUser` is asked once per mailbox (check-router, for each CRM user), and a
 * rule's few entries are the same each time.
 */
const compiled = new Map<string, RegExp>();

/** Does the rule's `users` name this address (a user mailbox, for `all`)? */
export function ruleNamesUser(users: RuleUsers, address: string, kind: string | undefined): boolean {
  if (users === 'all') return kind === 'user';
  return users.some((entry) => entry === address || (userPattern(entry)?.test(address) ?? false));
}

/** The user mailboxes the rule is deployed to, in the order of `mailboxes`. */
export function ruleUserAddresses(users: RuleUsers, mailboxes: readonly RuleMailbox[]): string[] {
  if (users === 'all') return mailboxes.filter((m) => m.kind === 'user').map((m) => m.address);
  const named = new Set(users.filter((entry) => userPattern(entry) === null));
  const patterns = users.map(userPattern).filter((p): p is RegExp => p !== null);
  return mailboxes.filter((m) => named.has(m.address) || patterns.some((p) => p.test(m.address))).map((m) => m.address);
}

/**
 * What is wrong with one entry of a rule's `users`, or null: it must name user mailboxes, and a pattern at least one.
 * `kindOf`: every mailbox's kind by address.
 */
export function ruleUserProblem(entry: string, kindOf: ReadonlyMap<string, string>): string | null {
  const pattern = userPattern(entry);
  if (pattern === null) return kindOf.get(entry) === 'user' ? null : `'${entry}' is not a user mailbox`;
  let matched = 0;
  const others: string[] = [];
  for (const [address, kind] of kindOf) {
    if (!pattern.test(address)) continue;
    matched++;
    if (kind !== 'user') others.push(`${address} (${kind})`);
  }
  if (matched === 0) return `'${entry}' stands for no mailbox: ${PLACEHOLDER} is a number from 1 up, as in a mailbox line with count (no zero-padding)`;
  if (others.length === 0) return null;
  const which = others.length === 1 ? 'mailbox that is' : 'mailboxes that are';
  return `'${entry}' stands for ${others.length} ${which} not a user's: ${others.slice(0, 3).join(', ')}${others.length > 3 ? ', ...' : ''}`;
}
