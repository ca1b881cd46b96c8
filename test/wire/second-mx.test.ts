// With two MX servers, an outside sender on the wire tries them in order as the model's senders do (X1): while the
// first refuses connections the second takes the mail and relays it, so nothing waits in the sender's queue.
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../harness/scenario/load-scenario.js';
import { runScenario } from '../../harness/run/run-scenario.js';
import { runScenarioOnWire } from '../../harness/run/run-wire.js';

const scenario = parseScenarioText(`kind: scenario
name: second-mx
seed: 5
start: 2026-01-05T08:00:00Z
horizon: 2h
drain: 1h
exchange:
  acceptedDomains: [contoso.example]
  servers: [{ name: ex1, site: hq }, { name: ex2, site: hq }]
  databases: [{ name: db1, server: ex1 }]
  mailboxes: [{ address: alice@contoso.example, database: db1 }]
  mx: [ex1, ex2]
internet:
  senders: [{ name: partners, domain: partner.example }]
traffic:
  messages:
    - { at: 10m, from: carol@partner.example, to: [alice@contoso.example], subject: "ex1 up" }
    - { at: 50m, from: carol@partner.example, to: [alice@contoso.example], subject: "ex1 down: through ex2" }
    - { at: 1h40m, from: carol@partner.example, to: [alice@contoso.example], subject: "ex1 up again" }
faults:
  - { at: 30m, verb: down, target: ex1 }
  - { at: 1h10m, verb: up, target: ex1 }
`, 'second-mx.yaml');

describe('two MX servers on the wire', () => {
  it('hands mail to the second MX while the first is down, with the counts of the virtual run', async () => {
    const virtual = runScenario(scenario);
    const wire = await runScenarioOnWire(scenario, { timeScale: scenario.horizon / 3_000 });
    expect(wire.counts).toEqual(virtual.counts);
    expect(wire.verdict).toBe('pass');
    const through = wire.ledger.get('<message-2@partner.example>');
    // No failed attempt: the refused first MX is not an attempt of its own, the second took it at once.
    expect(through?.path.filter((p) => p.step === 'smtp-attempt')).toEqual([]);
    expect(through?.acceptedMailboxes).toEqual(['alice@contoso.example']);
  });
});
