// A finished world must be garbage as soon as nothing refers to it, for the young-generation GC too: a fuzz campaign
// runs thousands of small worlds one after another, and a world that outlives minor GCs is copied and promoted for
// nothing (it was a fifth of all a run allocated). V8 keeps whatever an object literal's getter closure reaches alive
// through minor GCs until the next full GC; the engine's spawn handle was such a literal and reached the whole world.
// The test counts how much of a dropped world's payload lands in the old generation after two minor GCs.
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../sim/core/engine.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;

const WORLDS = 40;
const PAYLOAD_ITEMS = 5_000;
/** About what one small object of the payload takes on 64-bit Node without pointer compression (header and field). */
const ITEM_BYTES = 32;
/** A full GC during a measurement frees old space and lowers the figure (never raises it): the highest of a few counts. */
const TRIES = 3;

function oldSpaceBytes(): number {
  return getHeapSpaceStatistics().filter((s) => s.space_name === 'old_space').reduce((sum, s) => sum + s.space_used_size, 0);
}

/**
 * Old-space growth per dropped world as a fraction of its payload: 1 or more when every world is promoted.
 * Each test makes its payload at its own literal: V8 decides per allocation site to allocate straight in the old
 * generation once that site's objects keep surviving, and the probe's payloads do.
 */
function promotedShare(makeWorld: (i: number) => unknown): number {
  return Math.max(...Array.from({ length: TRIES }, () => promotedShareOnce(makeWorld)));
}

function promotedShareOnce(makeWorld: (i: number) => unknown): number {
  // No full GC here: its sweeping would go on during the loop and shrink the figure.
  gc({ type: 'minor' });
  gc({ type: 'minor' });
  const before = oldSpaceBytes();
  for (let i = 0; i < WORLDS; i++) {
    makeWorld(i);
    // Two minor GCs: a survivor of both is promoted.
    gc({ type: 'minor' });
    gc({ type: 'minor' });
  }
  return (oldSpaceBytes() - before) / (WORLDS * PAYLOAD_ITEMS * ITEM_BYTES);
}

// The engine's case runs first: once the probe's worlds have survived, V8 may allocate what resembles them straight in
// the old generation for the rest of the process.
describe('engine: what a finished world leaves behind', () => {
  it('a dropped engine with a spawned actor is freed by minor GCs, payload and all', () => {
    const share = promotedShare((i) => {
      const payload = Array.from({ length: PAYLOAD_ITEMS }, (_, n) => ({ item: n + i }));
      return new Engine({ seed: 1 }).spawn('node', () => ({}), { payload });
    });
    expect(share).toBeLessThan(0.25);
  });

  it('the probe sees the retention it guards against: a literal with a getter closure keeps its payload', () => {
    const share = promotedShare((i) => {
      const payload = Array.from({ length: PAYLOAD_ITEMS }, (_, n) => ({ n: n + i }));
      return { name: 'node', get durable() { return payload; } };
    });
    expect(share).toBeGreaterThan(0.5);
  });
});
