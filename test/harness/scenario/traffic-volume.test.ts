// A scenario whose traffic would run for minutes and end in Node's out-of-memory abort (`ratePerHour: 1e12` ran 97 s
// before it) is refused at the field of the generator that makes the most of it, with the estimate and the cap.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { inputProblems } from '../../helpers/input-problems.js';
import { exchangeScenarioText } from '../../helpers/exchange-scenario.js';
import { loadScenarioFile, parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { trafficShares } from '../../../harness/scenario/traffic-volume.js';
import { parsePlanText } from '../../../harness/plan/load-plan.js';
import { InputError } from '../../../harness/scenario/input-error.js';

const generators = (list: string, horizon = '8h') => exchangeScenarioText({ horizon, traffic: `{ generators: [${list}] }` });

describe('the traffic a scenario may simulate', () => {
  it('refuses 1e12 messages an hour at the generator, with the estimate and the cap', () => {
    expect(inputProblems(generators('{ name: g, sender: partners, ratePerHour: 10 }, { name: flood, sender: partners, ratePerHour: 1e12 }'))).toEqual([
      'traffic.generators[1].ratePerHour: the traffic comes to about 8,000,000,000,080 messages (1,000,000,000,000 an hour for 8h, 1 recipient each; this part 8,000,000,000,000), more than the 20,000,000 a run may simulate: lower the rate, the horizon or `until`, or set `count`',
    ]);
  });

  it('refuses a long horizon with ordinary traffic, and takes `until` and `count` into account', () => {
    const [problem] = inputProblems(generators('{ name: g, sender: partners, ratePerHour: 30 }', '36000d'));
    expect(problem).toMatch(/^traffic\.generators\[0\]\.ratePerHour: the traffic comes to about 25,920,000 messages \(30 an hour for 36000d, 1 recipient each\)/);
    expect(inputProblems(generators('{ name: g, sender: partners, ratePerHour: 30, until: 1000d }', '36000d'))).toEqual([]);
    expect(inputProblems(generators('{ name: g, sender: partners, ratePerHour: 30, count: 1000 }', '36000d'))).toEqual([]);
  });

  it('counts each recipient\'s copy, as many as there are recipients to draw', () => {
    const scenario = parseScenarioText(generators('{ name: g, sender: partners, ratePerHour: 10, fanOut: 5 }, { name: h, sender: partners, ratePerHour: 10, fanOut: 9, to: [alice@contoso.example] }'), 'v.yaml');
    // Two user mailboxes (alice, bob): a fan-out of 5 reaches both; the second generator has one recipient to draw.
    expect(trafficShares(scenario).map((s) => s.messages)).toEqual([160, 80, 0]);
  });

  it('counts the toy sender\'s messages as many as fit before the horizon', () => {
    const toy = (fields: string) => `kind: scenario\nname: toy\nseed: 1\nstart: 2026-01-05T08:00:00Z\nhorizon: 1d\ntoy: { ${fields} }\n`;
    expect(inputProblems(toy('messages: 1000000000, meanInterval: 1ms'))).toEqual([
      'toy.messages: the traffic comes to about 86,400,000 messages (1,000,000,000 messages, one every 1ms on average for 1d), more than the 20,000,000 a run may simulate: fewer messages, a longer meanInterval or a shorter horizon',
    ]);
    expect(inputProblems(toy('messages: 1000000000, meanInterval: 10ms'))).toEqual([]);
  });

  it('accepts the benchmark scenario, a million messages in a day', () => {
    const scale = loadScenarioFile(fileURLToPath(new URL('../../../scenarios/scale.yaml', import.meta.url)));
    expect(Math.round(trafficShares(scale).reduce((n, s) => n + s.messages, 0))).toBe(1_000_008);
  });

  it('says a plan\'s too much traffic at its rate, in the plan\'s own terms', () => {
    let message = '';
    try {
      parsePlanText(`kind: plan
name: big
seed: 1
start: 2026-01-05T08:00:00Z
sites: [{ name: hq, users: 1000 }]
traffic: { perMailboxPerDay: 1000 }
cutover: { switchAt: 1d, batchSize: 1000, settle: 30d }
`, 'big.yaml');
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      message = error.message;
    }
    expect(message).toMatch(/^big\.yaml:6:30: traffic\.perMailboxPerDay: the traffic comes to about 31,\d{3},\d{3} messages .* more than the 20,000,000 a run may simulate: fewer messages per mailbox, fewer users, or a shorter cutover$/);
  });
});
