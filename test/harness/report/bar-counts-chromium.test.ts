// The latency histogram's bar counts, in a real Chromium: 12px or more at every width, from a phone (where they were
// 9.2px) to a wide screen, and never over each other, another label or a p50/p95 marker's line, even with many ranges
// of six-figure counts (then upright).
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { FONT_PX } from '../../../harness/report/chart-kit.js';
import { latencyChart } from '../../../harness/report/latency-chart.js';
import { REPORT_CSS } from '../../../harness/report/report-style.js';
import { scrollBox } from '../../../harness/report/scroll-box.js';
import { chromiumForSuite, skipWithoutChromium } from '../../helpers/chromium.js';
import { mailflow } from '../../helpers/cli.js';
import { manyBinsHistogram } from './many-bins.js';

const skip = skipWithoutChromium('bar-counts-chromium.test');

/** The page's getComputedStyle, for code run in it (the project's types have no DOM). */
interface ComputedStyleOf { getComputedStyle(e: unknown): { fontSize: string } }

/** A bar's count: the text after its bar. */
const COUNT = 'svg.latency rect[data-bin] + text';

/** Each bar count's size on screen (px) and in the drawing's units. */
async function countSizes(page: Page): Promise<Array<{ text: string | null; px: number; units: number }>> {
  return page.locator(COUNT).evaluateAll((texts) => texts.map((t) => {
    const svg = t.closest('svg');
    const units = parseFloat((globalThis as unknown as ComputedStyleOf).getComputedStyle(t).fontSize);
    return { text: t.textContent, units, px: (units * (svg?.getBoundingClientRect().width ?? 0)) / Number(svg?.getAttribute('viewBox')?.split(' ')[2]) };
  }));
}

/**
 * Every pair of the chart's texts, one of them a bar count, whose boxes on screen overlap; a marker's line through a
 * count; and counts above the drawing.
 */
async function countsOverlapping(page: Page): Promise<string[]> {
  return page.locator('svg.latency').evaluate((svg) => {
    const texts = [...svg.querySelectorAll('text')].map((t) => ({ count: t.previousElementSibling?.matches('rect[data-bin]') === true, text: t.textContent, r: t.getBoundingClientRect() }));
    // A vertical line's box is as wide as its geometry, none: it crosses a count whose box holds its x.
    const lines = [...svg.querySelectorAll('g.percentile line')].map((l) => ({ count: false, text: `${l.parentElement?.textContent ?? ''}'s line`, r: l.getBoundingClientRect() }));
    const top = svg.getBoundingClientRect().top;
    const clash = texts.flatMap((a, i) => [...texts.slice(i + 1), ...lines].filter((b) => (a.count || b.count)
      && a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom).map((b) => `${a.text} over ${b.text}`));
    return [...clash, ...texts.filter((t) => t.count && t.r.top < top).map((t) => `${t.text} above the drawing`)];
  });
}

const WIDTHS = [320, 800, 1100, 1280, 1920];

describe.skipIf(skip)('the latency histogram\'s bar counts', () => {
  const chromium = chromiumForSuite('mailflow-bar-counts-');
  // Fifteen ranges, from 100ms to 4h; p50 and p95 a few bars apart, their labels above the counts.
  const file = () => join(chromium.shots.dir, 'cutover-late.html');
  beforeAll(() => {
    const run = mailflow('run', 'scenarios/cutover-late-process-email-from.yaml', '--report', file());
    expect(run.status, run.stderr).toBe(0);
  });

  it('are 12px or more at every width, and clear of the other labels', async () => {
    const page = await chromium.browser().newPage({ viewport: { width: 320, height: 900 } });
    await page.goto(pathToFileURL(file()).href);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const sizes = await countSizes(page);
      // A count over every bar that has messages.
      expect(sizes.length).toBe(await page.locator('svg.latency rect[data-bin]').evaluateAll((bars) => bars.filter((b) => Number(b.getAttribute('height')) > 0).length));
      expect(sizes.length).toBeGreaterThan(5);
      expect(sizes.filter((s) => s.px < 12).map((s) => `${s.text}: ${s.px.toFixed(1)}px`), `at ${width}px`).toEqual([]);
      // One size, the charts' text's: the chart is never drawn at less than its own scale.
      expect(new Set(sizes.map((s) => s.units)), `at ${width}px`).toEqual(new Set([FONT_PX]));
      expect(await countsOverlapping(page), `at ${width}px`).toEqual([]);
      if (width === 320) await page.locator('#latency figure').screenshot({ path: join(chromium.shots.dir, 'latency-320.png') });
    }
    await page.close();
  });

  it('stand upright when they are wider than their bars: 25 ranges of six-figure counts, on a phone and a wide screen', async () => {
    const chart = `<section id="latency"><figure>${scrollBox('Latency histogram', latencyChart(manyBinsHistogram((i) => 100_000 + i * 37_111))).value}</figure></section>`;
    for (const width of [320, 1280]) {
      const page = await chromium.browser().newPage({ viewport: { width, height: 900 } });
      await page.setContent(`<!DOCTYPE html><html><head><style>${REPORT_CSS}</style></head><body><main>${chart}</main></body></html>`);
      const sizes = await countSizes(page);
      expect(sizes.length).toBe(25);
      expect(sizes.filter((s) => s.px < 12).map((s) => `${s.text}: ${s.px.toFixed(1)}px`), `at ${width}px`).toEqual([]);
      expect(await page.locator(`${COUNT}[transform^="rotate(-90"]`).count()).toBe(25);
      expect(await countsOverlapping(page), `at ${width}px`).toEqual([]);
      await page.locator('#latency figure').screenshot({ path: join(chromium.shots.dir, `crowded-${width}.png`) });
      await page.close();
    }
  });
});
