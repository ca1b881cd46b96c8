import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue, MAX_ACTORS, type QueuedEvent } from '../../../sim/core/event-queue.js';

function drain(queue: EventQueue): QueuedEvent[] {
  const out: QueuedEvent[] = [];
  const ev: QueuedEvent = { timeMs: 0, seq: 0, actor: 0, code: 0, ref: undefined };
  while (queue.pop(ev)) out.push({ ...ev });
  return out;
}

describe('EventQueue', () => {
  it('pops events in (time, seq) order whatever the insertion order', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), (times) => {
      const queue = new EventQueue();
      times.forEach((t, i) => queue.push(t, i, 0, i));
      const popped = drain(queue);
      expect(popped).toHaveLength(times.length);
      for (let i = 1; i < popped.length; i++) {
        const a = popped[i - 1]!;
        const b = popped[i]!;
        expect(a.timeMs < b.timeMs || (a.timeMs === b.timeMs && a.seq < b.seq)).toBe(true);
      }
      // Every event comes out exactly once with the fields it went in with.
      expect(popped.map((e) => e.ref).sort((x, y) => (x as number) - (y as number))).toEqual(times.map((_, i) => i));
      for (const e of popped) expect(e.timeMs).toBe(times[e.ref as number]);
    }));
  });

  it('runs simultaneous events in the order they were scheduled', () => {
    const queue = new EventQueue();
    for (const label of ['a', 'b', 'c', 'd']) queue.push(10, 0, 0, label);
    queue.push(5, 0, 0, 'early');
    expect(drain(queue).map((e) => e.ref)).toEqual(['early', 'a', 'b', 'c', 'd']);
  });

  it('keeps order across interleaved pushes and pops, past its initial capacity', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constant(-1)), { maxLength: 3000 }), (ops) => {
      const queue = new EventQueue();
      const reference: Array<[number, number]> = [];
      const ev: QueuedEvent = { timeMs: 0, seq: 0, actor: 0, code: 0, ref: undefined };
      let seq = 0;
      for (const op of ops) {
        if (op >= 0) {
          queue.push(op, 1, 2, null);
          reference.push([op, seq++]);
          continue;
        }
        reference.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
        const expected = reference.shift();
        expect(queue.pop(ev)).toBe(expected !== undefined);
        if (expected !== undefined) expect([ev.timeMs, ev.seq, ev.actor, ev.code]).toEqual([...expected, 1, 2]);
      }
      expect(queue.size).toBe(reference.length);
    }));
  });

  it('packs actor and code without loss at the ends of their ranges, and refuses values beyond them', () => {
    const queue = new EventQueue();
    const ev: QueuedEvent = { timeMs: 0, seq: 0, actor: 0, code: 0, ref: undefined };
    for (const [actor, code] of [[-1, 0], [MAX_ACTORS - 2, 0x7fff_ffff], [12345, 987654]] as const) {
      queue.push(1, actor, code, null);
      queue.pop(ev);
      expect([ev.actor, ev.code]).toEqual([actor, code]);
    }
    expect(() => queue.push(1, MAX_ACTORS, 0, null)).toThrow(RangeError);
    expect(() => queue.push(1, 0, 2 ** 31, null)).toThrow(RangeError);
  });

  it('reports the earliest time, Infinity when empty', () => {
    const queue = new EventQueue();
    expect(queue.peekTimeMs()).toBe(Infinity);
    queue.push(7, 0, 0, null);
    queue.push(3, 0, 0, null);
    expect(queue.peekTimeMs()).toBe(3);
  });
});
