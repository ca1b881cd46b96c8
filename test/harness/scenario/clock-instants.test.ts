// Clock times in a scenario (the incident review): `start` with an offset, and instants written as zoned ISO 8601
// date-times where the file names an instant, read as the time after the start.
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { readClockInstants } from '../../../harness/scenario/clock-instants.js';
import { inputProblems } from '../../helpers/input-problems.js';
import { exchangeScenarioText } from '../../helpers/exchange-scenario.js';

const H = 3_600_000;

/** The helper topology, its start replaced. */
function withStart(start: string, parts: Parameters<typeof exchangeScenarioText>[0] = {}): string {
  return exchangeScenarioText(parts).replace('start: 2026-01-05T08:00:00Z', `start: ${start}`);
}

describe('clock instants', () => {
  it('reads a start with an offset as UTC, and a fault at a clock time as the time after it', () => {
    const scenario = parseScenarioText(withStart('2026-01-05T09:00:00+01:00', {
      faults: '[{ at: "2026-01-05T10:30:00+01:00", verb: down, target: ex1 }, { at: 2026-01-05T10:00:00Z, verb: up, target: ex1 }]',
    }), 'clock.yaml');
    expect(scenario.start).toBe('2026-01-05T08:00:00Z');
    expect(scenario.faults.map((f) => f.at)).toEqual([1.5 * H, 2 * H]);
  });

  it('lets processEmailFrom lie before the start, and refuses any other instant there, at its line', () => {
    const { data, problems } = readClockInstants({ start: '2026-01-05T08:00:00Z', faults: [{ at: '2026-01-05T07:00:00Z' }], sss: { profiles: [{ processEmailFrom: '2026-01-04T08:00:00Z' }] } });
    expect((data as { sss: { profiles: Array<{ processEmailFrom: number }> } }).sss.profiles[0]!.processEmailFrom).toBe(-24 * H);
    expect(problems).toEqual([{ path: ['faults', 0, 'at'], message: '2026-01-05T07:00:00Z is before the start (2026-01-05T08:00:00Z): at is a time after the start' }]);
    expect(inputProblems(exchangeScenarioText({ faults: '[{ at: 2026-01-05T07:00:00Z, verb: down, target: ex1 }]' }), 'early.yaml'))
      .toEqual(['faults[0].at: 2026-01-05T07:00:00Z is before the start (2026-01-05T08:00:00Z): at is a time after the start']);
  });

  it('leaves alone what is not an instant field or has no zone, and never changes the caller\'s data', () => {
    const original = { start: '2026-01-05T08:00:00Z', subject: '2026-01-05T09:00:00Z', faults: [{ at: '2026-01-05T09:00:00' }] };
    const { data } = readClockInstants(original);
    expect(data).toEqual(original);
    const timed = { start: '2026-01-05T08:00:00Z', faults: [{ at: '2026-01-05T09:00:00Z' }] };
    expect((readClockInstants(timed).data as typeof timed).faults[0]!.at).toBe(H);
    expect(timed.faults[0]!.at).toBe('2026-01-05T09:00:00Z');
    // A time without its zone would be the machine's own: refused, saying so.
    expect(inputProblems(exchangeScenarioText({ faults: '[{ at: "2026-01-05T09:00:00", verb: down, target: ex1 }]' }), 'zoneless.yaml'))
      .toEqual(["faults[0].at: 2026-01-05T09:00:00 has no zone: add Z for UTC, or its offset such as +01:00 (without one it would be the machine's own)"]);
  });

  it('refuses a date that does not exist, where Date.parse would roll it into the next month (the diff review)', () => {
    expect(inputProblems(withStart('2026-02-30T08:00:00Z'), 'feb.yaml')).toEqual(['start: 2026-02-30T08:00:00Z is no real date and time']);
    expect(inputProblems(exchangeScenarioText({ faults: '[{ at: 2026-02-30T09:00:00Z, verb: down, target: ex1 }]' }), 'feb.yaml'))
      .toEqual(['faults[0].at: 2026-02-30T09:00:00Z is no real date and time']);
    expect(inputProblems(exchangeScenarioText({ faults: '[{ at: 2026-01-05T24:00:00Z, verb: down, target: ex1 }]' }), 'hour.yaml'))
      .toEqual(['faults[0].at: 2026-01-05T24:00:00Z is no real date and time']);
  });

  it('reads seven decimals as .NET writes them (milliseconds kept), and refuses a time past what a scenario may reach', () => {
    const scenario = parseScenarioText(withStart('2026-01-05T08:00:00.0000000Z', {
      faults: '[{ at: "2026-01-05T09:00:00.1234567+00:00", verb: down, target: ex1 }]',
    }), 'net.yaml');
    expect(scenario.start).toBe('2026-01-05T08:00:00Z');
    expect(scenario.faults[0]!.at).toBe(H + 123);
    expect(inputProblems(exchangeScenarioText({ faults: '[{ at: 2200-01-05T09:00:00Z, verb: down, target: ex1 }]' }), 'far.yaml'))
      .toEqual(["faults[0].at: 2200-01-05T09:00:00Z is more than 36500d (100 years) from the start (2026-01-05T08:00:00Z), the most a scenario's time may reach"]);
  });
});
