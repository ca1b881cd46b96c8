// Addresses in scenario files: the same addresses as the plain pattern accepts, checked in time linear in the text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMAIL_ADDRESS } from '../../../harness/scenario/email-address.js';
import { inputProblems } from '../../helpers/input-problems.js';
import { exchangeScenarioText } from '../../helpers/exchange-scenario.js';

/** The pattern the sections used to share: right, but quadratic in the domain's dots. */
const PLAIN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

describe('email addresses in scenarios', () => {
  it('accepts exactly what the plain pattern accepts', () => {
    expect(EMAIL_ADDRESS.test('paul@contoso.example')).toBe(true);
    expect(EMAIL_ADDRESS.test('paul@contoso')).toBe(false);
    expect(EMAIL_ADDRESS.test('paul@contoso.')).toBe(false);
    expect(EMAIL_ADDRESS.test('paul@.example')).toBe(false);
    expect(EMAIL_ADDRESS.test('a@..b')).toBe(true);
    const text = fc.array(fc.constantFrom('a', '.', '@', ' ', '\t', 'é'), { maxLength: 10 }).map((chars) => chars.join(''));
    fc.assert(fc.property(text, (s) => EMAIL_ADDRESS.test(s) === PLAIN.test(s)), { numRuns: 20_000, seed: 7 });
  });

  it('refuses a 400 KB non-address at its field without trying every dot against the rest (the security review: 28 s for 200 KB)', () => {
    // Quadratic, this would take about two minutes, past the test's timeout.
    const hostile = `a@${'a.'.repeat(200_000)} `;
    const problems = inputProblems(exchangeScenarioText({ mailboxes: `[{ address: "${hostile}", database: db1 }]` }));
    expect(problems).toContainEqual(expect.stringMatching(/^exchange\.mailboxes\[0\]\.address: .*an email address/));
  });
});
