// The charts' text in a real Chromium, as the accessibility review read a run whose latencies span 100ms to days: the
// histogram's 25 ranges leave no room for a label at every edge, so its labels are thinned and never run into each
// other or another text, on a phone, a laptop or a wide screen, each bar's range still its tooltip and a row of the
// table under the chart; the timeline's time labels likewise. On A4 paper every chart text prints at 12px (9pt) or
// more (drawn 1,000 units wide and printed 718px wide, it was 8.6px). A lane's label is whole where it has the room.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { chromiumForSuite, skipWithoutChromium } from '../../helpers/chromium.js';
import { mailflow } from '../../helpers/cli.js';
import { A4_PRINTABLE_PX, openPrinted } from './a4-print.js';
import { manyBinsHistogram, writeManyBinsReport } from './many-bins.js';

const skip = skipWithoutChromium('chart-labels-chromium.test');

/** The page's getComputedStyle, for code run in it (the project's types have no DOM). */
interface ComputedStyleOf { getComputedStyle(e: unknown): { fontSize: string } }

/** Each chart's time-axis labels as shown, and every pair of an axis label and another text of its chart that overlap. */
async function axisLabels(page: Page): Promise<{ shown: Record<string, string[]>; overlapping: string[] }> {
  return page.locator('svg.chart').evaluateAll((svgs) => {
    const shown: Record<string, string[]> = {};
    const overlapping = svgs.flatMap((svg) => {
      const texts = [...svg.querySelectorAll('text')].map((t) => ({ axis: t.closest('g.x-axis') !== null, text: t.textContent ?? '', r: t.getBoundingClientRect() }));
      shown[svg.classList.item(svg.classList.length - 1) ?? ''] = texts.filter((t) => t.axis).map((t) => t.text);
      return texts.flatMap((a, i) => texts.slice(i + 1).filter((b) => (a.axis || b.axis)
        && a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom).map((b) => `${a.text} over ${b.text}`));
    });
    return { shown, overlapping };
  });
}

describe.skipIf(skip)('the charts\' labels', () => {
  const chromium = chromiumForSuite('mailflow-chart-labels-');
  const file = () => join(chromium.shots.dir, 'many-bins.html');
  beforeAll(() => {
    writeManyBinsReport(file(), manyBinsHistogram((i) => Math.round(4_000 * Math.exp(-((i - 10) ** 2) / 10)) + 3));
  });

  it('never overlap, on a phone, a laptop or a wide screen, with a label at the first and the last edge and every bar\'s range at hand', async () => {
    const page = await chromium.browser().newPage({ viewport: { width: 320, height: 900 } });
    await page.goto(pathToFileURL(file()).href);
    for (const width of [320, 1024, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      const { shown, overlapping } = await axisLabels(page);
      expect(overlapping, `at ${width}px`).toEqual([]);
      // The histogram's edges thinned, not all gone: 0 to 28d, every k-th between; the timeline's 0 to its end.
      expect(shown['latency']?.length, `at ${width}px`).toBeGreaterThan(8);
      expect(shown['latency']?.length, `at ${width}px`).toBeLessThan(26);
      expect([shown['latency']?.[0], shown['latency']?.at(-1)]).toEqual(['0', '28d']);
      expect(shown['timeline']?.length).toBeGreaterThan(4);
      if (width === 1280) await page.locator('#latency figure').screenshot({ path: join(chromium.shots.dir, 'many-bins-1280.png') });
    }
    // Each of the 25 bars says its range and count (its tooltip), as the table under the chart does, edge to edge.
    const titles = await page.locator('svg.latency rect[data-bin] title').allTextContents();
    expect(titles).toHaveLength(25);
    expect(titles).toEqual(await page.locator('#latency details.chart-data tbody tr').evaluateAll((trs) => trs.map((tr) => `${tr.cells[0]?.textContent}: ${tr.cells[1]?.textContent} messages`)));
    const ranges = titles.map((t) => /^(\S+) to (\S+):/.exec(t)?.slice(1) ?? []);
    expect(ranges.slice(1).filter((r, i) => r[0] !== ranges[i]?.[1])).toEqual([]);
    expect([ranges[0]?.[0], ranges.at(-1)?.[1]]).toEqual(['0', '28d']);
    await page.close();
  });

  it('keep a lane\'s label whole where it has the room, and within the drawing', async () => {
    // cutover-router-to-sss: 'sync disabled 1 mailbox at Test & Enable (401 Unauthorized): at 8h' is 405px wide and has
    // 411 units left of its mark; measured a letter at a time 6 to 10% too wide, it was cut.
    const cutover = join(chromium.shots.dir, 'cutover-router-to-sss.html');
    const run = mailflow('run', 'scenarios/cutover-router-to-sss.yaml', '--report', cutover);
    expect(run.status, run.stderr).toBe(0);
    const page = await chromium.browser().newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(cutover).href);
    const lanes = await page.locator('svg.timeline g.lane').evaluateAll((gs) => gs.map((g) => {
      const svg = g.closest('svg')?.getBoundingClientRect();
      const r = g.querySelector('text')?.getBoundingClientRect();
      return { whole: g.querySelector('title')?.textContent, shown: g.querySelector('text')?.textContent, inside: svg !== undefined && r !== undefined && r.left >= svg.left && r.right <= svg.right };
    }));
    expect(lanes.map((l) => l.whole)).toContain('sync disabled 1 mailbox at Test & Enable (401 Unauthorized): at 8h');
    expect(lanes.filter((l) => l.shown !== l.whole || !l.inside)).toEqual([]);
    await page.close();
  });

  it('print at 12px (9pt) or more on A4, each chart within the paper\'s width', async () => {
    const page = await openPrinted(chromium.browser(), pathToFileURL(file()).href);
    const charts = await page.locator('svg.chart').evaluateAll((svgs) => svgs.map((svg) => {
      const { width, right } = svg.getBoundingClientRect();
      const scale = width / Number(svg.getAttribute('viewBox')?.split(' ')[2]);
      const sizes = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, px: scale * parseFloat((globalThis as unknown as ComputedStyleOf).getComputedStyle(t).fontSize) }));
      return { chart: svg.getAttribute('class'), right, sizes };
    }));
    expect(charts.map((c) => c.chart?.split(' ').at(-1))).toEqual(['timeline', 'latency']);
    for (const { chart, right, sizes } of charts) {
      expect(right, `${chart ?? ''}`).toBeLessThanOrEqual(A4_PRINTABLE_PX);
      expect(sizes.length).toBeGreaterThan(20);
      expect(sizes.filter((s) => s.px < 12).map((s) => `${s.text}: ${s.px.toFixed(1)}px`), chart ?? '').toEqual([]);
    }
    await page.locator('#latency figure').screenshot({ path: join(chromium.shots.dir, 'many-bins-a4.png') });
    await page.close();
  });
});
