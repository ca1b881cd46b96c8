// What mailflow fuzz says to people counts in the right number: a generated scenario's description ("no fault
// windows", "1 fault window"), the summary ("1 run", "shrunk in 1 step"), the counterexample's header and the JUnit
// report. A shrunk counterexample is where the ones show up.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbScenario } from '../../../harness/fuzz/arb-scenario.js';
import { writeCounterexample } from '../../../harness/fuzz/counterexample.js';
import type { FuzzResult } from '../../../harness/fuzz/fuzz-result.js';
import { formatFuzzSummary } from '../../../harness/cli/fuzz-command.js';
import { toFuzzJunitXml } from '../../../harness/cli/fuzz-junit-xml.js';

describe('fuzz wording', () => {
  it('describes a generated scenario\'s fault windows in the right number', () => {
    const windows = fc.sample(arbScenario({ maxFaults: 3 }), { seed: 11, numRuns: 200 })
      .map((input) => /the \w+ path, (.+? fault windows?)[,.]/.exec(String(input.description))?.[1]);
    expect(windows.filter((w) => w === undefined || !/^(no fault windows|1 fault window|[23] fault windows)$/.test(w))).toEqual([]);
    // Each form is drawn.
    expect(new Set(windows)).toEqual(new Set(['no fault windows', '1 fault window', '2 fault windows', '3 fault windows']));
  });

  const result = (runs: number, failures: number, steps: number, problems: string[]): FuzzResult => ({
    runs, failures, seed: 7, failingSeed: failures === 0 ? null : 99, runsPerSec: 50, counterexample: failures === 0 ? null : 'fuzz-out/fuzz-7-run-0.yaml',
    failingRun: failures === 0 ? null : 0, problems, firstOffender: [], shrinkSteps: failures === 0 ? null : steps, shard: '1/1', workers: 1, injectBug: null, wallMs: 20,
  });

  it('says 1 run, 1 step and 1 check in the singular, in the summary and the JUnit report', () => {
    const one = result(1, 1, 1, ['no-lost-mail: fail (1 accepted copy lost)']);
    expect(formatFuzzSummary(one)).toMatch(/^fuzz: 1 run \(seed 7, shard 1\/1, 1 worker\), 1 failed; 50 runs\/s$/m);
    expect(formatFuzzSummary(one)).toMatch(/^smallest failing run: 0 \(seed 99\), shrunk in 1 step; it fails:$/m);
    expect(toFuzzJunitXml(one)).toContain('message="1 of 1 run failed; the smallest, run 0, fails 1 check"');
    expect(toFuzzJunitXml(result(1, 0, 0, []))).toContain('<system-out>1 run, none failed</system-out>');
  });

  it('and more than one in the plural', () => {
    const two = result(2, 2, 2, ['no-lost-mail: fail (1 accepted copy lost)', 'no-silent-drop: fail (1 message dropped without a reason)']);
    expect(formatFuzzSummary(two)).toMatch(/^fuzz: 2 runs \(seed 7, shard 1\/1, 1 worker\), 2 failed; 50 runs\/s$/m);
    expect(formatFuzzSummary(two)).toContain('shrunk in 2 steps; it fails:');
    expect(toFuzzJunitXml(two)).toContain('message="2 of 2 runs failed; the smallest, run 0, fails 2 checks"');
    expect(toFuzzJunitXml(result(2, 0, 0, []))).toContain('<system-out>2 runs, none failed</system-out>');
  });

  it('writes the counterexample\'s header in the right number', () => {
    const [input] = fc.sample(arbScenario(), { seed: 1, numRuns: 1 });
    if (input === undefined) throw new Error('fast-check drew nothing');
    const dir = mkdtempSync(join(tmpdir(), 'mailflow-wording-'));
    const facts = { command: 'mailflow fuzz --seed 7 --runs 1', run: 0, runSeed: 99, problems: ['no-lost-mail: fail'] };
    expect(readFileSync(writeCounterexample(dir, 'one', input, { ...facts, steps: 1, attempts: 1 }), 'utf8')).toContain('# run 0 (seed 99), shrunk in 1 step (1 smaller case tried).\n');
    expect(readFileSync(writeCounterexample(dir, 'two', input, { ...facts, steps: 2, attempts: 5 }), 'utf8')).toContain('# run 0 (seed 99), shrunk in 2 steps (5 smaller cases tried).\n');
  });
});
