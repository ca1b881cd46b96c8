// The trainer view in a desktop browser's window, whose vertical scroll bar takes 15 pixels of the width while it shows
// (the other suites hide it, as Playwright does): at 1024 x 768 every lesson says whole what the readers' marks mean
// (the key stood in each lane's head and was cut there to "read up t…", its text only in a tooltip).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { DemoData } from '../../../../harness/demo/demo-data.js';
import { shotsDir, skipWithoutChromium } from '../../../helpers/chromium.js';
import { launchChromiumWithScrollBars, LESSONS, lessonData, openDemo, probe } from './demo-page-browser.js';

const skip = skipWithoutChromium('demo-page-scrollbars-chromium.test');

interface Key {
  entries: Array<{ key: string; text: string; left: number; right: number; whole: boolean; shown: boolean }>;
  /** Whatever on the page is cut with an ellipsis and speaks of the readers' marks (the lane heads' key was). */
  cut: string[];
  windowWidth: number;
}

const KEY = `(() => ({
  entries: [...document.querySelectorAll('ul.legend li[data-legend="reading"], ul.legend li[data-legend^="up-to"]')].map((e) => {
    const r = e.getBoundingClientRect();
    return { key: e.dataset.legend, text: e.textContent.trim(), left: r.left, right: r.right, whole: e.scrollWidth <= e.clientWidth + 1,
      shown: e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden' };
  }),
  cut: [...document.querySelectorAll('body *')].filter((e) => /read up to|ThresholdDate|watermark/.test(e.textContent)
    && getComputedStyle(e).textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1).map((e) => e.tagName + '.' + e.className),
  windowWidth: document.documentElement.clientWidth,
}))()`;

describe.skipIf(skip)('the trainer view with a desktop browser\'s scroll bar', () => {
  let browser: Browser;
  const shots = shotsDir('mailflow-demo-scrollbars-');
  const lessons = new Map<string, DemoData>();

  beforeAll(async () => {
    browser = await launchChromiumWithScrollBars();
    for (const file of LESSONS) lessons.set(file, await lessonData(file));
  });
  afterAll(async () => {
    shots.cleanUp();
    await browser?.close();
  });

  it('says whole, at 1024 x 768, what the readers\' marks mean, for every lesson', async () => {
    for (const [file, data] of lessons) {
      const { page, problems } = await openDemo(browser, shots.dir, `${file.replace('.yaml', '')}-key-1024`, data, { width: 1024, height: 768 });
      const key = await probe<Key>(page, KEY);
      expect(key.cut, file).toEqual([]);
      const byKey = new Map(key.entries.map((e) => [e.key, e]));
      expect([...byKey.keys()], file).toEqual(expect.arrayContaining(['reading', 'up-to']));
      for (const e of key.entries) {
        expect(e.shown && e.whole, `${file} ${e.key}: "${e.text}" shown whole`).toBe(true);
        expect(e.left, `${file} ${e.key}`).toBeGreaterThanOrEqual(0);
        expect(e.right, `${file} ${e.key}: inside the window`).toBeLessThanOrEqual(key.windowWidth);
      }
      // Both readers' positions are named with their rules (each lesson has a router and a sync lane).
      expect(byKey.get('up-to')?.text, file).toMatch(/ThresholdDate.*R8.*watermark.*S6/);
      expect(problems, file).toEqual([]);
      await page.close();
    }
  });
});
