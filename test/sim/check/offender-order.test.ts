// The order checks list offenders in: any beginning of the list (the summary's three, --json's twenty) is a fair
// sample, across the check's reasons and over the run, where the order the ledger saw them let a minority reason
// that came first fill it (the 4,000-mailbox review, finding 5).
import { describe, expect, it } from 'vitest';
import { checkLiveness } from '../../../sim/check/liveness.js';
import { checkNoUntrackedMail } from '../../../sim/check/no-untracked-mail.js';
import { apportioned, representativeOrder, spreadOrder } from '../../../sim/check/offender-order.js';
import { deliver, manualLedger } from '../../helpers/ledger-fixtures.js';

const MIN = 60_000;

/** 30 messages filed out of the Inbox in the first half hour, then 300 in mailboxes disabled later (2 % and 98 %, as in the review's run, near enough). */
function skewedLedger() {
  const { ledger, at } = manualLedger();
  for (let i = 0; i < 30; i++) {
    at(i * MIN);
    deliver(ledger, `<filed-${i}@x>`);
    ledger.untracked(`<filed-${i}@x>`, 'not-in-root-inbox');
  }
  for (let i = 0; i < 300; i++) {
    at((30 + i) * MIN);
    deliver(ledger, `<disabled-${i}@x>`, `user${i}`);
    ledger.untracked(`<disabled-${i}@x>`, 'mailbox-disabled');
  }
  return ledger;
}

const number = (id: string) => Number(/-(\d+)@/.exec(id)?.[1]);

describe('the offenders a check lists first', () => {
  it('are spread over the reasons, in proportion, each at least once', () => {
    const offenders = checkNoUntrackedMail(skewedLedger()).offenders;
    expect(offenders).toHaveLength(330);
    const first20 = offenders.slice(0, 20).map((o) => o.messageId);
    const disabled = first20.filter((id) => id.startsWith('<disabled-'));
    expect(disabled.length).toBeGreaterThanOrEqual(17);
    expect(first20.some((id) => id.startsWith('<filed-'))).toBe(true);
    // The summary's three: the big reason first, the small one too.
    expect(offenders.slice(0, 3).map((o) => o.detail.split(':')[0])).toEqual(['mailbox-disabled', 'not-in-root-inbox', 'mailbox-disabled']);
  });

  it('are spread over the run within a reason: its middle, its quarters, its eighths', () => {
    const offenders = checkNoUntrackedMail(skewedLedger()).offenders;
    const disabled = offenders.slice(0, 20).map((o) => o.messageId).filter((id) => id.startsWith('<disabled-')).map(number);
    expect(disabled.slice(0, 3)).toEqual([150, 75, 225]);
    expect(Math.min(...disabled)).toBeLessThanOrEqual(50);
    expect(Math.max(...disabled)).toBeGreaterThanOrEqual(250);
    // Every offender still listed, once.
    expect(new Set(offenders.map((o) => o.messageId)).size).toBe(330);
  });

  it('are the same, run after run', () => {
    expect(checkNoUntrackedMail(skewedLedger()).offenders.map((o) => o.messageId))
      .toEqual(checkNoUntrackedMail(skewedLedger()).offenders.map((o) => o.messageId));
  });

  it('name each place mail is stuck in before a second from the same place (liveness)', () => {
    const { ledger } = manualLedger();
    const where = new Map<string, string>();
    for (let i = 0; i < 50; i++) where.set(`<q-${i}@x>`, 'fabrikam queue');
    where.set('<stuck-0@x>', 'crm@contoso.example, not yet processed by the router');
    ledger.setInFlight(where);
    const places = checkLiveness(ledger).offenders.slice(0, 2).map((o) => o.detail);
    expect(places).toEqual(['still in flight: fabrikam queue', 'still in flight: crm@contoso.example, not yet processed by the router']);
  });
});

describe('offender-order', () => {
  it('spreads a list: middle, quarters, eighths, and every item once', () => {
    const items = Array.from({ length: 9 }, (_, i) => i);
    expect(spreadOrder(items)).toEqual([4, 2, 6, 1, 5, 3, 7, 0, 8]);
    for (const n of [0, 1, 2, 3, 5, 16, 17, 1000]) {
      const spread = spreadOrder(Array.from({ length: n }, (_, i) => i));
      expect([...spread].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });

  it('apportions picks: each group once, largest first, then near proportional at every length', () => {
    const picks = [...apportioned([2, 98, 0, 10])];
    expect(picks).toHaveLength(110);
    expect(picks.slice(0, 3)).toEqual([1, 3, 0]);
    for (const length of [10, 20, 55, 110]) {
      const share = picks.slice(0, length).filter((g) => g === 1).length / length;
      expect(share, `after ${length}`).toBeGreaterThanOrEqual(0.8);
    }
    expect(representativeOrder([['a1', 'a2'], ['b1']])).toEqual(['a1', 'b1', 'a2']);
  });
});
