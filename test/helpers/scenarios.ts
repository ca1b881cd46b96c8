// Builds toy scenarios in code (through the real schema, so defaults and validation apply as for a file).
import fc from 'fast-check';
import { scenarioSchema, type Scenario } from '../../harness/scenario/schema.js';

export interface ToyFaultInput {
  at: number;
  verb: 'crash' | 'restart' | 'down' | 'up' | 'partition' | 'heal';
  target?: string;
  peers?: string[];
}

export function toyScenario(options: {
  seed?: number;
  horizonMs?: number;
  messages?: number;
  expiry?: string;
  faults?: ToyFaultInput[];
  expect?: unknown;
}): Scenario {
  return scenarioSchema.parse({
    kind: 'scenario', name: 'toy', seed: options.seed ?? 1, start: '2026-01-05T08:00:00Z',
    horizon: options.horizonMs ?? 4 * 3_600_000,
    toy: { messages: options.messages ?? 60, meanInterval: '2m', retryInterval: '5m', expiry: options.expiry ?? '2d',
      pollInterval: '1m', batchSize: 5, processingMean: '5s' },
    faults: options.faults ?? [],
    expect: options.expect ?? {},
  });
}

/**
 * Random schedules of crashes and outages that always end with every actor running again (a "survivable" schedule):
 * each fault is a down/up or crash/restart pair on one actor, or a partition healed later.
 */
export function arbSurvivableFaults(horizonMs: number): fc.Arbitrary<ToyFaultInput[]> {
  const outage = fc.record({
    start: fc.integer({ min: 0, max: horizonMs - 1 }),
    lengthMs: fc.integer({ min: 1, max: 3 * 3_600_000 }),
    kind: fc.constantFrom('down' as const, 'crash' as const, 'partition' as const),
    target: fc.constantFrom('mailbox', 'consumer'),
  });
  return fc.array(outage, { maxLength: 4 }).map((outages) => outages.flatMap((o): ToyFaultInput[] => {
    const end = Math.min(o.start + o.lengthMs, horizonMs);
    if (o.kind === 'partition') {
      return [{ at: o.start, verb: 'partition', target: 'mailbox', peers: ['consumer'] }, { at: end, verb: 'heal' }];
    }
    return [{ at: o.start, verb: o.kind, target: o.target }, { at: end, verb: o.kind === 'down' ? 'up' : 'restart', target: o.target }];
  }));
}
