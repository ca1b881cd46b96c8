// Lesson 4's cutover lane in Chromium at 1024 x 768: after the switch to server-side sync the router reads no mailbox
// (R14), yet Lena's box went on showing the router's ThresholdDate as if it were read on from there, until sync's
// batch read her Inbox at 12:00. Her mark keeps that ThresholdDate (the router's last word) but greyed, struck through
// and on a grey tag, from the switch until sync's first read brings its own watermark (S2a, S6); the lane's status
// line says the router stopped, and the legend says what the grey tag means. The router lane, which never switches,
// keeps its marks as they are.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoLane, ReaderId } from '../../../../harness/demo/demo-data.js';
import { undelta } from '../../../../harness/demo/read-watch.js';
import { routerStopMs } from '../../../../harness/demo/page/read-marks.js';
import { chromiumForSuite, skipWithoutChromium } from '../../../helpers/chromium.js';
import { contrast } from '../../../helpers/contrast.js';
import { demoSeek, lessonData, openDemo, probe } from './demo-page-browser.js';

const skip = skipWithoutChromium('demo-page-cutover-reads-chromium.test');
const LENA = 'mailbox:lena@contoso.example';

interface Mark {
  text: string;
  cls: string;
  status: string;
}

function mark(page: Page, lane: string, place: string): Promise<Mark> {
  return probe<Mark>(page, `(() => {
    const s = document.querySelector('section.lane[data-lane="${lane}"]');
    const t = s.querySelector('svg.lane-svg text.up-to[data-place="${place}"]');
    return { text: t.textContent, cls: t.getAttribute('class'), status: s.querySelector('.lane-status').textContent };
  })()`);
}

/** How the status line opens what it says of a reader's mailboxes: sync's, and the stopped router's. */
const SYNC = 'Server-side sync has read (watermark, S6): ';
const STOPPED = 'The E-mail Router, stopped by the switch to server-side sync (R14), had read (ThresholdDate, R8, now used by nobody): ';

/** What the status line says under `opening`, up to the next reader's ('' when it says nothing of that reader). */
function group(status: string, opening: string): string {
  const at = status.indexOf(opening);
  if (at < 0) return '';
  const rest = status.slice(at + opening.length);
  const next = [SYNC, STOPPED, 'The E-mail Router has read'].map((o) => rest.indexOf(o)).filter((i) => i >= 0);
  return rest.slice(0, Math.min(rest.length, ...next));
}

function readsBy(lane: DemoLane, place: string, by: ReaderId): number[] {
  const r = lane.reads?.find((x) => x.place === place && x.by === by);
  if (r === undefined) throw new Error(`${lane.id}: no reads of ${place} by ${by}`);
  return undelta(r.reads);
}

describe.skipIf(skip)('lesson 4\'s cutover lane after the switch', () => {
  const chrome = chromiumForSuite('mailflow-demo-cutover-reads-');

  it('greys the router\'s last ThresholdDate of a mailbox sync has not read yet, and says the router stopped (R14)', async () => {
    const data = await lessonData('lesson-4-cutover.yaml');
    const [router, sss] = data.lanes;
    const stop = routerStopMs(sss, data.operations);
    expect(stop).toBe(2 * 3_600_000);
    expect(routerStopMs(router, data.operations)).toBeNull();
    const byRouter = readsBy(sss, LENA, 'router');
    const firstSync = readsBy(sss, LENA, 'sss')[0] ?? NaN;
    expect(byRouter.at(-1)).toBeLessThan(stop ?? NaN);
    expect(firstSync).toBeGreaterThan((stop ?? NaN) + 3_600_000);
    const { page, problems } = await openDemo(chrome.browser(), chrome.shots.dir, 'lesson-4-cutover-reads', data, { width: 1024, height: 768 });

    // Before the switch: the router's ThresholdDate, as in the router lane.
    await demoSeek(page, (stop ?? NaN) - 1);
    const before = await mark(page, 'sss', LENA);
    expect(before.cls).toBe('up-to');
    expect(before.text).toMatch(/^\d\d:\d\d$/);

    // After it, until sync's batch reads Lena: the same time, greyed as the router's, no longer used.
    for (const t of [stop ?? NaN, (stop ?? NaN) + 10 * 60_000, firstSync - 1]) {
      await demoSeek(page, t);
      const stopped = await mark(page, 'sss', LENA);
      expect(stopped, `at ${t} ms`).toMatchObject({ text: before.text, cls: 'up-to stopped' });
      expect(group(stopped.status, STOPPED), `at ${t} ms`).toContain(`lena@contoso.example up to ${before.text}`);
      // The router lane's Lena is still the router's, read every minute.
      expect((await mark(page, 'router', LENA)).cls, `router lane at ${t} ms`).toBe('up-to');
    }
    await demoSeek(page, (stop ?? NaN) + 10 * 60_000);
    await page.locator('section.lane[data-lane="sss"] .drawing').screenshot({ path: `${chrome.shots.dir}/lesson-4-stopped-marks.png` });
    // Grey on its grey tag, still 4.5:1.
    const paint = await probe<{ fill: string; tag: string }>(page, `(() => {
      const t = document.querySelector('section.lane[data-lane="sss"] text.up-to.stopped tspan');
      return { fill: getComputedStyle(t).fill, tag: getComputedStyle(t).stroke };
    })()`);
    expect(contrast(paint.fill, paint.tag)).toBeGreaterThanOrEqual(4.5);

    // Sync's batch reads her Inbox: its own position (S6), no longer greyed.
    await demoSeek(page, firstSync);
    const synced = await mark(page, 'sss', LENA);
    expect(synced.cls).toBe('up-to');
    expect(group(synced.status, SYNC)).toContain('lena@contoso.example up to');
    expect(group(synced.status, STOPPED)).not.toContain('lena@contoso.example');

    // The legend says what the grey tag means.
    const legend = await probe<string>(page, `document.querySelector('ul.legend li[data-legend="up-to-stopped"]').textContent`);
    expect(legend).toContain('R14');
    expect(problems).toEqual([]);
    await page.close();
  });
});
