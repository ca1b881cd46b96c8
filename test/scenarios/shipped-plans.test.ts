// Every shipped plan runs with `mailflow plan` and grades at least what its file expects (exit 0), printing
// design.md's JSON contract; --compare and --sweep print theirs. naive-24h (5,000 mailboxes) runs in full here.
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mailflow } from '../helpers/cli.js';

const plans = readdirSync('scenarios/plans').filter((f) => f.endsWith('.yaml')).sort();
const CONTRACT = ['plan', 'mailboxes', 'batches', 'batchTimeline', 'durationMs', 'counts', 'grade', 'recommendations'];
/** Each plan's --json output, kept for the tests after the one that ran it (naive-24h takes a minute). */
const results = new Map<string, Record<string, unknown>>();
const COUNTS = ['tracked', 'trackedByRouter', 'trackedBySss', 'untracked', 'untrackedByReason', 'duplicates', 'duplicatesPrevented'];

describe('shipped plans', () => {
  it('are the three the issue names, at least', () => {
    expect(plans).toEqual(expect.arrayContaining(['recommended.yaml', 'big-bang.yaml', 'naive-24h.yaml']));
  });

  for (const file of plans) {
    it(`${file} grades as its file expects (reproduce: npx mailflow plan scenarios/plans/${file})`, () => {
      const run = mailflow('plan', `scenarios/plans/${file}`, '--json', '--no-progress');
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const result = JSON.parse(run.stdout) as Record<string, unknown>;
      results.set(file, result);
      for (const key of CONTRACT) expect(result).toHaveProperty(key);
      for (const key of COUNTS) expect(result['counts']).toHaveProperty(key);
      expect((result['batchTimeline'] as unknown[]).length).toBe(result['batches']);
      // What the file expects, and that the grade meets it (exit 0 says so too).
      expect(result['expectedGrade']).toMatch(/^(Perfect|Good|Investigate|Poor)$/);
      expect(result['met']).toBe(true);
    }, 300_000);
  }

  it('naive-24h loses filed mail in its late batches and says so', () => {
    const result = (results.get('naive-24h.yaml') ?? JSON.parse(mailflow('plan', 'scenarios/plans/naive-24h.yaml', '--json', '--no-progress').stdout)) as {
      grade: string; counts: { untrackedByReason: Record<string, number> }; batchTimeline: Array<{ untracked: number }>; recommendations: string[];
    };
    expect(result.grade).toBe('Poor');
    expect(result.counts.untrackedByReason['not-in-root-inbox']).toBeGreaterThan(1000);
    const half = Math.floor(result.batchTimeline.length / 2);
    const early = result.batchTimeline.slice(0, half).reduce((n, b) => n + b.untracked, 0);
    const late = result.batchTimeline.slice(half).reduce((n, b) => n + b.untracked, 0);
    expect(late).toBeGreaterThan(early);
    expect(result.recommendations[0]).toMatch(/filed out of the Inbox .* a shorter batch interval/);
  }, 300_000);

  it('compares plans side by side and sweeps seeds', () => {
    const compared = mailflow('plan', 'scenarios/plans/recommended.yaml', '--compare', 'scenarios/plans/big-bang.yaml', '--json', '--no-progress');
    expect(compared.status).toBe(0);
    expect((JSON.parse(compared.stdout) as Array<{ plan: string }>).map((r) => r.plan)).toEqual(['recommended', 'big-bang']);
    const text = mailflow('plan', 'scenarios/plans/recommended.yaml', '--compare', 'scenarios/plans/big-bang.yaml', '--no-progress');
    expect(text.stdout).toMatch(/^\s+recommended\s+big-bang$/m);
    // One file twice is refused; two files of one plan name are told apart by their files in the table.
    const twice = mailflow('plan', 'scenarios/plans/recommended.yaml', '--compare', './scenarios/plans/recommended.yaml', '--no-progress');
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/recommended\.yaml: given twice/);
    const copy = join(mkdtempSync(join(tmpdir(), 'plan-copy-')), 'copy.yaml');
    copyFileSync('scenarios/plans/recommended.yaml', copy);
    const alike = mailflow('plan', 'scenarios/plans/recommended.yaml', '--compare', copy, '--no-progress');
    expect(alike.stdout).toMatch(/^\s+recommended \(recommended\.yaml\)\s+recommended \(copy\.yaml\)$/m);
    const swept = mailflow('plan', 'scenarios/plans/big-bang.yaml', '--sweep', '3', '--json', '--no-progress');
    expect(swept.status).toBe(0);
    const sweep = JSON.parse(swept.stdout) as { seeds: number[]; counts: { untracked: { median: number; p95: number } } };
    expect(sweep.seeds).toHaveLength(3);
    const reseeded = JSON.parse(mailflow('plan', 'scenarios/plans/big-bang.yaml', '--sweep', '2', '--seed', '5', '--json', '--no-progress').stdout) as { seeds: number[] };
    expect(reseeded.seeds).not.toEqual(sweep.seeds.slice(0, 2));
    expect(sweep.counts.untracked.p95).toBeGreaterThanOrEqual(sweep.counts.untracked.median);
    // The advice is the median run's (by untracked mail), and that run is named.
    const { medianRun } = JSON.parse(swept.stdout) as { medianRun: { seed: number; untracked: number } };
    expect(sweep.seeds).toContain(medianRun.seed);
    expect(medianRun.untracked).toBe(sweep.counts.untracked.median);
  }, 300_000);

  it('refuses a bad plan with exit 2, naming the field', () => {
    const bad = mailflow('plan', 'test/fixtures/bad-plan.yaml');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad-plan\.yaml:\d+:\d+: cutover\.batchSize/);
    // A fault after the run ends would never happen: refused, by validate too.
    const late = mailflow('validate', 'test/fixtures/late-fault-plan.yaml');
    expect(late.status).toBe(2);
    expect(late.stderr).toMatch(/late-fault-plan\.yaml:\d+:\d+: faults\[0\]\.at: after the run ends/);
    // `kind: "plan"` is a plan however it is quoted.
    expect(mailflow('validate', 'test/fixtures/quoted-kind-plan.yaml').stdout).toMatch(/valid plan 'quoted'/);
  });
});
