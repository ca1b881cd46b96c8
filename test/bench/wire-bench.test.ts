// The wire benchmark's plumbing on a few messages (the full run belongs to `npm run bench`): both servers take every
// message (the Exchange round checks its ledger) and the figures are consistent. No wall-clock figure is asserted.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = fileURLToPath(new URL('../../dist/bench/wire-bench.js', import.meta.url));
type Figures = { messagesPerSec: number; baselineMessagesPerSec: number; ratio: number };

describe('wire benchmark', () => {
  it('measures the fake Exchange and the bare sink over the same client and reports their ratio', async () => {
    if (!existsSync(compiled)) throw new Error(`${compiled} is missing: run 'npm run build' first (npm test does)`);
    const { benchWire } = (await import(compiled)) as { benchWire: (messages: number, rounds: number) => Promise<Figures> };
    const figures = await benchWire(40, 1);
    expect(figures.messagesPerSec).toBeGreaterThan(0);
    expect(figures.baselineMessagesPerSec).toBeGreaterThan(0);
    expect(figures.ratio).toBeCloseTo(figures.messagesPerSec / figures.baselineMessagesPerSec, 1);
  });
});
