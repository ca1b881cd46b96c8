// The trainer view marks the mailboxes server-side sync has disabled (S3, S4), in Chromium: lesson 2's point (sync
// disables the mailboxes after the outage and reads nothing until a Test & Enable) was in the captions only, while
// the drawing showed the mailboxes as ever once ex1 was back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, shotsDir, skipWithoutChromium } from '../../../helpers/chromium.js';
import { demoSeek, lessonData, openDemo, probe } from './demo-page-browser.js';

const skip = skipWithoutChromium('demo-page-disabled-chromium.test');
const shots = shotsDir('mailflow-demo-disabled-');
const H = 3_600_000;

const disabledNow = (page: Page) => probe<string[]>(page, `[...document.querySelectorAll('svg.lane-svg g.place.disabled')]
  .map((g) => g.closest('svg').dataset.lane + ':' + g.dataset.place)`);

describe.skipIf(skip)('the trainer view\'s disabled mailboxes', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    shots.cleanUp();
    await browser?.close();
  });

  it('marks each from its disabling to the Test & Enable that enables it, in the sync lane only, with a legend', async () => {
    const data = await lessonData('lesson-2-exchange-outage.yaml');
    const sss = data.lanes.find((l) => l.id === 'sss');
    const spans = sss?.disabled ?? [];
    expect(spans.length).toBeGreaterThan(0);
    expect(data.lanes.find((l) => l.id === 'router')?.disabled).toBeUndefined();
    const { page, problems } = await openDemo(browser, shots.dir, 'disabled', data, { width: 1280, height: 720 });
    const first = Math.min(...spans.map((s) => s.fromMs));
    const enabled = Math.max(...spans.map((s) => s.toMs));
    await demoSeek(page, first - 1);
    expect(await disabledNow(page)).toEqual([]);
    // After ex1 is back (2h30m) and before the Test & Enable (3h): disabled, and tagged so, though up.
    await demoSeek(page, 2.75 * H);
    expect((await disabledNow(page)).sort()).toEqual(spans.map((s) => `sss:${s.place}`).sort());
    const tag = page.locator(`svg.lane-svg[data-lane="sss"] g.place[data-place="${spans[0]?.place ?? ''}"] .disabled-tag`);
    expect(await tag.isVisible()).toBe(true);
    expect(await page.locator(`svg.lane-svg[data-lane="sss"] g.place[data-place="${spans[0]?.place ?? ''}"]`).getAttribute('data-disabled')).toBe(spans[0]?.why);
    await demoSeek(page, enabled);
    expect(await disabledNow(page)).toEqual([]);
    expect(await page.locator('.legend').textContent()).toContain('disabled by sync');
    expect(problems).toEqual([]);
    await page.close();
  });
});
