// The plan report on A4 portrait, in a real Chromium: no table runs past the paper's right edge, where the printer
// cuts it. Each plan's batch table (14 columns) prints a block a batch; the side-by-side table stays a table up to
// PRINTED_AS_TABLE_AT_MOST plans, its cells wrapping, and beyond prints a block a figure, a cell a plan.
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PRINTED_AS_TABLE_AT_MOST } from '../../../harness/plan/plan-report-compare-html.js';
import { renderPlanReport } from '../../../harness/plan/plan-report.js';
import { runPlan } from '../../../harness/plan/run-plan.js';
import { summariseSweep, sweepSeeds, type Spread, type SweepResult } from '../../../harness/plan/plan-sweep.js';
import { chromiumForSuite, skipWithoutChromium } from '../../helpers/chromium.js';
import { mailflow } from '../../helpers/cli.js';
import { openPrinted, pastTheEdge } from '../report/a4-print.js';
import { smallPlan } from './plan-fixtures.js';

const skip = skipWithoutChromium('plan-report-print-chromium.test');

/** The page's getComputedStyle with a pseudo-element, for code run in it (the project's types have no DOM). */
interface PseudoStyleOf { getComputedStyle(e: unknown, pseudo: string): { content: string } }

const H = 3_600_000;

/** A sweep with a big organisation's figures, as wide as a cell gets: seven digits, a duration of days and hours. */
function widest(sweep: SweepResult, plan: string): SweepResult {
  const big: Spread = { median: 1_234_567, p95: 2_345_678 };
  const counts = Object.fromEntries(Object.keys(sweep.counts).map((k) => [k, big])) as unknown as SweepResult['counts'];
  return { ...sweep, plan, messages: big, durationMs: { median: 26 * H + 35 * 60_000, p95: 50 * H + 5 * 60_000 }, counts: { ...counts, untrackedByReason: { 'not-in-root-inbox': big, 'mailbox-disabled': big } } };
}

describe.skipIf(skip)('the plan report on A4 paper', () => {
  const chromium = chromiumForSuite('mailflow-plan-report-print-');
  const files: Record<'runs' | 'atMost' | 'more', string> = {} as never;
  // runs: the shipped recommended and big-bang plans compared, with their batch tables. atMost and more: swept small
  // plans with the widest figures under long names, as many as still print as a table, and twice as many.
  beforeAll(() => {
    files.runs = join(chromium.shots.dir, 'runs.html');
    expect(mailflow('plan', 'scenarios/plans/recommended.yaml', '--compare', 'scenarios/plans/big-bang.yaml', '--no-progress', '--report', files.runs).status).toBe(0);
    const lossy = smallPlan({ fileProbability: 0.5, batchInterval: '6h' });
    const sweep = summariseSweep(lossy, sweepSeeds(lossy.seed, 2).map((seed) => runPlan(lossy, seed)));
    for (const [key, count] of [['atMost', PRINTED_AS_TABLE_AT_MOST], ['more', 2 * PRINTED_AS_TABLE_AT_MOST]] as const) {
      const plans = Array.from({ length: count }, (_, i) => ({ file: `plan-${i}.yaml`, result: widest(sweep, `headquarters-first-then-branches-${i + 1}`), expected: undefined }));
      files[key] = join(chromium.shots.dir, `${key}.html`);
      writeFileSync(files[key], renderPlanReport({ kind: 'sweeps', plans }));
    }
  }, 60_000);

  it('keeps every table cell, and all it holds, within the printable width', async () => {
    for (const [which, file] of Object.entries(files)) {
      const page = await openPrinted(chromium.browser(), pathToFileURL(file).href);
      expect(await page.locator(which === 'runs' ? 'table.batches' : 'table.side-by-side').first().isVisible(), which).toBe(true);
      expect(await pastTheEdge(page), which).toEqual([]);
      await page.screenshot({ path: join(chromium.shots.dir, `${which}-a4.png`), fullPage: true });
      await page.close();
    }
  });

  it('prints the side-by-side table as a table up to the limit, and beyond it a block a figure, each cell named by its plan', async () => {
    const page = await openPrinted(chromium.browser(), pathToFileURL(files.atMost).href);
    expect(await page.locator('table.side-by-side thead').isVisible()).toBe(true);
    const row = await page.locator('table.side-by-side tbody tr').first().locator('th, td').evaluateAll((cells) => cells.map((c) => Math.round(c.getBoundingClientRect().top)));
    expect(new Set(row).size).toBe(1);
    await page.close();

    const stacked = await openPrinted(chromium.browser(), pathToFileURL(files.more).href);
    expect(await stacked.locator('table.side-by-side thead').isVisible()).toBe(false);
    const plans = await stacked.locator('section.plan').evaluateAll((sections) => sections.map((s) => s.getAttribute('data-plan')));
    expect(plans.length).toBe(2 * PRINTED_AS_TABLE_AT_MOST);
    const rows = await stacked.locator('table.side-by-side tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      head: tr.cells[0]?.textContent,
      headTop: Math.round(tr.cells[0]?.getBoundingClientRect().bottom ?? 0),
      labels: [...tr.cells].slice(1).map((td) => (globalThis as unknown as PseudoStyleOf).getComputedStyle(td, '::before').content),
      tops: [...tr.cells].slice(1).map((td) => Math.round(td.getBoundingClientRect().top)),
    })));
    expect(rows.map((r) => r.head)).toContain('untracked');
    for (const r of rows) {
      expect(r.labels, r.head ?? '').toEqual(plans.map((p) => JSON.stringify(p)));
      // The figure's name heads its block; the plans' cells under it, several to a line.
      expect(Math.min(...r.tops)).toBeGreaterThanOrEqual(r.headTop);
      expect(new Set(r.tops).size).toBeLessThan(plans.length);
    }
    await stacked.close();
  });
});
