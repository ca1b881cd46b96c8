import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { loadScenarioFile, parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { InputError } from '../../../harness/scenario/input-error.js';
import { loadPlanFile } from '../../../harness/plan/load-plan.js';
import { formatDurationMs, parseDurationMs, readDurationMs } from '../../../harness/scenario/duration.js';

const hello = fileURLToPath(new URL('../../../scenarios/hello.yaml', import.meta.url));

/** The problems an InputError lists, one per line. */
function problemsFrom(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof InputError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected an InputError');
}

const problemsOf = (text: string): string[] => problemsFrom(() => parseScenarioText(text, 'bad.yaml'));

const VALID = `kind: scenario
name: ok
seed: 1
start: 2026-01-05T08:00:00Z
horizon: 1h
toy: {}
`;

describe('scenario loader', () => {
  it('loads the shipped hello scenario with durations in milliseconds and defaults applied', () => {
    const scenario = loadScenarioFile(hello);
    expect(scenario.horizon).toBe(2 * 3_600_000);
    expect(scenario.drain).toBe(3 * 86_400_000);
    expect(scenario.faults[0]).toEqual({ at: 30 * 60_000, verb: 'down', target: 'mailbox' });
    expect(scenario.expect.counts?.lost).toEqual({ operator: '==', value: 0, exact: true });
  });

  it('fills defaults for a minimal scenario', () => {
    const scenario = parseScenarioText(VALID, 'ok.yaml');
    expect(scenario.toy?.messages).toBe(100);
    expect(scenario.faults).toEqual([]);
  });

  it('names file, line, column and field path for a bad value', () => {
    expect(problemsOf(VALID.replace('horizon: 1h', 'horizon: 1 fortnight'))).toEqual([
      'bad.yaml:5:10: horizon: expected a duration like 90s, 5m, 2h or 3d, got "1 fortnight"',
    ]);
  });

  it('points at a misspelt key itself', () => {
    expect(problemsOf(VALID + 'toys: {}\n')).toEqual(["bad.yaml:7:1: toys: unknown field (did you mean 'toy'?)"]);
  });

  it('points at the enclosing object when a required field is missing, and says it is missing', () => {
    expect(problemsOf(VALID.replace('seed: 1\n', ''))).toEqual(['bad.yaml:1:1: seed: required field missing']);
    // A duration is a number once parsed: zod alone would say "expected number, received undefined".
    expect(problemsOf(VALID.replace('horizon: 1h\n', 'horizn: 1h\n'))).toEqual([
      // Said once, as the misspelling it is, rather than as a missing field and an unknown one.
      "bad.yaml:5:1: horizn: unknown field (did you mean 'horizon'?)",
    ]);
    // An unknown field like no known one still leaves the required one missing.
    expect(problemsOf(VALID.replace('horizon: 1h\n', 'until: 1h\n'))).toEqual([
      'bad.yaml:1:1: horizon: required field missing', 'bad.yaml:5:1: until: unknown field',
    ]);
    // Present with the wrong type is not missing.
    expect(problemsOf(VALID.replace('seed: 1', 'seed: [1]'))).toEqual(['bad.yaml:3:7: seed: expected a number, got [1]']);
  });

  it('says a plan is a plan, not a scenario, in one line instead of a problem per field', () => {
    const plan = problemsFrom(() => loadScenarioFile(fileURLToPath(new URL('../../../scenarios/plans/recommended.yaml', import.meta.url))));
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatch(/recommended\.yaml:\d+:7: kind: this is a plan file \(kind: plan\), not a scenario: mailflow plan takes it$/);
    // And the other way round, through the plan loader (the same schema problems, another schema).
    expect(problemsFrom(() => loadPlanFile(hello))).toEqual([expect.stringMatching(/hello\.yaml:\d+:7: kind: this is a scenario file \(kind: scenario\), not a plan: mailflow run takes it$/)]);
    // An inherited property name is no kind of file either.
    expect(problemsOf(VALID.replace('kind: scenario', 'kind: constructor'))[0]).toBe("bad.yaml:1:7: kind: 'constructor' is no kind of file: scenario (mailflow run) or plan (mailflow plan)");
    // An unknown kind is a bad value, and the other problems are still worth reading...
    expect(problemsOf(VALID.replace('kind: scenario', 'kind: scenery').replace('seed: 1', 'seed: [1]'))).toEqual([
      "bad.yaml:1:7: kind: 'scenery' is no kind of file: scenario (mailflow run) or plan (mailflow plan)",
      'bad.yaml:3:7: seed: expected a number, got [1]',
    ]);
    // ...unless it is another kind misspelt: then every other field is wrong for the same reason, and one line says it.
    const plans = readFileSync(fileURLToPath(new URL('../../../scenarios/plans/recommended.yaml', import.meta.url)), 'utf8').replace('kind: plan', 'kind: plans');
    expect(problemsOf(plans)).toEqual([expect.stringMatching(/^bad\.yaml:\d+:7: kind: 'plans' is no kind of file; kind: plan\? \(mailflow plan takes it\)$/)]);
  });

  it('reports YAML syntax errors with their position', () => {
    const [problem] = problemsOf('kind: scenario\nname: [unclosed\n');
    expect(problem).toMatch(/^bad\.yaml:\d+:\d+: YAML: /);
  });

  it('reports duplicate keys', () => {
    expect(problemsOf(VALID + 'seed: 2\n')[0]).toMatch(/^bad\.yaml:7:1: YAML: .*unique/);
  });

  it('refuses a fault aimed at an actor that does not exist, naming the known ones', () => {
    const text = VALID + 'faults:\n  - { at: 5m, verb: crash, target: mailbx }\n';
    expect(problemsOf(text)).toEqual([
      "bad.yaml:8:36: faults[0].target: no actor named 'mailbx' (did you mean 'mailbox'? known actors: sender, mailbox, consumer)",
    ]);
  });

  it('refuses a horizon of 0 once, rather than every timed thing after it', () => {
    expect(problemsOf(VALID.replace('horizon: 1h', 'horizon: 0s') + 'faults:\n  - { at: 5m, verb: crash, target: mailbox }\n')).toEqual([
      'bad.yaml:5:10: horizon: must be longer than 0',
    ]);
  });

  it('refuses a fault after the horizon and a partition without peers', () => {
    const text = VALID + 'faults:\n  - { at: 2h, verb: down, target: mailbox }\n  - { at: 5m, verb: partition, target: mailbox }\n';
    expect(problemsOf(text)).toEqual([
      'bad.yaml:8:11: faults[0].at: 2h is after the horizon (1h): faults and operations happen at or before it',
      "bad.yaml:9:5: faults[1]: 'partition' needs peers to cut the target off from",
    ]);
  });

  it('refuses an unreadable file with its name', () => {
    expect(() => loadScenarioFile('/no/such/file.yaml')).toThrow(/\/no\/such\/file\.yaml: cannot read/);
  });
});

describe('durations', () => {
  it('parses the units scenarios use and refuses others', () => {
    expect(['500ms', '90s', '5m', '2h', '3d', '1.5s'].map(parseDurationMs)).toEqual([500, 90_000, 300_000, 7_200_000, 259_200_000, 1500]);
    expect(parseDurationMs('3h59m')).toBe(3 * 3_600_000 + 59 * 60_000);
    expect(parseDurationMs('1d 2h 3m 4s 5ms')).toBe(93_784_005);
    expect(parseDurationMs('5 weeks')).toBeNull();
    expect(parseDurationMs('3h junk')).toBeNull();
    expect(parseDurationMs('')).toBeNull();
    expect(parseDurationMs('0.0001ms')).toBeNull();
  });

  it('takes compounds with each unit once, largest first, and says what is wrong with the others', () => {
    expect(['1h30m', '1h 30m', '1d 2h 3m 4s 5ms'].map(parseDurationMs)).toEqual([5_400_000, 5_400_000, 93_784_005]);
    expect(readDurationMs('1h1h')).toBe('gives h twice: each unit once, largest first, as in 1d 2h 30m');
    expect(readDurationMs('2m1h')).toBe('has h after m: units go largest first (d, h, m, s, ms), as in 1d 2h 30m');
    expect(readDurationMs('5s5ms')).toBe(5_005);
    expect(readDurationMs('5ms5s')).toBe('has s after ms: units go largest first (d, h, m, s, ms), as in 1d 2h 30m');
    expect(readDurationMs('5 weeks')).toBeNull();
  });

  it('counts fractions exactly: whole milliseconds are taken, others refused as such', () => {
    // 2.2 x 3,600,000 is 7,920,000.000000001 in floating point, which refused a plain 2.2h.
    expect(['2.2h', '1.5s', '0.001s', '1.5h 0.5s'].map(parseDurationMs)).toEqual([7_920_000, 1_500, 1, 5_400_500]);
    expect(readDurationMs('1.5ms')).toBe('is not a whole number of milliseconds');
    expect(readDurationMs('1.0000001s')).toBe('is not a whole number of milliseconds');
  });

  it('refuses a duration past 36500d as too long, however many digits it has', () => {
    expect(parseDurationMs('36500d')).toBe(3_153_600_000_000);
    expect(readDurationMs('36500d 1ms')).toBe('is longer than 36500d (100 years), the most a scenario\'s time may reach');
    expect(readDurationMs('99999999999999999999d')).toBe('is longer than 36500d (100 years), the most a scenario\'s time may reach');
  });

  it('says in the file what is wrong with a duration, at the field', () => {
    const horizon = (text: string) => problemsOf(VALID.replace('horizon: 1h', `horizon: ${text}`));
    expect(horizon('1h1h')).toEqual(['bad.yaml:5:10: horizon: "1h1h" gives h twice: each unit once, largest first, as in 1d 2h 30m']);
    expect(horizon('2m1h')).toEqual(['bad.yaml:5:10: horizon: "2m1h" has h after m: units go largest first (d, h, m, s, ms), as in 1d 2h 30m']);
    expect(horizon('1.5ms')).toEqual(['bad.yaml:5:10: horizon: "1.5ms" is not a whole number of milliseconds']);
    expect(horizon('99999999999999999999d')).toEqual(['bad.yaml:5:10: horizon: "99999999999999999999d" is longer than 36500d (100 years), the most a scenario\'s time may reach']);
    expect(horizon('1 hour')).toEqual(['bad.yaml:5:10: horizon: expected a duration like 90s, 5m, 2h or 3d, got "1 hour"']);
    // A value of megabytes is quoted by its start only.
    expect(horizon(`1.${'5'.repeat(100_000)}h`)).toEqual([`bad.yaml:5:10: horizon: "1.${'5'.repeat(38)}..." is not a whole number of milliseconds`]);
  });

  it('formats milliseconds back into readable units', () => {
    expect(formatDurationMs(93_784_005)).toBe('1d 2h 3m 4s 5ms');
    expect(formatDurationMs(0)).toBe('0s');
  });
});
