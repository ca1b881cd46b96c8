// Durations and rates are bounded so that no time a run derives from them passes the engine's limit (time-bounds.ts):
// past the bound a file is refused at its field (exit 2), where the engine used to throw a RangeError in the middle of
// the run (exit 3, "a bug in mailflow-sim"). At the bound, a run goes through.
import { describe, expect, it } from 'vitest';
import { inputProblems } from '../../helpers/input-problems.js';
import { exchangeScenarioText } from '../../helpers/exchange-scenario.js';
import { crmScenarioText } from '../../helpers/crm-scenario.js';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { MAX_DURATION_MS } from '../../../harness/scenario/time-bounds.js';

const toy = (fields: string, top = 'horizon: 1h\n') => `kind: scenario
name: bounds
seed: 1
start: 2026-01-05T08:00:00Z
${top}toy: { ${fields} }
`;

const TOO_LONG = 'expected at most 3153600000000 ms, that is 36500d (100 years)';

describe('bounds on durations and rates', () => {
  it('refuses a duration past 36500d at its field, as milliseconds or as text, saying the bound', () => {
    expect(inputProblems(toy('processingMean: 9007199254740991'))).toEqual([`toy.processingMean: ${TOO_LONG}, got 9007199254740991`]);
    // Past the safe integers too: one problem, the field's own bound (not zod's safe-integer bound beside it).
    expect(inputProblems(toy('meanInterval: 1e300'))).toEqual([`toy.meanInterval: ${TOO_LONG}, got 1e+300`]);
    expect(inputProblems(exchangeScenarioText({ users: '{ read: { probability: 1, meanDelay: 100000000d } }' }))).toEqual([
      'users.read.meanDelay: "100000000d" is longer than 36500d (100 years), the most a scenario\'s time may reach',
    ]);
    expect(inputProblems(crmScenarioText({ sss: '{ profiles: [{ name: exchange, server: ex1, processEmailFrom: -36501d }] }' }))).toEqual([
      'sss.profiles[0].processEmailFrom: "-36501d" is longer than 36500d (100 years), the most a scenario\'s time may reach',
    ]);
    expect(inputProblems(toy('expiry: 36500d'))).toEqual([]);
  });

  it('refuses a generator slower than one message per 36500d, whose gaps would pass the bound', () => {
    const generator = (rate: string) => exchangeScenarioText({ traffic: `{ generators: [{ name: g, sender: partners, ratePerHour: ${rate} }] }` });
    for (const rate of ['1e-10', '1e-300', '0', '-1']) {
      expect(inputProblems(generator(rate))).toEqual([`traffic.generators[0].ratePerHour: expected at least one message per 36500d (1/876000 an hour, about 0.0000011416), got ${Number(rate)}`]);
    }
    expect(inputProblems(generator('0.00000115'))).toEqual([]);
    // The bound as said is the bound (the docs audit: 0.0000011416 was accepted below a documented 0.00000115).
    expect(inputProblems(generator(String(1 / 876_000)))).toEqual([]);
    expect(inputProblems(generator('0.0000011416'))).toEqual([]);
    expect(inputProblems(generator('0.0000011415'))).toHaveLength(1);
  });

  it('refuses a run whose horizon plus drain passes the bound, though each is within it', () => {
    expect(inputProblems(toy('', 'horizon: 36500d\n'))).toEqual([
      'horizon: the run would end at 36503d (the horizon, 36500d, plus the drain, 3d): a run lasts at most 36500d (100 years)',
    ]);
    // At the drain when it is the longer: the one written to make the run that long.
    expect(inputProblems(toy('', 'horizon: 1h\ndrain: 36500d\n'))).toEqual([
      'drain: the run would end at 36500d 1h (the horizon, 1h, plus the drain, 36500d): a run lasts at most 36500d (100 years)',
    ]);
    expect(inputProblems(toy('', 'horizon: 36497d\n'))).toEqual([]);
  });

  it('refuses a cutover whose batches, an interval apart from the switch, would pass the bound', () => {
    // Paul, Anna and the queue (with no router the forward mailbox has no record): three batches of one.
    const cutover = (interval: string) => crmScenarioText({
      users: '[{ address: paul@contoso.example, incoming: email-router }, { address: anna@contoso.example, incoming: email-router }]',
      queues: '[{ address: sales@contoso.example, incoming: email-router }]',
      sss: `{ profiles: [{ name: exchange, server: ex1 }], cutover: { at: 1h, batchSize: 1, batchInterval: ${interval} } }`,
    });
    expect(inputProblems(cutover('20000d'))).toEqual([
      'sss.cutover.batchInterval: up to 3 batches this far apart from the switch at 1h would end at 40000d 1h, past 36500d (100 years), the latest a scenario\'s time may reach',
    ]);
    expect(inputProblems(cutover('18000d'))).toEqual([]);
  });

  it('runs a world with its delays and its slowest generator at the bounds, the engine taking every time they make', () => {
    const scenario = parseScenarioText(exchangeScenarioText({
      horizon: '2h', drain: '1d',
      senders: '[{ name: partners, domain: partner.example, replyRatio: 1, replyDelay: 36500d }]',
      traffic: `{ messages: [{ at: 10m, from: carol@partner.example, to: [alice@contoso.example] }, { at: 20m, from: alice@contoso.example, to: [carol@partner.example] }],
        generators: [{ name: slow, sender: partners, ratePerHour: 0.00000115 }] }`,
      users: '{ read: { probability: 1, meanDelay: 36500d }, file: { probability: 1, meanDelay: 36500d }, reply: { probability: 1, meanDelay: 36500d } }',
      settings: '{ safetyNetHold: 36500d, messageExpiration: 36500d, transientRetryInterval: 36500d }',
    }), 'bounds.yaml');
    expect(() => runScenario(scenario)).not.toThrow();
    const toyWorld = parseScenarioText(toy('meanInterval: 36500d, retryInterval: 36500d, expiry: 36500d, pollInterval: 36500d, processingMean: 36500d', 'horizon: 36000d\ndrain: 500d\n'), 'toy.yaml');
    expect(toyWorld.horizon + toyWorld.drain).toBe(MAX_DURATION_MS);
    expect(() => runScenario(toyWorld)).not.toThrow();
  });
});
