import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { arbSurvivableFaults, toyScenario } from '../../helpers/scenarios.js';

const HOUR = 3_600_000;

describe('toy world', () => {
  it('delivers and tracks every message exactly once without faults', () => {
    const run = runScenario(toyScenario({ messages: 40 }));
    expect(run.counts).toMatchObject({ sent: 40, accepted: 40, delivered: 40, tracked: 40, lost: 0, duplicates: 0, pending: 0 });
    expect(run.verdict).toBe('pass');
  });

  it('queues and retries at the sender while the mailbox is down, then delivers everything', () => {
    const run = runScenario(toyScenario({
      messages: 60, faults: [{ at: 0, verb: 'down', target: 'mailbox' }, { at: 3 * HOUR, verb: 'up', target: 'mailbox' }],
    }));
    expect(run.counts).toMatchObject({ sent: 60, accepted: 60, tracked: 60, bounced: 0, lost: 0, duplicates: 0 });
    const first = run.ledger.get('<toy-1@sender.example>')!;
    expect(first.path.filter((s) => s.step === 'smtp-attempt').length).toBeGreaterThan(10);
    expect(first.path.find((s) => s.step === 'accepted')!.atMs).toBeGreaterThanOrEqual(3 * HOUR);
  });

  it('bounces what waited longer than the expiry: bounced, never silently gone', () => {
    const run = runScenario(toyScenario({
      messages: 30, expiry: '1h',
      faults: [{ at: 0, verb: 'down', target: 'mailbox' }, { at: 2 * HOUR, verb: 'up', target: 'mailbox' }],
    }));
    expect(run.counts.bounced).toBeGreaterThan(0);
    expect(run.counts.bounced + run.counts.accepted).toBe(run.counts.sent);
    expect(run.counts.lost).toBe(0);
  });

  it('absorbs a consumer crash between creating an activity and deleting the item with the duplicate check', () => {
    // Crash the consumer at many instants; any re-read must show up as a prevented duplicate, never a duplicate.
    let prevented = 0;
    for (let minute = 5; minute < 120; minute += 3) {
      // Offsets spread over the minute, so some crashes land inside a batch (a few seconds of each poll minute).
      const atMs = minute * 60_000 + ((minute * 7_919) % 60_000);
      const run = runScenario(toyScenario({
        messages: 60,
        faults: [{ at: atMs, verb: 'crash', target: 'consumer' }, { at: atMs + 60_000, verb: 'restart', target: 'consumer' }],
      }));
      expect(run.counts).toMatchObject({ tracked: 60, duplicates: 0, lost: 0 });
      prevented += run.counts.duplicatesPrevented;
    }
    expect(prevented).toBeGreaterThan(0);
  });

  it('under any survivable fault schedule, delivers and tracks every submitted message exactly once', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffff_ffff }), arbSurvivableFaults(4 * HOUR), (seed, faults) => {
      const run = runScenario(toyScenario({ seed, faults }));
      expect(run.counts.sent).toBeGreaterThan(0);
      expect(run.counts).toMatchObject({ accepted: run.counts.sent, tracked: run.counts.sent, lost: 0, duplicates: 0, bounced: 0, pending: 0 });
      expect(run.verdict).toBe('pass');
    }), { numRuns: 60 });
  });
});
