// S11: token format, the per-user counter's wrap from 999 to 000, and parsing tokens out of prefixed subjects.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_CRM_SETTINGS } from '../../../fakes/crm/crm-config.js';
import { findToken, formatToken, nextCounter, withToken } from '../../../fakes/crm/tracking-token.js';

const token = DEFAULT_CRM_SETTINGS.token;

describe('tracking tokens (S11)', () => {
  it('formats prefix, online digit, user number and counter as the documentation shows', () => {
    expect(formatToken(token, 1, 1, false)).toBe('CRM:0001001');
    expect(formatToken(token, 1, 1, true)).toBe('CRM:1001001');
    expect(formatToken({ ...token, prefix: 'CASE', baseNumber: 100 }, 7, 42, false)).toBe('CASE:0107042');
  });

  it('wraps the counter from 999 to 000, so a token repeats after 1,000 emails', () => {
    expect(nextCounter(token, 998)).toBe(999);
    expect(nextCounter(token, 999)).toBe(0);
    expect(nextCounter({ ...token, counterDigits: 1 }, 9)).toBe(0);
    let counter = 0;
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) seen.add(formatToken(token, 1, (counter = nextCounter(token, counter)), false));
    expect(seen.size).toBe(1000);
    expect(seen.has(formatToken(token, 1, nextCounter(token, counter), false))).toBe(true);
  });

  it('refuses a user number that does not fit its digits rather than cut it (two users would share tokens)', () => {
    expect(() => formatToken({ ...token, baseNumber: 995 }, 5, 1, false)).toThrow(RangeError);
    expect(formatToken({ ...token, baseNumber: 995 }, 4, 1, false)).toBe('CRM:0999001');
  });

  it('finds a token behind reply and forward prefixes, in any case', () => {
    for (const subject of ['RE: Offer CRM:0001001', 'FW: RE: Offer CRM:0001001', 'AW: Offer crm:0001001', 'Offer (CRM:0001001)']) {
      expect(findToken(token, subject)).toBe('CRM:0001001');
    }
  });

  it('ignores tokens of another prefix or another length', () => {
    expect(findToken(token, 'RE: Offer CRM:00010011')).toBeNull();
    expect(findToken(token, 'RE: Offer CRM:000100')).toBeNull();
    expect(findToken(token, 'RE: Offer XCRM:0001001')).toBeNull();
    expect(findToken(token, 'RE: Offer CASE:0001001')).toBeNull();
  });

  it('parses back every token it formats, whatever the subject around it', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 }), fc.boolean(), fc.constantFrom('', 'RE: ', 'FW: AW: '),
      fc.string({ maxLength: 20 }).filter((s) => !/\d/.test(s)),
      (user, counter, offline, prefix, text) => {
        const made = formatToken(token, user, counter, offline);
        expect(findToken(token, `${prefix}${withToken(text, made)}`)).toBe(made);
      }));
  });
});
