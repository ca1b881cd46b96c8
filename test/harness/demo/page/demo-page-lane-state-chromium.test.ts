// A lane's drawing and caption in Chromium: a step that changes nothing for CRM (a person opening the mail in
// Outlook, a processed copy deleted: `minor` in the page's data) does not take the headline from the step before it
// (the trainer review: "lena reads it." was the lane's big line); and the mailboxes server-side sync has disabled
// (S3, S4) are drawn so: lesson 2's point (sync disables the mailboxes after the outage and reads nothing until a
// Test & Enable) was in the captions only, while the drawing showed the mailboxes as ever once ex1 was back.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumForSuite, skipWithoutChromium } from '../../../helpers/chromium.js';
import { demoSeek, lessonData, openDemo, probe } from './demo-page-browser.js';

const skip = skipWithoutChromium('demo-page-lane-state-chromium.test');
const H = 3_600_000;

const disabledNow = (page: Page) => probe<string[]>(page, `[...document.querySelectorAll('svg.lane-svg g.place.disabled')]
  .map((g) => g.closest('svg').dataset.lane + ':' + g.dataset.place)`);

describe.skipIf(skip)('the trainer view\'s lanes as the run goes', () => {
  const chrome = chromiumForSuite('mailflow-demo-lane-state-');

  it('skips minor steps: after a person opens a message, the caption still tells the step before', async () => {
    const data = await lessonData('lesson-1-forward-mailbox.yaml');
    const lane = data.lanes.find((l) => l.id === 'router');
    expect(lane).toBeDefined();
    if (lane === undefined) return;
    // The lane's steps in time order; the first minor one that follows a major one at an earlier instant, with no
    // operation or lesson caption between them.
    const steps = lane.timeline.map(([m, s]) => lane.messages[m]?.steps[s]).filter((s) => s !== undefined).sort((a, b) => a.atMs - b.atMs);
    const busy = [...data.operations.map((o) => o.atMs), ...data.captions.map((c) => c.atMs)];
    const k = steps.findIndex((s, i) => s.minor === true && i > 0 && steps[i - 1]?.minor !== true && (steps[i - 1]?.atMs ?? 0) < s.atMs
      && !busy.some((t) => t > (steps[i - 1]?.atMs ?? 0) && t <= s.atMs));
    expect(k, 'the lesson has a minor step right after a major one').toBeGreaterThan(0);
    const minor = steps[k]!;
    const before = steps[k - 1]!;
    const { page, problems } = await openDemo(chrome.browser(), chrome.shots.dir, 'headline', data, { width: 1280, height: 720 });
    await demoSeek(page, minor.atMs);
    const text = (await page.locator('section.lane[data-lane="router"] .lane-caption').textContent()) ?? '';
    expect(text).toContain(before.caption);
    expect(text).not.toContain(minor.caption);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('marks each from its disabling to the Test & Enable that enables it, in the sync lane only, with a legend', async () => {
    const data = await lessonData('lesson-2-exchange-outage.yaml');
    const sss = data.lanes.find((l) => l.id === 'sss');
    const spans = sss?.disabled ?? [];
    expect(spans.length).toBeGreaterThan(0);
    expect(data.lanes.find((l) => l.id === 'router')?.disabled).toBeUndefined();
    const { page, problems } = await openDemo(chrome.browser(), chrome.shots.dir, 'disabled', data, { width: 1280, height: 720 });
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
