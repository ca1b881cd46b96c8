// A lane's caption headlines what matters, in Chromium: a step that changes nothing for CRM (a person opening the
// mail in Outlook, a processed copy deleted: `minor` in the page's data) does not take the headline from the step
// before it (the trainer review: "lena reads it." was the lane's big line).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, shotsDir, skipWithoutChromium } from '../../../helpers/chromium.js';
import { demoSeek, lessonData, openDemo } from './demo-page-browser.js';

const skip = skipWithoutChromium('demo-page-headline-chromium.test');
const shots = shotsDir('mailflow-demo-headline-');

describe.skipIf(skip)('the trainer view\'s lane headline', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    shots.cleanUp();
    await browser?.close();
  });

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
    const { page, problems } = await openDemo(browser, shots.dir, 'headline', data, { width: 1280, height: 720 });
    await demoSeek(page, minor.atMs);
    const text = (await page.locator('section.lane[data-lane="router"] .lane-caption').textContent()) ?? '';
    expect(text).toContain(before.caption);
    expect(text).not.toContain(minor.caption);
    expect(problems).toEqual([]);
    await page.close();
  });
});
