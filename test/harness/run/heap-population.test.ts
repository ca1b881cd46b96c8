// The heap pre-flight weighed only messages: a scenario of many mailboxes and little mail was taken on any heap, and
// died of V8's abort building its world. It weighs the mailboxes, CRM users and queues too.
import { describe, expect, it } from 'vitest';
import { checkHeapFits, HEAP_BYTES_PER_MAILBOX } from '../../../harness/cli/heap-preflight.js';
import { populationOf } from '../../../harness/scenario/population.js';
import type { Scenario } from '../../../harness/scenario/schema.js';
import { exchangeScenario } from '../../helpers/exchange-scenario.js';

const MB = 1024 * 1024;
const TWO_MESSAGES = '{ messages: [{ at: 1m, from: a@partner.example, to: [alice@contoso.example] }, { at: 2m, from: a@partner.example, to: [bob@contoso.example] }] }';

/** The test world with `extra` more mailboxes, made as the expanded scenario holds them (expanding them is slow). */
function crowded(extra: number): Scenario {
  const scenario = exchangeScenario({ traffic: TWO_MESSAGES });
  const exchange = scenario.exchange!;
  const [first] = exchange.mailboxes;
  const more = Array.from({ length: extra }, (_, i) => ({ ...first!, address: `u${i + 1}@contoso.example` }));
  return { ...scenario, exchange: { ...exchange, mailboxes: [...exchange.mailboxes, ...more] } };
}

describe('the heap pre-flight', () => {
  it('counts every mailbox, CRM user and queue a count line made', () => {
    const scenario = exchangeScenario({ mailboxes: '[{ address: "u{n}@contoso.example", database: db1, count: 2000 }, { address: x@contoso.example, database: db1 }]' });
    expect(populationOf(scenario)).toBe(2_001);
  });

  it('refuses many mailboxes and two messages on a heap too small for the mailboxes, naming them', () => {
    const scenario = crowded(239_997);
    expect(populationOf(scenario)).toBe(240_000);
    // 240,000 x 800 bytes is 183 MB: taken on 200 MB, refused on 128 MB (where the messages alone, a few kB, fitted).
    expect(240_000 * HEAP_BYTES_PER_MAILBOX).toBeLessThan(200 * MB);
    expect(() => checkHeapFits(scenario, 'crowded.yaml', { heapLimitBytes: 200 * MB })).not.toThrow();
    expect(() => checkHeapFits(scenario, 'crowded.yaml', { heapLimitBytes: 128 * MB })).toThrow(
      'crowded.yaml: 240,000 mailboxes, CRM users and queues and about 2 messages need about 0.2 GB of heap, and this Node allows 0.1 GB: run it with NODE_OPTIONS=--max-old-space-size=1024',
    );
  });
});
