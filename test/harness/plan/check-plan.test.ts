// A plan is refused when it is read, at the field and its line, for what only the whole plan shows: before, two sites
// of one name printed a problem per generated mailbox (762 lines for a plan of 3,000) with no line, and --compare ran
// the first plan in full before finding a bad target in the second.
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../../harness/plan/load-plan.js';
import { InputError, type InputProblem } from '../../../harness/scenario/input-error.js';

const plan = (sites: string, faults = '[]') => `kind: plan
name: checks
seed: 3
start: 2026-01-05T00:00:00Z
sites:
${sites}
traffic: { perMailboxPerDay: 24 }
cutover:
  switchAt: 2h
  batchSize: 10
  batchInterval: 1h
  settle: 4h
faults: ${faults}
`;

function problems(text: string): InputProblem[] {
  try {
    parsePlanText(text, 'plan.yaml');
  } catch (error) {
    if (error instanceof InputError) return [...error.problems];
    throw error;
  }
  return [];
}

const line = (p: InputProblem) => `${p.file}:${p.line}:${p.column}: ${p.path}: ${p.message}`;

describe('plan checks', () => {
  it('refuses a cutover that would run past 36500d, at the cutover, though each of its durations is within it', () => {
    // 25 users and the forward mailbox: three batches of 10, the last two intervals after the switch.
    const interval = (text: string) => plan('  - { name: north, users: 25 }').replace('batchInterval: 1h', `batchInterval: ${text}`).replace('perMailboxPerDay: 24', 'perMailboxPerDay: 1');
    expect(problems(interval('18000d'))).toEqual([]);
    expect(problems(interval('18300d')).map(line)).toEqual([
      'plan.yaml:9:3: cutover: the plan would run until 36603d 6h (the last batch at 36600d 2h, its retry, the settle time and 3d of drain): a run lasts at most 36500d (100 years)',
    ]);
  });

  it('refuses traffic slower than one message per mailbox per 36500d', () => {
    const slow = plan('  - { name: north, users: 5 }').replace('perMailboxPerDay: 24', 'perMailboxPerDay: 1e-300');
    expect(problems(slow).map(line)).toEqual(['plan.yaml:7:30: traffic.perMailboxPerDay: expected at least one message per mailbox per 36500d (0.0000274 a day), got 1e-300']);
  });

  it('names the second of two sites with one name, once, at its line', () => {
    const found = problems(plan('  - { name: north, users: 800 }\n  - { name: south, users: 20 }\n  - { name: north, users: 300 }'));
    expect(found.map(line)).toEqual(["plan.yaml:8:13: sites[2].name: 'north' names sites[0] too: each site needs a name of its own"]);
  });

  it('names a site whose mailboxes another site makes too (north and north1: north11@)', () => {
    const found = problems(plan('  - { name: north, users: 12 }\n  - { name: north1, users: 5 }'));
    expect(found.map(line)).toEqual(["plan.yaml:7:13: sites[1].name: site 'north1' makes north11@contoso.example, as site 'north' (sites[0]) does: choose a name with which no other site's mailbox addresses begin"]);
    // Fewer than 11 users at north: no collision.
    expect(problems(plan('  - { name: north, users: 9 }\n  - { name: north1, users: 5 }'))).toEqual([]);
  });

  it('refuses a batch interval, settle or retry under a minute: a bare number is milliseconds, not hours', () => {
    const text = plan('  - { name: hq, users: 12 }').replace('batchInterval: 1h', 'batchInterval: 3').replace('settle: 4h', 'settle: 4h\n  testAndEnable: { failureRate: 0.1, retryAfter: 2 }');
    expect(problems(text).map((p) => `${p.path}: ${p.message}`)).toEqual([
      "cutover.batchInterval: 3ms is under a minute, where a cutover's steps are minutes to hours apart (a bare number is milliseconds: write a unit, like 5h or 30m)",
      "cutover.testAndEnable.retryAfter: 2ms is under a minute, where a cutover's steps are minutes to hours apart (a bare number is milliseconds: write a unit, like 5h or 30m)",
    ]);
  });

  it('refuses a plan without users', () => {
    expect(problems(plan('  - { name: hq, users: 0, queues: 3 }')).map((p) => `${p.path}: ${p.message}`))
      .toEqual(['sites: no site has users: CRM needs at least one user (queues alone make no cutover to plan)']);
  });

  it('places a fault\'s unknown target and a fault after the run ends at the fault\'s own line', () => {
    const target = problems(plan('  - { name: hq, users: 12 }', '\n  - { at: 3h, verb: down, target: ex-west }'));
    expect(target).toHaveLength(1);
    expect(line(target[0] as InputProblem)).toMatch(/^plan\.yaml:14:\d+: faults\[0\]\.target: .*ex-west/);
    const late = problems(plan('  - { name: hq, users: 12 }', '\n  - { at: 30d, verb: down, target: ex-hq }'));
    expect(late.map(line)).toEqual([expect.stringMatching(/^plan\.yaml:14:\d+: faults\[0\]\.at: after the run ends/)]);
  });

  it('names every bad fault at once: an unknown target no longer hides the late faults after it', () => {
    const faults = '\n  - { at: 40d, verb: down, target: ex-hq }\n  - { at: 3h, verb: down, target: ex-west }\n  - { at: 4h, verb: up, target: ex-hq }\n  - { at: 30d, verb: up, target: ex-hq }';
    expect(problems(plan('  - { name: hq, users: 12 }', faults)).map((p) => `${p.line} ${p.path}`)).toEqual([
      '14 faults[0].at', '15 faults[1].target', '17 faults[3].at',
    ]);
  });
});
