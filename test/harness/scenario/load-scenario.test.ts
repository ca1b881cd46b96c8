import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile, parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { InputError } from '../../../harness/scenario/input-error.js';
import { formatDurationMs, parseDurationMs } from '../../../harness/scenario/duration.js';

const hello = fileURLToPath(new URL('../../../scenarios/hello.yaml', import.meta.url));

function problemsOf(text: string): string[] {
  try {
    parseScenarioText(text, 'bad.yaml');
  } catch (error) {
    if (error instanceof InputError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected an InputError');
}

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
    expect(problemsOf(VALID + 'toys: {}\n')).toEqual(['bad.yaml:7:1: toys: unknown field']);
  });

  it('points at the enclosing object when a required field is missing', () => {
    const [problem] = problemsOf(VALID.replace('seed: 1\n', ''));
    expect(problem).toMatch(/^bad\.yaml:1:1: seed: /);
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
      "bad.yaml:8:36: faults[0].target: no actor named 'mailbx' (known actors: sender, mailbox, consumer)",
    ]);
  });

  it('refuses a fault after the horizon and a partition without peers', () => {
    const text = VALID + 'faults:\n  - { at: 2h, verb: down, target: mailbox }\n  - { at: 5m, verb: partition, target: mailbox }\n';
    expect(problemsOf(text)).toEqual([
      'bad.yaml:8:11: faults[0].at: faults and operations must happen before the horizon',
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

  it('formats milliseconds back into readable units', () => {
    expect(formatDurationMs(93_784_005)).toBe('1d 2h 3m 4s 5ms');
    expect(formatDurationMs(0)).toBe('0s');
  });
});
