// The incoming cycles under way (sync-cycles.ts): items worked through in order, the busy count per profile that
// S2's concurrent connections are checked against, and claims ([I] one message, one mailbox's cycle at a time).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SyncCycles } from '../../../fakes/sss/sync-cycles.js';

const PROFILE: Readonly<Record<string, string>> = { a: 'p1', b: 'p1', c: 'p2' };
const cyclesOf = () => new SyncCycles<string>((mailbox) => PROFILE[mailbox]);

describe('SyncCycles', () => {
  it('works through a cycle\'s items in order, then has none', () => {
    const cycles = cyclesOf();
    cycles.start('a', ['x', 'y']);
    expect(cycles.running('a')).toBe(true);
    expect(cycles.current('a')).toBe('x');
    cycles.advance('a');
    expect(cycles.current('a')).toBe('y');
    cycles.advance('a');
    expect(cycles.current('a')).toBeUndefined();
    cycles.end('a');
    expect(cycles.running('a')).toBe(false);
    expect(cycles.current('a')).toBeUndefined();
  });

  it('a claimed message is left alone by other mailboxes until the claiming cycle ends', () => {
    const cycles = cyclesOf();
    cycles.start('a', ['x']);
    cycles.start('c', ['x']);
    expect(cycles.claim('a', 'k')).toBe(true);
    expect(cycles.claim('a', 'k')).toBe(true);
    expect(cycles.claim('c', 'k')).toBe(false);
    cycles.end('a');
    expect(cycles.claim('c', 'k')).toBe(true);
    // No cycle, no claim.
    expect(cycles.claim('b', 'k2')).toBe(false);
  });

  it('busy counts per profile always equal the running cycles of its mailboxes, and claims only name running cycles', () => {
    const op = fc.record({ kind: fc.constantFrom('start', 'end', 'claim'), mailbox: fc.constantFrom('a', 'b', 'c'), key: fc.constantFrom('k1', 'k2', 'k3') });
    fc.assert(fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
      const cycles = cyclesOf();
      const running = new Set<string>();
      const claims = new Map<string, string>();
      for (const { kind, mailbox, key } of ops) {
        if (kind === 'start' && !running.has(mailbox)) {
          cycles.start(mailbox, ['item']);
          running.add(mailbox);
        } else if (kind === 'end') {
          cycles.end(mailbox);
          running.delete(mailbox);
          for (const [k, holder] of claims) if (holder === mailbox) claims.delete(k);
        } else if (kind === 'claim') {
          // The model: the old service's rule (a holder blocks only while its cycle runs).
          const holder = claims.get(key);
          const expected = running.has(mailbox) && (holder === undefined || holder === mailbox || !running.has(holder));
          expect(cycles.claim(mailbox, key)).toBe(expected);
          if (expected) claims.set(key, mailbox);
        }
        for (const profile of ['p1', 'p2']) {
          expect(cycles.busyIn(profile)).toBe([...running].filter((m) => PROFILE[m] === profile).length);
        }
        for (const m of ['a', 'b', 'c']) expect(cycles.running(m)).toBe(running.has(m));
      }
    }));
  });
});
