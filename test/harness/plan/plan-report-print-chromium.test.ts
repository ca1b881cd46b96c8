// The plan report on A4 portrait, in a real Chromium: no table runs past the paper's right edge, where the printer
// cuts it. Each plan's batch table (14 columns) prints a block a batch; the side-by-side table stays a table up to
// PRINTED_AS_TABLE_AT_MOST plans, its cells wrapping, and beyond prints a block a figure, a cell a plan. The charts'
// text prints at 12px (9pt) or more, each text within its chart and clear of the others (drawn 1,000 units wide and
// printed 718px wide, it was 8.6px).
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

/** The page's getComputedStyle, an element's or its pseudo-element's, for code run in it (the project's types have no DOM). */
interface PseudoStyleOf { getComputedStyle(e: unknown, pseudo?: string): { content: string; fontSize: string } }
/** A box on the page, as getBoundingClientRect gives it. */
interface Box { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number }

const H = 3_600_000;
const lossyPlan = smallPlan({ fileProbability: 0.5, batchInterval: '6h' });

/** A sweep with a big organisation's figures, as wide as a cell gets: seven digits, a duration of days and hours. */
function widest(sweep: SweepResult, plan: string): SweepResult {
  const big: Spread = { median: 1_234_567, p95: 2_345_678 };
  const counts = Object.fromEntries(Object.keys(sweep.counts).map((k) => [k, big])) as unknown as SweepResult['counts'];
  return { ...sweep, plan, messages: big, durationMs: { median: 26 * H + 35 * 60_000, p95: 50 * H + 5 * 60_000 }, counts: { ...counts, untrackedByReason: { 'not-in-root-inbox': big, 'mailbox-disabled': big } } };
}

describe.skipIf(skip)('the plan report on A4 paper', () => {
  const chromium = chromiumForSuite('mailflow-plan-report-print-');
  const files: Record<'runs' | 'atMost' | 'more' | 'charts', string> = {} as never;
  // runs: the shipped recommended and big-bang plans compared, with their batch tables. atMost and more: swept small
  // plans with the widest figures under long names, as many as still print as a table, and twice as many.
  beforeAll(() => {
    files.runs = join(chromium.shots.dir, 'runs.html');
    expect(mailflow('plan', 'scenarios/plans/recommended.yaml', '--compare', 'scenarios/plans/big-bang.yaml', '--no-progress', '--report', files.runs).status).toBe(0);
    const sweep = summariseSweep(lossyPlan, sweepSeeds(lossyPlan.seed, 2).map((seed) => runPlan(lossyPlan, seed)));
    for (const [key, count] of [['atMost', PRINTED_AS_TABLE_AT_MOST], ['more', 2 * PRINTED_AS_TABLE_AT_MOST]] as const) {
      const plans = Array.from({ length: count }, (_, i) => ({ file: `plan-${i}.yaml`, result: widest(sweep, `headquarters-first-then-branches-${i + 1}`), expected: undefined }));
      files[key] = join(chromium.shots.dir, `${key}.html`);
      writeFileSync(files[key], renderPlanReport({ kind: 'sweeps', plans }));
    }
    // charts: what strains the charts' labels: untracked counts over bars, mailboxes disabled, 26 batches with the
    // last one's 'disabled' wider than the margin beside it, and a plan's name longer than its room.
    const lossy = runPlan(lossyPlan);
    const outage = runPlan({ ...smallPlan(), faults: [{ at: 6 * H - 60_000, verb: 'down', target: 'ex-hq' }, { at: 6.5 * H, verb: 'up', target: 'ex-hq' }] });
    const many = Array.from({ length: 26 }, (_, k) => ({ ...lossy.batchTimeline[0]!, batch: k + 1, enabledAtMs: k * 5 * H, untracked: 1_000 * k, disabledAtEnd: k === 25 ? 12_345 : 0 }));
    files.charts = join(chromium.shots.dir, 'charts.html');
    writeFileSync(files.charts, renderPlanReport({ kind: 'runs', plans: [
      { file: 'lossy.yaml', result: lossy, expected: undefined },
      { file: 'outage.yaml', result: { ...outage, plan: 'headquarters first, then the branches, then the remote sites, last of all' }, expected: undefined },
      { file: 'many.yaml', result: { ...lossy, plan: 'many', batchTimeline: many }, expected: undefined },
    ] }));
  }, 60_000);

  it('prints every chart\'s text at 12px or more, within its chart and clear of the others', async () => {
    for (const [which, file] of Object.entries(files)) {
      const page = await openPrinted(chromium.browser(), pathToFileURL(file).href);
      const charts = await page.locator('svg.chart').evaluateAll((svgs) => svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const scale = box.width / Number(svg.getAttribute('viewBox')?.split(' ')[2]);
        const texts = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect(), px: scale * parseFloat((globalThis as unknown as PseudoStyleOf).getComputedStyle(t).fontSize) }));
        const over = (a: Box, b: Box) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
        return {
          chart: svg.getAttribute('class') ?? '',
          small: texts.filter((t) => t.px < 12).map((t) => `${t.text}: ${t.px.toFixed(1)}px`),
          outside: texts.filter((t) => t.r.left < box.left - 0.5 || t.r.right > box.right + 0.5).map((t) => t.text),
          overlapping: texts.flatMap((a, i) => texts.slice(i + 1).filter((b) => over(a.r, b.r)).map((b) => `${a.text} over ${b.text}`)),
        };
      }));
      expect(charts.length, which).toBeGreaterThan(0);
      for (const { chart, small, outside, overlapping } of charts) {
        expect(chart, which).toMatch(/^chart a4-scale /);
        expect({ small, outside, overlapping }, `${which}: ${chart}`).toEqual({ small: [], outside: [], overlapping: [] });
      }
      if (which === 'charts') await page.screenshot({ path: join(chromium.shots.dir, 'charts-a4.png'), fullPage: true });
      await page.close();
    }
  });

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
