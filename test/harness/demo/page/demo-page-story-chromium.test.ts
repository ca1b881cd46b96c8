// The trainer view tells a lesson's story, in Chromium: every caption of an instant shows, in the lesson's order (the
// page showed only the last of two); queued mail is not painted as lost; the run's totals wait for the end (they were
// on screen from the start, next to counters at 0); and the trainer walks the lesson caption by caption: play stops
// at each (unless told not to), Page Down / Page Up and the caption buttons jump between them, and so does a click on
// a caption's tick on the scrubber.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoData } from '../../../../harness/demo/demo-data.js';
import { endTotalsText, runSummaryText } from '../../../../harness/demo/page/lane-html.js';
import { chromiumForSuite, skipWithoutChromium } from '../../../helpers/chromium.js';
import { demoFixture } from '../../../helpers/demo-fixture.js';
import { demoSeek, demoState, openDemo, probe, untilStopped, type Viewport } from './demo-page-browser.js';

const skip = skipWithoutChromium('demo-page-story-chromium.test');
const M = 60_000;
const SCREEN: Viewport = { width: 1280, height: 720 };

const laneLines = (page: Page, lane: string) =>
  page.locator(`section.lane[data-lane="${lane}"] .lane-caption .main .line`).allTextContents();

describe.skipIf(skip)('the trainer view tells the lesson', () => {
  const chrome = chromiumForSuite('mailflow-demo-story-');
  const open = (name: string, data: DemoData) => openDemo(chrome.browser(), chrome.shots.dir, name, data, SCREEN);

  it('shows every caption of the latest instant, one under another in the lesson\'s order', async () => {
    const base = demoFixture();
    const data: DemoData = { ...base, captions: [
      ...base.captions,
      { atMs: 150 * M, lane: 'sss', text: 'Second: the sync comes by five minutes later.' },
      { atMs: 150 * M, lane: 'sss', text: 'Third: only the Inbox is read.' },
      { atMs: 60 * M, lane: 'both', text: 'ex1 goes down.' },
      { atMs: 60 * M, lane: 'both', text: 'Senders keep their mail.' },
    ] };
    const { page, problems } = await open('captions-at-once', data);
    await demoSeek(page, 150 * M);
    expect(await laneLines(page, 'sss')).toEqual([
      'Watch anna file this one away before the sync comes by.', 'Second: the sync comes by five minutes later.', 'Third: only the Inbox is read.',
    ]);
    // They stay until the lesson says something else in that lane; the other lane keeps its own.
    await demoSeek(page, 200 * M);
    expect(await laneLines(page, 'sss')).toHaveLength(3);
    expect(await laneLines(page, 'router')).toEqual(['Two users got the same message: two copies reach the forward mailbox.']);
    await demoSeek(page, 61 * M);
    expect(await page.locator('#shared-caption .main .line').allTextContents()).toEqual(['ex1 goes down.', 'Senders keep their mail.']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('paints queued mail amber, not red like lost mail, and the legend says so', async () => {
    const { page, problems } = await open('queued', demoFixture());
    await demoSeek(page, 80 * M);
    await page.waitForTimeout(400);
    const fill = (selector: string) => page.locator(selector).first().evaluate((e) => (globalThis as unknown as { getComputedStyle(e: unknown): { fill: string } }).getComputedStyle(e).fill);
    const queued = await fill('svg.lane-svg path.dot.m-retry');
    const legendQueued = await fill('ul.legend li[data-legend="m-retry"] path');
    const legendLost = await fill('ul.legend li[data-legend="m-lost"] path');
    expect(queued).toBe(legendQueued);
    expect(queued).not.toBe(legendLost);
    const [r = 0, g = 0] = (queued.match(/\d+/g) ?? []).map(Number);
    expect(g, `${queued} is not a red`).toBeGreaterThan(r / 2);
    expect(await page.locator('ul.legend li[data-legend="m-retry"]').textContent()).toContain('queued');
    // Lost mail keeps the red: anna's filed message in the sync lane at the end.
    await demoSeek(page, 240 * M);
    await page.waitForTimeout(400);
    expect(await fill('svg.lane-svg[data-lane="sss"] path.dot.m-lost')).toBe(legendLost);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps each lane\'s run totals for the end, and says them as such', async () => {
    const data = demoFixture();
    const { page, problems } = await open('totals', data);
    const text = () => probe<string>(page, 'document.body.innerText');
    for (const t of [0, data.endMs / 2, data.endMs - 1]) {
      await demoSeek(page, t);
      for (const lane of data.lanes) {
        expect(await text(), `${lane.id} at ${t} ms`).not.toContain(runSummaryText(lane));
        expect(await text(), `${lane.id} at ${t} ms`).not.toContain(endTotalsText(lane));
      }
      expect(await text()).not.toContain('At the end');
    }
    await page.keyboard.press('End');
    for (const lane of data.lanes) {
      const caption = page.locator(`section.lane[data-lane="${lane.id}"] .lane-caption`);
      expect(await caption.textContent()).toContain(`At the end: ${endTotalsText(lane)}`);
      expect(await caption.locator('.sub').getAttribute('title')).toContain(runSummaryText(lane));
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('walks the lesson caption by caption: play stops at each, keys and buttons jump between them, ticks too', async () => {
    const data = demoFixture();
    const instants = [...new Set(data.captions.map((c) => c.atMs))].sort((a, b) => a - b);
    expect(instants).toEqual([0, 20 * M, 150 * M]);
    const { page, problems } = await open('caption-walk', data);
    const t = async () => (await demoState(page)).t;

    // Play stops at each caption, on by default; it goes on from there at the next Space.
    expect((await demoState(page)).pauseAtCaptions).toBe(true);
    expect(await page.locator('#pause-at-captions').isChecked()).toBe(true);
    for (let i = 0; i < 6; i++) await page.keyboard.press('+');
    await page.keyboard.press('Space');
    await untilStopped(page);
    expect(await t()).toBe(20 * M);
    await page.keyboard.press('Space');
    await untilStopped(page);
    expect(await t()).toBe(150 * M);
    // Turned off (P), play runs to the end.
    await page.keyboard.press('p');
    expect(await page.locator('#pause-at-captions').isChecked()).toBe(false);
    await page.keyboard.press('Space');
    await untilStopped(page);
    expect(await t()).toBe(data.endMs);
    await page.locator('#pause-at-captions').check();
    expect((await demoState(page)).pauseAtCaptions).toBe(true);

    // Keys: Page Down / . to the next caption, Page Up / , to the previous one; the buttons the same.
    await page.keyboard.press('Home');
    await page.keyboard.press('PageDown');
    expect(await t()).toBe(20 * M);
    await page.keyboard.press('.');
    expect(await t()).toBe(150 * M);
    await page.keyboard.press('PageDown');
    expect(await t(), 'no caption after the last: stays').toBe(150 * M);
    await demoSeek(page, 100 * M);
    await page.keyboard.press('PageUp');
    expect(await t()).toBe(20 * M);
    await page.keyboard.press(',');
    expect(await t()).toBe(0);
    await page.locator('#btn-next-caption').click();
    expect(await t()).toBe(20 * M);
    await page.locator('#btn-prev-caption').click();
    expect(await t()).toBe(0);

    // A click on a caption's tick on the scrubber jumps to it.
    const ticks = page.locator('.scrubber .caption-mark');
    expect(await ticks.count()).toBe(instants.length);
    for (const at of [...instants].reverse()) {
      await page.locator(`.scrubber .caption-mark[data-at="${at}"]`).click();
      expect(await t()).toBe(at);
    }

    // The help lists the keys; Esc closes it.
    await page.keyboard.press('?');
    expect(await page.locator('#help').isVisible()).toBe(true);
    expect(await page.locator('#help').textContent()).toContain('Page Down');
    expect(await page.locator('#help').textContent()).toContain('next caption');
    await page.keyboard.press('Escape');
    expect(await page.locator('#help').isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });
});
