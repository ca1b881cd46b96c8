// The trainer view on a projector's screen, in Chromium, for every shipped lesson: at 1280 x 720, 1024 x 768 and
// 1920 x 1080 both lanes' drawings are in the window together (they were not: lesson 1 was 1,074 pixels tall at
// 1280 x 720, the sync lane below the fold; lesson 4 1,177 at 1920 x 1080), the page neither scrolls nor grows as the captions change, and the scrubber's operation
// labels never cover each other (at 1024 pixels they ran into each other, and a marker sat unlabelled under its
// neighbour's label), each one naming its marker and jumping to it when clicked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { DemoData } from '../../../../harness/demo/demo-data.js';
import { MIN_PX_PER_UNIT } from '../../../../harness/demo/page/drawing-type.js';
import { launchChromium, shotsDir, skipWithoutChromium } from '../../../helpers/chromium.js';
import { demoState, LESSONS, lessonData, openDemo, probe, type Viewport } from './demo-page-browser.js';

const skip = skipWithoutChromium('demo-page-fit-chromium.test');
const shots = shotsDir('mailflow-demo-fit-');

const PROJECTORS: readonly Viewport[] = [{ width: 1280, height: 720 }, { width: 1024, height: 768 }, { width: 1920, height: 1080 }];

interface Layout {
  pageW: number;
  pageH: number;
  lanes: Array<{ lane: string; top: number; bottom: number; left: number; right: number; unitsWide: number }>;
}

const LAYOUT = `(() => ({
  pageW: document.documentElement.scrollWidth,
  pageH: document.documentElement.scrollHeight,
  lanes: [...document.querySelectorAll('svg.lane-svg')].map((s) => {
    const r = s.getBoundingClientRect();
    return { lane: s.dataset.lane, top: r.top, bottom: r.bottom, left: r.left, right: r.right, unitsWide: s.viewBox.baseVal.width };
  }),
}))()`;

interface LabelBox {
  op: number;
  at: number;
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** What the page has under the label's centre: its own marker (or the label itself), or something else. */
  hitsOwnMarker: boolean;
}

const LABELS = `(() => [...document.querySelectorAll('.op-mark')].map((b) => {
  const l = b.querySelector('.op-label'), r = l.getBoundingClientRect();
  const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
  return { op: Number(b.dataset.op), at: Number(b.dataset.at), text: l.textContent, left: r.left, right: r.right, top: r.top,
    bottom: r.bottom, hitsOwnMarker: hit === b || hit === l };
}))()`;

const TRACK = `(() => { const r = document.querySelector('.scrubber .marks').getBoundingClientRect(); return { left: r.left, right: r.right }; })()`;

describe.skipIf(skip)('the trainer view on a projector\'s screen', () => {
  let browser: Browser;
  const lessons = new Map<string, DemoData>();

  beforeAll(async () => {
    browser = await launchChromium();
    for (const file of LESSONS) lessons.set(file, await lessonData(file));
  });
  afterAll(async () => {
    shots.cleanUp();
    await browser?.close();
  });

  it.each(PROJECTORS.map((v) => [`${v.width} x ${v.height}`, v] as const))('shows both lanes\' drawings together at %s, for every lesson, and nothing moves as the captions change', async (_, viewport) => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(4);
    for (const [file, data] of lessons) {
      const name = `${file.replace('.yaml', '')}-${viewport.width}`;
      const { page, problems } = await open(name, data, viewport);
      const first = await probe<Layout>(page, LAYOUT);
      expect(first.lanes.map((l) => l.lane), file).toEqual(['router', 'sss']);
      // Every instant the lesson says something, and the end (the run's totals): the page still fits, the drawings
      // have not moved.
      const instants = [...new Set(data.captions.map((c) => c.atMs)), data.endMs];
      for (const t of instants) {
        await page.evaluate((ms) => (globalThis as unknown as { demo: { seek(ms: number): void } }).demo.seek(ms), t);
        const now = await probe<Layout>(page, LAYOUT);
        expect(now.pageH, `${file} at ${t} ms: the page is no taller than the window`).toBeLessThanOrEqual(viewport.height);
        expect(now.pageW, `${file} at ${t} ms: nor wider`).toBeLessThanOrEqual(viewport.width);
        for (const lane of now.lanes) {
          expect(lane.top, `${file} ${lane.lane} at ${t} ms`).toBeGreaterThanOrEqual(0);
          expect(lane.bottom, `${file} ${lane.lane} at ${t} ms: the drawing is in the window`).toBeLessThanOrEqual(viewport.height);
          expect(lane.right, `${file} ${lane.lane} at ${t} ms`).toBeLessThanOrEqual(viewport.width);
          // Never below the scale at which the drawing's smallest words are 12 pixels (demo-page-text-chromium
          // measures the words themselves).
          expect(lane.right - lane.left, `${file} ${lane.lane}: readable`).toBeGreaterThanOrEqual(lane.unitsWide * MIN_PX_PER_UNIT - 1);
        }
        // Not a pixel (text's heights are fractional: a caption box may land a sixtieth of a pixel lower).
        now.lanes.forEach((lane, i) => {
          const before = first.lanes[i];
          for (const side of ['top', 'bottom', 'left', 'right'] as const) {
            expect(Math.abs(lane[side] - (before?.[side] ?? NaN)), `${file} ${lane.lane} at ${t} ms: the drawing does not jump (${side})`).toBeLessThan(1);
          }
        });
      }
      await page.evaluate((ms) => (globalThis as unknown as { demo: { seek(ms: number): void } }).demo.seek(ms), busiest(data));
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(shots.dir, `${name}.png`) });
      expect(problems, file).toEqual([]);
      await page.close();
    }
  });

  it.each(PROJECTORS.map((v) => [`${v.width} x ${v.height}`, v] as const))('labels every operation on the scrubber at %s, none over another, each jumping to its operation', async (_, viewport) => {
    for (const [file, data] of lessons) {
      const { page, problems } = await open(`${file.replace('.yaml', '')}-scrubber-${viewport.width}`, data, viewport);
      const labels = await probe<LabelBox[]>(page, LABELS);
      const track = await probe<{ left: number; right: number }>(page, TRACK);
      expect(labels.length, file).toBe(data.operations.length);
      for (const a of labels) {
        expect(a.text, `${file} op ${a.op}`).not.toBe('');
        expect(a.right - a.left, `${file} ${a.text}: shown`).toBeGreaterThan(10);
        expect(a.left, `${file} ${a.text}: inside the track`).toBeGreaterThanOrEqual(track.left - 1);
        expect(a.right, `${file} ${a.text}: inside the track`).toBeLessThanOrEqual(track.right + 1);
        expect(a.hitsOwnMarker, `${file} ${a.text} at ${a.at} ms: nothing covers it`).toBe(true);
        for (const b of labels) {
          if (b.op <= a.op) continue;
          const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
          expect(apart, `${file}: "${a.text}" (${a.at} ms) and "${b.text}" (${b.at} ms) do not overlap`).toBe(true);
        }
      }
      for (const a of labels) {
        await page.mouse.click((a.left + a.right) / 2, (a.top + a.bottom) / 2);
        expect((await demoState(page)).t, `${file}: a click on "${a.text}"`).toBe(a.at);
      }
      expect(problems, file).toEqual([]);
      await page.close();
    }
  });

  function open(name: string, data: DemoData, viewport: Viewport) {
    return openDemo(browser, shots.dir, name, data, viewport);
  }
});

/** The instant with the most lesson captions at once (the tallest captions), for the screenshot. */
function busiest(data: DemoData): number {
  const counts = new Map<number, number>();
  for (const c of data.captions) counts.set(c.atMs, (counts.get(c.atMs) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}
