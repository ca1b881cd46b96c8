// What the accessibility review measured in the trainer view, measured again in Chromium: each fate's dot has a shape
// of its own (not only a colour), the dots' and the controls' colours meet 3:1 and the small grey words 4.5:1 (from
// the computed styles), only the lesson's captions are announced (one atomic live region), the time slider says the
// clock, nothing moves when asked for less motion and queued dots stop pulsing when paused, each lane's status line
// says what is down, and a 320-pixel screen shows the whole title without scrolling sideways.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoData } from '../../../../harness/demo/demo-data.js';
import { chromiumForSuite, skipWithoutChromium } from '../../../helpers/chromium.js';
import { demoFixture } from '../../../helpers/demo-fixture.js';
import { contrast } from '../../../helpers/contrast.js';
import { demoSeek, demoState, openDemo, probe, type Viewport } from './demo-page-browser.js';

const skip = skipWithoutChromium('demo-page-a11y-chromium.test');
const M = 60_000;

const style = (page: Page, selector: string, prop: string) =>
  page.locator(selector).first().evaluate((e, p) => (globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(e)[p] ?? '', prop);

const animations = (page: Page) => probe<number>(page, 'document.getAnimations().length');

describe.skipIf(skip)('the trainer view, accessibly', () => {
  const chrome = chromiumForSuite('mailflow-demo-a11y-');
  const open = (name: string, data: DemoData, viewport: Viewport = { width: 1280, height: 720 }) =>
    openDemo(chrome.browser(), chrome.shots.dir, name, data, viewport);
  /** The fixture's page at 1280 x 720, at virtual time t. */
  async function fixtureAt(name: string, t: number): Promise<{ page: Page; problems: string[] }> {
    const opened = await open(name, demoFixture());
    await demoSeek(opened.page, t);
    return opened;
  }

  it('gives each fate a shape of its own, in the lanes, the legend and the latest messages', async () => {
    const { page, problems } = await open('shapes', demoFixture(), { width: 1600, height: 1000 });
    await demoSeek(page, (await demoState(page)).endMs);
    await page.waitForTimeout(600);
    const legend = await probe<Record<string, string>>(page, `Object.fromEntries([...document.querySelectorAll('ul.legend [data-legend] path')].map((p) => [p.getAttribute('data-legend') || p.closest('li').getAttribute('data-legend'), p.getAttribute('d')]))`);
    // Tracked, tossed, duplicate prevented and lost: four shapes (queued is a circle with a ring, moving a circle).
    const fates = ['m-tracked', 'm-tossed', 'm-dup', 'm-lost'];
    expect(new Set(fates.map((f) => legend[f])).size).toBe(4);
    // In the lanes, every dot of one fate has one shape, and the fates' shapes differ.
    const lanes = await probe<Record<string, string[]>>(page, `(() => { const out = {};
      for (const d of document.querySelectorAll('svg.lane-svg path.dot')) { if (d.style.display === 'none') continue;
        const fate = [...d.classList].find((c) => c.startsWith('m-')); (out[fate] = out[fate] || []).push(d.getAttribute('d')); }
      return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...new Set(v)]])); })()`);
    for (const f of ['m-tracked', 'm-dup', 'm-lost', 'm-tossed']) expect(lanes[f], f).toHaveLength(1);
    expect(new Set(fates.map((f) => lanes[f]?.[0])).size).toBe(4);
    // A listed message shows its fate's shape (the legend's picture of it) and names it.
    const item = page.locator('ol.recent-list button.m-lost').first();
    expect(await item.locator('svg path').getAttribute('d')).toBe(legend['m-lost']);
    expect(await item.textContent()).toContain('lost or untracked');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws the dots and the controls at 3:1 at least, and the down boxes\' words at 4.5:1', async () => {
    const { page, problems } = await fixtureAt('contrast', 80 * M);
    const down = await style(page, 'svg g.place.down > rect', 'fill');
    for (const fate of ['m-moving', 'm-tracked', 'm-tossed', 'm-dup', 'm-lost']) {
      const fill = await style(page, `ul.legend [data-legend="${fate}"] path`, 'fill');
      expect(contrast(fill, '#ffffff'), `${fate} ${fill} on white`).toBeGreaterThanOrEqual(3);
      expect(contrast(fill, down), `${fate} ${fill} on a down box ${down}`).toBeGreaterThanOrEqual(3);
    }
    // Queued: the light amber is told by its dark ring.
    expect(contrast(await style(page, 'ul.legend [data-legend="m-retry"] path', 'stroke'), '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrast(await style(page, '#btn-step', 'borderTopColor'), '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrast(await style(page, 'svg g.place.down .label', 'fill'), down)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(await style(page, 'svg g.place.down .down-tag', 'fill'), down)).toBeGreaterThanOrEqual(4.5);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('announces the lesson\'s captions only, from one atomic live region', async () => {
    const { page, problems } = await open('live', demoFixture());
    expect(await probe<number>(page, `document.querySelectorAll('[aria-live]').length`)).toBe(1);
    expect(await page.locator('[aria-live]').getAttribute('aria-atomic')).toBe('true');
    const said = () => page.locator('[aria-live]').textContent();
    // Steps between two lesson captions change the lanes' captions, not what is said.
    await page.keyboard.press('ArrowRight');
    const first = await said();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('section.lane[data-lane="router"] .lane-caption').textContent()).not.toBe('');
    expect(await said()).toBe(first);
    await page.keyboard.press('PageDown');
    expect(await said()).toBe('Two users got the same message: two copies reach the forward mailbox.');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says the clock on the time slider, steps it in minutes, and names each marker with its time', async () => {
    const { page, problems } = await fixtureAt('slider', 90 * M);
    expect(await page.locator('#scrubber').getAttribute('aria-valuetext')).toBe('2026-01-05 09:30:00 UTC, 1h 30m 00s of 4h 00m 00s');
    expect(await page.locator('#scrubber').getAttribute('step')).toBe(String(M));
    const names = await page.locator('.op-mark').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(names).toEqual(['ex1 down at 1h', 'ex1 up at 2h']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('moves nothing when asked for less motion, and stops the queued dots\' pulse while paused', async () => {
    const { page, problems } = await fixtureAt('motion', 80 * M);
    // The dots' glide (0.45 s) and the new caption's glow (1.2 s) are over by then.
    await page.waitForTimeout(1400);
    expect(await page.locator('svg.lane-svg path.dot.m-retry').count()).toBeGreaterThan(0);
    expect(await animations(page), 'paused').toBe(0);
    await page.evaluate(() => (globalThis as unknown as { demo: { play(): void } }).demo.play());
    expect(await animations(page), 'playing').toBeGreaterThan(0);
    await page.close();

    const still = await chrome.browser().newPage({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    await still.goto(page.url());
    await demoSeek(still, 79 * M);
    await still.evaluate(() => (globalThis as unknown as { demo: { play(): void } }).demo.play());
    expect((await demoState(still)).playing).toBe(true);
    expect(await still.locator('svg.lane-svg path.dot.m-retry').count()).toBeGreaterThan(0);
    expect(await animations(still)).toBe(0);
    expect(problems).toEqual([]);
    await still.close();
  });

  it('says in each lane\'s status line what is down and where the messages are; groups the counters', async () => {
    const { page, problems } = await fixtureAt('status', 80 * M);
    const status = await page.locator('.lane-status[data-lane="router"]').textContent();
    expect(status).toMatch(/^Down: server ex1\. .*Messages: .*\d/);
    expect(await page.locator('svg.lane-svg[data-lane="router"]').getAttribute('aria-describedby')).toBe('status-router');
    expect(await page.locator('.counters[role="group"]').count()).toBe(2);
    await demoSeek(page, 130 * M);
    expect(await page.locator('.lane-status[data-lane="router"]').textContent()).not.toContain('Down:');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fits a 320-pixel screen: the whole title, nothing wider than the window', async () => {
    const { page, problems } = await open('narrow', demoFixture(), { width: 320, height: 640 });
    expect(await probe<number>(page, 'document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    const h1 = await probe<{ scroll: number; client: number }>(page, `(() => { const h = document.querySelector('h1'); return { scroll: h.scrollWidth, client: h.clientWidth }; })()`);
    expect(h1.scroll).toBeLessThanOrEqual(h1.client);
    const overlaps = await probe<number>(page, `(() => { let right = -Infinity, n = 0;
      for (const t of document.querySelectorAll('.scrubber .tick')) { if (getComputedStyle(t).visibility === 'hidden') continue;
        const r = t.getBoundingClientRect(); if (r.left < right) n++; right = r.right; } return n; })()`);
    expect(overlaps).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
