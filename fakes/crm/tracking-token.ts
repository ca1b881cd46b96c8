// S11 tracking tokens: prefix, ':', one online/offline digit, the user's number (deployment base + user, padded to
// `userDigits`) and a per-user counter padded to `counterDigits` that wraps from all nines back to zero, so after
// 1,000 emails a token repeats and a late reply can correlate to the wrong email (field report 3, TOKEN-ROLL).
import type { TokenSettings } from './crm-config.js';
import { escapeRegExp } from '../mail/escape-regexp.js';

export function formatToken(settings: TokenSettings, userNumber: number, counter: number, offline: boolean): string {
  const number = String(settings.baseNumber + userNumber);
  // Cut to size, two users could share a token; the scenario checks refuse such settings before a run.
  if (number.length > settings.userDigits) throw new RangeError(`token user number ${number} needs more than ${settings.userDigits} digits`);
  const user = number.padStart(settings.userDigits, '0');
  const count = String(counter).padStart(settings.counterDigits, '0');
  return `${settings.prefix}:${offline ? 1 : 0}${user}${count}`;
}

/** The counter after `counter`: 999 -> 000 with three digits. The first email of a user gets 1. */
export function nextCounter(settings: TokenSettings, counter: number): number {
  return (counter + 1) % 10 ** settings.counterDigits;
}


/** Compiled once per organisation's settings: every incoming email is searched for a token (S10). */
const patterns = new WeakMap<TokenSettings, RegExp>();

function tokenPattern(settings: TokenSettings): RegExp {
  let pattern = patterns.get(settings);
  if (pattern === undefined) {
    const digits = 1 + settings.userDigits + settings.counterDigits;
    pattern = new RegExp(`(?:^|[^A-Za-z0-9])(${escapeRegExp(settings.prefix)}:\\d{${digits}})(?!\\d)`, 'i');
    patterns.set(settings, pattern);
  }
  return pattern;
}

/**
 * The token in a subject, wherever reply and forward prefixes (RE:, FW:, AW:, ...) put it, or null. Only a token of
 * the organisation's own prefix and exact length counts: `CRM:0001001` with the defaults.
 */
export function findToken(settings: TokenSettings, subject: string): string | null {
  const pattern = tokenPattern(settings);
  const match = pattern.exec(subject);
  return match?.[1] === undefined ? null : `${settings.prefix}${match[1].slice(settings.prefix.length)}`;
}

/** Appends the token to a subject, as CRM does for email it sends. */
export function withToken(subject: string, token: string): string {
  return subject.length === 0 ? token : `${subject} ${token}`;
}
