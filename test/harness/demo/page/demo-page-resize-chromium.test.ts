// The trainer view as a window is resized, in Chromium: a fit lays the page out a dozen times (100 to 200 ms), and a
// window dragged to a new size fires resize on every frame, so the page fits once the resizing has paused for
// RESIZE_SETTLE_MS, not at each resize; and what it fits to is what a page opened at that size shows.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RESIZE_SETTLE_MS } from '../../../../harness/demo/page/script-player.js';
import { chromiumForSuite, skipWithoutChromium } from '../../../helpers/chromium.js';
import { lessonData, openDemo, probe } from './demo-page-browser.js';

const skip = skipWithoutChromium('demo-page-resize-chromium.test');

/** Resizes (real or dispatched) and fits (the drawings' widths set), each with its performance.now(). */
type Log = Array<['resize' | 'fit', number]>;

interface Fitted {
  widths: number[];
  oneColumn: boolean;
  overflowY: number;
}

const FITTED = `(() => ({
  widths: [...document.querySelectorAll('svg.lane-svg')].map((s) => s.getBoundingClientRect().width),
  oneColumn: document.querySelector('main').classList.contains('one-column'),
  overflowY: document.documentElement.scrollHeight - document.documentElement.clientHeight,
}))()`;

/** Notes every resize event and every fit: a fit sets the drawings' widths (script-fit.ts), one task's worth at a time. */
const WATCH = `(() => {
  window.__log = [];
  addEventListener('resize', () => window.__log.push(['resize', performance.now()]));
  const fits = new MutationObserver(() => window.__log.push(['fit', performance.now()]));
  document.querySelectorAll('svg.lane-svg').forEach((s) => fits.observe(s, { attributes: true, attributeFilter: ['style'] }));
})()`;

/**
 * A drag's tail: `count` resize events `gapMs` apart (the window's last sizes), as a browser fires them; returns the
 * drawings' widths right after the last one, in the same task (before any fit could run).
 */
function drag(page: Page, count: number, gapMs: number): Promise<number[]> {
  return probe<number[]>(page, `new Promise((done) => {
    let i = 0;
    const next = () => {
      dispatchEvent(new Event('resize'));
      if (++i < ${count}) setTimeout(next, ${gapMs});
      else done([...document.querySelectorAll('svg.lane-svg')].map((s) => s.getBoundingClientRect().width));
    };
    next();
  })`);
}

describe.skipIf(skip)('the trainer view as its window is resized', () => {
  const chrome = chromiumForSuite('mailflow-demo-resize-');

  it(`fits once the resizing has paused for ${RESIZE_SETTLE_MS} ms, as a page opened at the new size`, async () => {
    const data = await lessonData('lesson-4-cutover.yaml');
    const { page, problems } = await openDemo(chrome.browser(), chrome.shots.dir, 'lesson-4-resize', data, { width: 1280, height: 720 });
    const before = await probe<Fitted>(page, FITTED);
    await probe(page, WATCH);

    // The window goes to 1024 x 768 (one real resize), then the drag's last events, closer together than the settle.
    await page.setViewportSize({ width: 1024, height: 768 });
    const whileDragging = await drag(page, 6, RESIZE_SETTLE_MS / 4);
    await page.waitForFunction((settle) => {
      const log = (globalThis as unknown as { __log: Log }).__log;
      const last = log.filter((e) => e[0] === 'resize').at(-1)?.[1] ?? 0;
      return performance.now() - last > settle + 1_000;
    }, RESIZE_SETTLE_MS, { timeout: 10_000 });
    const log = await page.evaluate(() => (globalThis as unknown as { __log: Log }).__log);
    const after = await probe<Fitted>(page, FITTED);

    const resizes = log.filter((e) => e[0] === 'resize').map((e) => e[1]);
    const fits = log.filter((e) => e[0] === 'fit').map((e) => e[1]);
    expect(resizes.length).toBeGreaterThanOrEqual(6);
    // Where the resizing paused (the next resize came RESIZE_SETTLE_MS or more later, or none did): one fit each. A
    // loaded machine may stretch a gap past the settle; then that pause has its fit too, and no more.
    const pauses = resizes.filter((r, i) => (resizes[i + 1] ?? Infinity) - r >= RESIZE_SETTLE_MS);
    expect(fits.length, `fits at ${fits.map((f) => f.toFixed(0)).join(', ')}; resizes at ${resizes.map((r) => r.toFixed(0)).join(', ')}`).toBe(pauses.length);
    for (const f of fits) {
      const lastResize = Math.max(...resizes.filter((r) => r < f));
      expect(f - lastResize, 'a fit waits for the resizing to settle').toBeGreaterThanOrEqual(RESIZE_SETTLE_MS - 1);
    }
    // While the drag went on the drawings kept their size (no pause in it: nothing fitted yet).
    const dragPaused = resizes.slice(0, -1).some((r, i) => (resizes[i + 1] ?? r) - r >= RESIZE_SETTLE_MS);
    if (!dragPaused) expect(whileDragging).toEqual(before.widths);

    // Fitted as a page opened at 1024 x 768 is, and fitting the window.
    const fresh = await openDemo(chrome.browser(), chrome.shots.dir, 'lesson-4-resize-fresh', data, { width: 1024, height: 768 });
    const opened = await probe<Fitted>(fresh.page, FITTED);
    expect(after.oneColumn).toBe(opened.oneColumn);
    after.widths.forEach((w, i) => expect(Math.abs(w - (opened.widths[i] ?? NaN)), `lane ${i}'s drawing`).toBeLessThan(1));
    expect(after.widths).not.toEqual(before.widths);
    expect(after.overflowY).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${chrome.shots.dir}/lesson-4-resized-1024.png` });
    expect([...problems, ...fresh.problems]).toEqual([]);
    await fresh.page.close();
    await page.close();
  });
});
