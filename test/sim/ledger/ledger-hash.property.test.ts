// The trace hashes a ledger step by codes (value ids, with each value's text once), not by its text. That is only
// sound if the codes say at least what the text says: runs whose steps read differently, in any value of any step,
// hash differently, and the same steps hash the same. (The codes may say more: a list of two mailboxes and one value
// that reads like the two joined give the same text but are different facts.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlainUntrackedReason } from '../../../sim/ledger/untracked-reasons.js';
import { TraceHasher, factString } from '../../../sim/core/trace.js';
import { Ledger } from '../../../sim/ledger/ledger.js';

type Step =
  | { kind: 'submitted'; message: string; from: string; to: string[] }
  | { kind: 'delivered'; message: string; mailbox: string; folder: string; eligible: boolean }
  | { kind: 'evaluated'; message: string; caller: string; reason: number }
  | { kind: 'activity'; message: string; activityId: string }
  | { kind: 'untracked'; message: string; reason: PlainUntrackedReason }
  | { kind: 'passed'; message: string; mailbox: string; thresholdMs: number };

// Small alphabets, so values recur (interned) and steps of different runs often read alike.
const message = fc.constantFrom('<a@x>', '<b@x>', '<c@x>');
const mailbox = fc.constantFrom('u1@x', 'u2@x', 'u1@x, u2@x');
const arbStep: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('submitted' as const), message, from: mailbox, to: fc.array(mailbox, { maxLength: 2 }) }),
  fc.record({ kind: fc.constant('delivered' as const), message, mailbox, folder: fc.constantFrom('Inbox', 'Junk'), eligible: fc.boolean() }),
  fc.record({ kind: fc.constant('evaluated' as const), message, caller: fc.constantFrom('sss', 'router'), reason: fc.constantFrom(0, 6) }),
  fc.record({ kind: fc.constant('activity' as const), message, activityId: fc.constantFrom('email-1', 'email-2') }),
  fc.record({ kind: fc.constant('untracked' as const), message, reason: fc.constantFrom<PlainUntrackedReason>('crm-error', 'never-polled') }),
  // before-threshold-date with whose ThresholdDate and when (R8): before, at or after the start.
  fc.record({ kind: fc.constant('passed' as const), message, mailbox, thresholdMs: fc.constantFrom(-3_600_000, 0, 3_600_000) }),
);

/** Records the steps; returns the trace hash of the ledger's facts and their texts. */
function traceOf(steps: readonly Step[]): { hash: string; texts: string[] } {
  const hasher = new TraceHasher();
  const texts: string[] = [];
  const ledger = new Ledger(() => 0, (name, writer, ref) => {
    hasher.text(name);
    hasher.fact(writer, ref);
    texts.push(`${name}: ${factString(writer, ref)}`);
  });
  for (const step of steps) {
    if (step.kind === 'submitted') ledger.submitted(step.message, step.from, step.to);
    else if (step.kind === 'delivered') ledger.delivered(step.message, step.mailbox, 'user', step.folder, step.eligible);
    else if (step.kind === 'evaluated') ledger.evaluated(step.message, step.caller, step.reason);
    else if (step.kind === 'activity') ledger.activityCreated(step.message, step.activityId, 'incoming', 'sss');
    else if (step.kind === 'passed') ledger.untrackedBeforeThreshold(step.message, step.mailbox, step.thresholdMs);
    else ledger.untracked(step.message, step.reason);
  }
  return { hash: hasher.digest(), texts };
}

describe('the trace hash of ledger steps', () => {
  it('differs when the steps read differently, and is the same for the same steps', () => {
    // The second run is the first with one step replaced, or left as it is.
    const runs = fc.array(arbStep, { minLength: 1, maxLength: 8 }).chain((first) =>
      fc.tuple(fc.constant(first), fc.nat(first.length - 1), fc.option(arbStep, { nil: undefined })).map(([, at, replacement]) =>
        [first, replacement === undefined ? first : first.map((s, i) => (i === at ? replacement : s))] as const));
    fc.assert(fc.property(runs, ([a, b]) => {
      const [x, y] = [traceOf(a), traceOf(b)];
      if (JSON.stringify(x.texts) !== JSON.stringify(y.texts)) expect(x.hash).not.toBe(y.hash);
      if (a === b) expect(x.hash).toBe(y.hash);
    }), { numRuns: 2_000 });
  });

  it('tells apart facts whose texts read alike (a list of two mailboxes, and one value that reads like the two joined)', () => {
    const one = traceOf([{ kind: 'submitted', message: '<a@x>', from: 'u1@x', to: ['u1@x, u2@x'] }]);
    const two = traceOf([{ kind: 'submitted', message: '<a@x>', from: 'u1@x', to: ['u1@x', 'u2@x'] }]);
    expect(one.texts).toEqual(two.texts);
    expect(one.hash).not.toBe(two.hash);
  });
});
