// The progress bar of `mailflow run`: on stderr only, only after a second of wall time (MAILFLOW_PROGRESS_DELAY_MS), and
// never a change to the run.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { RunProgressBar, progressBarFor } from '../../../harness/cli/progress.js';
import type { RunProgress } from '../../../harness/run/run-scenario.js';
import { mailflow, mailflowWithEnv } from '../../helpers/cli.js';

const HOUR = 3_600_000;
const LINE = /^(running|draining|checking|writing) \[[=-]{20}\] \d+% \| (virtual|drain|simulated) .+ \| [\d,]+ events$/;

function captured(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return { stream, text: () => chunks.join('') };
}

const at = (phase: RunProgress['phase'], nowMs: number, events: number): RunProgress =>
  ({ phase, nowMs, horizonMs: 4 * HOUR, drainEndMs: 4 * HOUR + 72 * HOUR, events });

describe('the run progress bar', () => {
  it('writes nothing before its delay has passed', () => {
    const { stream, text } = captured();
    const bar = new RunProgressBar(stream, 60_000);
    for (let i = 1; i <= 4; i++) bar.update(at('run', i * HOUR, i * 1000));
    bar.stop();
    expect(text()).toBe('');
  });

  it('shows virtual time against the horizon, then the drain against its limit, and the events (as lines off a terminal)', () => {
    const { stream, text } = captured();
    const bar = new RunProgressBar(stream, 0);
    bar.update(at('run', 2 * HOUR, 1500));
    bar.update(at('drain', 4 * HOUR + 90 * 60_000, 4200));
    bar.stop();
    const lines = text().split('\n').filter((l) => l !== '');
    expect(lines.every((l) => LINE.test(l))).toBe(true);
    expect(lines[0]).toBe('running [==========----------] 50% | virtual 2h of 4h | 1,500 events');
    expect(lines.at(-1)).toBe('draining [--------------------] 2% | drain 1h 30m of at most 3d | 4,200 events');
    expect(text()).not.toMatch(/\x1b/); // no terminal escapes into a pipe or file
  });

  it('says when the checks begin, at once, although a second has not passed since the last line', () => {
    const { stream, text } = captured();
    const bar = new RunProgressBar(stream, 0);
    bar.update(at('run', 4 * HOUR, 1500));
    bar.update(at('check', 4 * HOUR, 1500));
    const lines = text().split('\n').filter((l) => l !== '');
    expect(lines.at(-1)).toBe('checking [====================] 100% | simulated 4h, counting and checking | 1,500 events');
    bar.stop();
    // Stopping prints nothing more: the checks' line was the last state, and it is there once.
    expect(text().split('\n').filter((l) => l !== '')).toEqual(lines);
  });

  it('says when an output is being written after the checks (the report takes seconds at scale), at once', () => {
    const { stream, text } = captured();
    const bar = new RunProgressBar(stream, 0);
    bar.update(at('run', 4 * HOUR, 1500));
    bar.update(at('check', 4 * HOUR, 1500));
    bar.writing('the report');
    const lines = text().split('\n').filter((l) => l !== '');
    expect(lines.at(-1)).toBe('writing [====================] 100% | simulated 4h, writing the report | 1,500 events');
    bar.stop();
    expect(text().split('\n').filter((l) => l !== '')).toEqual(lines);
    // Before its delay, nothing: a short run with a small report stays quiet.
    const quiet = captured();
    const later = new RunProgressBar(quiet.stream, 60_000);
    later.update(at('check', 4 * HOUR, 1500));
    later.writing('the report');
    later.stop();
    expect(quiet.text()).toBe('');
  });

  it('prints the last state when it stops off a terminal, unless that line is already there', () => {
    const { stream, text } = captured();
    const bar = new RunProgressBar(stream, 0);
    bar.update(at('run', 1 * HOUR, 500));
    bar.update(at('run', 2 * HOUR, 1000)); // within the second: not printed yet
    bar.stop();
    expect(text().split('\n').filter((l) => l !== '')).toEqual([
      'running [=====---------------] 25% | virtual 1h of 4h | 500 events',
      'running [==========----------] 50% | virtual 2h of 4h | 1,000 events',
    ]);
  });

  it('draws the checks\' line at once on a terminal too, where it would otherwise wait 200 ms for a redraw', () => {
    const { stream, text } = captured();
    const terminal = Object.assign(stream, { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    const bar = new RunProgressBar(terminal, 0);
    bar.update(at('run', 4 * HOUR, 1500));
    bar.update(at('check', 4 * HOUR, 1500));
    expect(text()).toContain('checking [====================] 100% | simulated 4h, counting and checking | 1,500 events');
    bar.stop();
  });

  it('is off by default when stderr is not a terminal, and follows --progress / --no-progress', () => {
    const pipe = new PassThrough();
    expect(progressBarFor(undefined, pipe)).toBeNull();
    expect(progressBarFor(false, Object.assign(new PassThrough(), { isTTY: true }))).toBeNull();
    expect(progressBarFor(undefined, Object.assign(new PassThrough(), { isTTY: true }))).toBeInstanceOf(RunProgressBar);
    expect(progressBarFor(true, pipe)).toBeInstanceOf(RunProgressBar);
  });
});

describe('mailflow run --progress', () => {
  // MAILFLOW_PROGRESS_DELAY_MS=0 draws the bar from the start, so these tests do not depend on how fast the machine
  // runs a scenario (the one-second delay itself is tested on RunProgressBar above).
  const NOW = { MAILFLOW_PROGRESS_DELAY_MS: '0' };

  it('draws on stderr, leaves --json alone on stdout, and changes no trace hash', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mailflow-progress-')), 'toy.yaml');
    writeFileSync(file, `kind: scenario
name: toy-day
seed: 3
start: 2026-01-05T08:00:00Z
horizon: 1d
toy: { messages: 2000, meanInterval: 30s, pollInterval: 10s, batchSize: 100, processingMean: 10ms }
`);
    const withBar = mailflowWithEnv(NOW, 'run', file, '--json', '--progress');
    expect(withBar.status).toBe(0);
    const json = JSON.parse(withBar.stdout) as { traceHash: string };
    const lines = withBar.stderr.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => !LINE.test(l))).toEqual([]);
    expect(lines[0]).toMatch(/^running /);
    // The run went to its horizon and on to the checks.
    expect(lines.at(-1)).toMatch(/^checking \[={20}\] 100% \| simulated 1d, counting and checking \|/);
    expect(lines.filter((l) => l.startsWith('checking '))).toHaveLength(1);

    // With a report, the bar goes on past the checks while the page is written.
    const report = join(mkdtempSync(join(tmpdir(), 'mailflow-progress-')), 'r.html');
    const withReport = mailflowWithEnv(NOW, 'run', file, '--progress', '--report', report);
    expect(withReport.status).toBe(0);
    expect(withReport.stderr.split('\n').filter((l) => l !== '').at(-1)).toMatch(/^writing \[={20}\] 100% \| simulated 1d, writing the report \|/);
    // And the summary says what its wall time covers: the run and its checks, not the outputs.
    expect(withReport.stdout.split('\n')[1]).toMatch(/^ {2}simulated 1d in [\d,]+ events, [\d,]+ ms wall to run and check$/);

    const quiet = mailflowWithEnv(NOW, 'run', file, '--json'); // stderr is a pipe here: no bar unless asked
    expect(quiet.stderr).toBe('');
    expect(JSON.parse(quiet.stdout).traceHash).toBe(json.traceHash);
  });

  it('stays quiet for a run shorter than a second, even when asked', () => {
    const run = mailflow('run', 'scenarios/hello.yaml', '--progress');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('refuses a MAILFLOW_PROGRESS_DELAY_MS that is not a whole number of milliseconds, as bad input', () => {
    const run = mailflowWithEnv({ MAILFLOW_PROGRESS_DELAY_MS: '1s' }, 'run', 'scenarios/hello.yaml', '--progress', '--json');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("MAILFLOW_PROGRESS_DELAY_MS: expected a whole number of milliseconds, got '1s'\n");
    // Also when this run would show no bar (stderr is a pipe here): a typo is not silently ignored.
    expect(mailflowWithEnv({ MAILFLOW_PROGRESS_DELAY_MS: 'abc' }, 'run', 'scenarios/hello.yaml').status).toBe(2);
  });
});
