// The plan report for those who read it on a phone, on paper or with a screen reader, in a real Chromium (the
// accessibility review, as the run report's in report-a11y-chromium.test.ts): the page never scrolls sideways at
// 320px, chart text stays 12px or more (the charts are drawn at A4's width, as the run report's), the charts are said
// in words with the run's figures, printing keeps the grade badges legible, chart marks stand out 3:1, and headings
// and table headers make sense.
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { Grade } from '../../../harness/plan/grade.js';
import { renderPlanReport } from '../../../harness/plan/plan-report.js';
import { runPlan, type PlanResult } from '../../../harness/plan/run-plan.js';
import { timeLabel } from '../../../harness/report/time-ticks.js';
import { chromiumForSuite, skipWithoutChromium, watchPageProblems } from '../../helpers/chromium.js';
import { mailflow } from '../../helpers/cli.js';
import { contrastOnWhite } from '../../helpers/contrast.js';
import { smallPlan } from './plan-fixtures.js';

const skip = skipWithoutChromium('plan-report-a11y-chromium.test');

/** The page's getComputedStyle, for code run in it (the project's types have no DOM). */
interface ComputedStyleOf { getComputedStyle(e: unknown): { color: string; backgroundColor: string; borderTopStyle: string; fontSize: string } }

interface SweepJson { plan: string; grade: Grade; counts: { untracked: { median: number } }; durationMs: { median: number } }
type Page3 = 'runs' | 'sweeps' | 'grades';
const fmt = (value: number) => value.toLocaleString('en-US');

describe.skipIf(skip)('the plan report, read every way', () => {
  const chromium = chromiumForSuite('mailflow-plan-report-a11y-');
  const files = {} as Record<Page3, string>;
  let runs: PlanResult[] = [];
  let sweeps: SweepJson[] = [];
  // runs: the shipped recommended (2 batches) and big-bang (1) compared, each run once; sweeps: the same over 2 seeds.
  // grades: what the shipped plans do not show (all four grades, untracked counts over bars, disabled mailboxes), from
  // small plans run here and given each grade.
  beforeAll(() => {
    const plans = ['scenarios/plans/recommended.yaml', '--compare', 'scenarios/plans/big-bang.yaml', '--no-progress', '--json', '--report'];
    files.runs = join(chromium.shots.dir, 'runs.html');
    const run = mailflow('plan', ...plans, files.runs);
    expect(run.status, run.stderr).toBe(0);
    runs = JSON.parse(run.stdout) as PlanResult[];
    files.sweeps = join(chromium.shots.dir, 'sweeps.html');
    const sweep = mailflow('plan', ...plans, files.sweeps, '--sweep', '2');
    expect(sweep.status, sweep.stderr).toBe(0);
    sweeps = JSON.parse(sweep.stdout) as SweepJson[];
    const lossy = runPlan(smallPlan({ fileProbability: 0.5, batchInterval: '6h' }));
    const outage = runPlan({ ...smallPlan(), faults: [{ at: 6 * 3_600_000 - 60_000, verb: 'down', target: 'ex-hq' }, { at: 6.5 * 3_600_000, verb: 'up', target: 'ex-hq' }] });
    const graded = (result: PlanResult, grade: Grade, plan: string) => ({ file: `${plan}.yaml`, result: { ...result, grade, plan }, expected: undefined });
    files.grades = join(chromium.shots.dir, 'grades.html');
    writeFileSync(files.grades, renderPlanReport({ kind: 'runs', plans: [
      graded(lossy, 'Poor', 'lossy'), graded(outage, 'Investigate', 'outage'), graded(runs[0] as PlanResult, 'Good', 'good'), graded(runs[1] as PlanResult, 'Perfect', 'perfect'),
    ] }));
  }, 60_000);

  async function open(which: Page3, width: number): Promise<{ page: Page; problems: string[] }> {
    const page = await chromium.browser().newPage({ viewport: { width, height: width === 320 ? 640 : 800 } });
    const problems = watchPageProblems(page);
    await page.goto(pathToFileURL(files[which]).href);
    return { page, problems };
  }

  it('fits a 320px screen: the page never scrolls sideways, wide tables and charts scroll in their own box', async () => {
    for (const which of ['runs', 'sweeps', 'grades'] as const) {
      const { page, problems } = await open(which, 320);
      await page.locator('details').evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
      expect(Number(await page.evaluate('document.documentElement.scrollWidth')), which).toBeLessThanOrEqual(320);
      // Every table and chart sits in a scroll box; those wider than the screen scroll there.
      const boxes = await page.locator('table, svg.chart').evaluateAll((all) => all.map((e) => {
        const box = e.closest('.scroll-x');
        return { what: `${e.tagName} ${e.getAttribute('class') ?? ''}`, boxed: box !== null, scrolls: box !== null && box.scrollWidth > box.clientWidth };
      }));
      expect(boxes.filter((b) => !b.boxed), which).toEqual([]);
      const wide = which === 'sweeps' ? ['TABLE side-by-side', 'svg chart a4-scale compare'] : ['TABLE batches', 'svg chart a4-scale batches'];
      // By its first classes: the batch table also prints stacked (print-stacked).
      for (const what of wide) expect(boxes.find((b) => b.what.startsWith(what))?.scrolls, `${which}: ${what}`).toBe(true);
      await page.screenshot({ path: join(chromium.shots.dir, `${which}-320.png`), fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('keeps every chart text 12px or more at 320px and at 1280px', async () => {
    for (const width of [320, 1280]) {
      const { page } = await open('grades', width);
      // Font size in drawing units times the drawing's scale on the page.
      const sizes = await page.locator('svg.chart').evaluateAll((svgs) => svgs.flatMap((svg) => {
        const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('viewBox')?.split(' ')[2]);
        return [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, px: scale * parseFloat((globalThis as unknown as ComputedStyleOf).getComputedStyle(t).fontSize) }));
      }));
      expect(sizes.length).toBeGreaterThan(50);
      expect(sizes.filter((s) => s.px < 12).map((s) => `${s.text}: ${s.px.toFixed(1)}px`), `at ${width}px`).toEqual([]);
      await page.close();
    }
  });

  it('says each batch chart in words, with its batches in a table under it, as --json says', async () => {
    const { page } = await open('runs', 1280);
    for (const r of runs) {
      const section = page.locator(`section.plan[data-plan="${r.plan}"]`);
      const describedBy = await section.locator('svg.batches').getAttribute('aria-describedby');
      const sentence = await page.locator(`[id="${describedBy}"]`).textContent();
      const sum = (key: 'trackedByRouter' | 'trackedBySss' | 'untracked') => fmt(r.batchTimeline.reduce((t, b) => t + b[key], 0));
      expect(sentence, r.plan).toContain(`${sum('trackedByRouter')} messages tracked by the router, ${sum('trackedBySss')} by server-side sync and ${sum('untracked')} untracked`);
      // The table's batch, by router, by sync and untracked columns are the chart's bars.
      const rows = await section.locator('table.batches tbody tr').evaluateAll((trs) => trs.map((tr) => [0, 5, 6, 8].map((i) => tr.cells[i]?.textContent)));
      expect(rows, r.plan).toEqual(r.batchTimeline.map((b) => [String(b.batch), fmt(b.trackedByRouter), fmt(b.trackedBySss), fmt(b.untracked)]));
    }
    await page.close();
  });

  it('says the comparison chart in words and as a folded table: the plans\' untracked mail and duration', async () => {
    const { page } = await open('sweeps', 1280);
    const describedBy = await page.locator('svg.compare').getAttribute('aria-describedby');
    const sentence = await page.locator(`[id="${describedBy}"]`).textContent();
    const fewest = Math.min(...sweeps.map((s) => s.counts.untracked.median));
    expect(sentence).toContain(`By the medians, the fewest untracked messages: ${sweeps.filter((s) => s.counts.untracked.median === fewest).map((s) => s.plan).join(' and ')} (${fmt(fewest)})`);
    const table = page.locator('#comparison details.chart-data');
    expect(await table.locator('table').isVisible()).toBe(false);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
    expect(rows).toEqual(sweeps.map((s) => [s.plan, fmt(s.counts.untracked.median), timeLabel(s.durationMs.median)]));
    await page.close();
  });

  it('prints every grade as a coloured word in a frame, the batch tables unfolded and no links between plans', async () => {
    const { page } = await open('grades', 1280);
    const batchTable = page.locator('table.batches').first();
    expect(await batchTable.isVisible()).toBe(false);
    expect(await page.locator('header nav').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    const looks = await page.locator('.verdict, .badge').evaluateAll((all) => all.map((e) => {
      const style = (globalThis as unknown as ComputedStyleOf).getComputedStyle(e);
      return { text: e.textContent, colour: style.color, background: style.backgroundColor, border: style.borderTopStyle };
    }));
    // Each of the four grades by its plan's name and in the side-by-side table.
    expect(looks.map((l) => l.text).sort()).toEqual(['Good', 'Good', 'Investigate', 'Investigate', 'Perfect', 'Perfect', 'Poor', 'Poor']);
    for (const look of looks) {
      // Browsers print no backgrounds by default: what shows must be the word itself, 4.5:1 on the paper.
      expect(look.background, look.text ?? '').toBe('rgba(0, 0, 0, 0)');
      expect(contrastOnWhite(look.colour), `${look.text}: ${look.colour}`).toBeGreaterThanOrEqual(4.5);
      expect(look.border, look.text ?? '').toBe('solid');
    }
    expect(await batchTable.isVisible()).toBe(true);
    expect(await page.locator('header nav').isVisible()).toBe(false);
    await page.close();
  });

  it('draws the charts\' bars 3:1 against the page and their words 4.5:1', async () => {
    const { page } = await open('grades', 1280);
    const marks = await page.locator('svg.chart rect[fill]').evaluateAll((rects) => rects.map((r) => r.getAttribute('fill') ?? ''));
    const words = await page.locator('svg.chart text').evaluateAll((texts) => texts.map((t) => ({ text: t.textContent, fill: (globalThis as unknown as ComputedStyleOf).getComputedStyle(t).color })));
    // The lossy plan's untracked counts and the outage's disabled mailboxes are drawn in the untracked colour.
    expect(await page.locator('svg.batches text.disabled').count()).toBeGreaterThan(0);
    expect(new Set(marks).size).toBeGreaterThanOrEqual(4);
    expect(marks.filter((fill) => contrastOnWhite(fill) < 3)).toEqual([]);
    expect(words.filter((w) => contrastOnWhite(w.fill) < 4.5).map((w) => `${w.text}: ${w.fill}`)).toEqual([]);
    await page.close();
  });

  it('has one h1, an h2 per part naming each plan and its grade, h3s under them, and a scope on every table header', async () => {
    for (const which of ['runs', 'sweeps'] as const) {
      const { page } = await open(which, 1280);
      const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
      expect(levels[0], which).toBe(1);
      expect(levels.filter((l) => l === 1).length, which).toBe(1);
      // No level skipped on the way down (an h3 only under an h2).
      expect(levels.filter((l, i) => i > 0 && l > (levels[i - 1] as number) + 1), which).toEqual([]);
      for (const r of which === 'runs' ? runs : sweeps) {
        expect(await page.getByRole('heading', { level: 2, name: `${r.plan} grade ${r.grade}`, exact: true }).count(), `${which}: ${r.plan}`).toBe(1);
      }
      const headers = await page.locator('th').evaluateAll((ths) => ths.map((th) => ({ text: th.textContent, scope: th.getAttribute('scope'), inHead: th.closest('thead') !== null })));
      expect(headers.length, which).toBeGreaterThan(20);
      expect(headers.filter((h) => h.scope !== (h.inHead ? 'col' : 'row')), which).toEqual([]);
      await page.close();
    }
  });
});
