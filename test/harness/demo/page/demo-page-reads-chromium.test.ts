// Lesson 3 in Chromium at 1024 x 768: each read mailbox says on its edge how far its reader has read it (R8: the
// router's ThresholdDate; S6: sync's watermark), as the lane's data has it at the clock's time; it changes at the
// instant the next cycle takes a message (S5), a ring shows the mailbox being read, the state reset at 3h shows
// 0001-01-01 (R8), and the lane's status line says the same in words. A ring says a read is under way: while the
// clock runs it shows for 0.4 s of play, and on a paused page (one instant) only for a read at that instant (within
// its second); a paused page showed every read of the last 4 minutes at 10 minutes per second as under way.
import { describe, expect, it } from 'vitest';
import type { DemoData, DemoLane, ReaderId } from '../../../../harness/demo/demo-data.js';
import { undelta } from '../../../../harness/demo/read-watch.js';
import { chromiumForSuite, skipWithoutChromium } from '../../../helpers/chromium.js';
import { demoSeek, demoState, lessonData, openDemo, probe } from './demo-page-browser.js';

const skip = skipWithoutChromium('demo-page-reads-chromium.test');
const PAUL = 'mailbox:paul@contoso.example';
const HOUR = 3_600_000;

/** The drawing's mark for a mailbox in a lane: its position's text and its ring's class; and the lane's status line. */
function mark(page: Parameters<typeof probe>[0], lane: string, place: string) {
  return probe<{ text: string; ring: string; status: string }>(page, `(() => {
    const s = document.querySelector('section.lane[data-lane="${lane}"]');
    return { text: s.querySelector('svg.lane-svg text.up-to[data-place="${place}"]').textContent,
      ring: s.querySelector('svg.lane-svg rect.read-ring[data-place="${place}"]').getAttribute('class'),
      status: s.querySelector('.lane-status').textContent };
  })()`);
}

/** The clock's time of day at `ms` into the lesson, as the drawing writes it. */
function hhmm(data: DemoData, ms: number): string {
  return new Date(Date.parse(data.start) + ms).toISOString().slice(11, 16);
}

/** The lane's reads of a mailbox by its reader, and its position at t (null: none). */
function readsOf(lane: DemoLane, place: string, by: ReaderId) {
  const r = lane.reads?.find((x) => x.place === place && x.by === by);
  if (r === undefined) throw new Error(`${lane.id}: no reads of ${place} by ${by}`);
  return { reads: undelta(r.reads), upTo: r.upTo, at: (t: number) => r.upTo.filter(([at]) => at <= t).at(-1)?.[1] ?? null };
}

describe.skipIf(skip)('lesson 3\'s readers on a projector', () => {
  const chrome = chromiumForSuite('mailflow-demo-reads-');

  it('says how far each reader has read paul\'s Inbox at a caption, and changes it at the next cycle that takes a message', async () => {
    const data = await lessonData('lesson-3-sync-cycle-and-watermark.yaml');
    const [router, sss] = data.lanes;
    const { page, problems } = await openDemo(chrome.browser(), chrome.shots.dir, 'lesson-3-reads', data, { width: 1024, height: 768 });

    // Before the first read of a mailbox, no position: nobody has read it yet.
    await demoSeek(page, 0);
    expect((await mark(page, 'sss', PAUL)).text).toBe('');

    // The caption at 1h: both readers have read paul up to the received time of the last message they took.
    const caption = data.captions.find((c) => c.atMs === HOUR);
    expect(caption?.text).toContain('ever sees it go');
    await demoSeek(page, HOUR);
    const byRouter = readsOf(router, PAUL, 'router');
    const bySync = readsOf(sss, PAUL, 'sss');
    const syncUpTo = bySync.at(HOUR);
    expect(syncUpTo).not.toBeNull();
    const atCaption = await mark(page, 'sss', PAUL);
    expect(atCaption.text).toBe(hhmm(data, syncUpTo ?? NaN));
    expect(atCaption.status).toContain(`paul@contoso.example up to ${hhmm(data, syncUpTo ?? NaN)}, last read ${hhmm(data, bySync.reads.filter((t) => t <= HOUR).at(-1) ?? NaN)}`);
    expect(atCaption.status).toContain('Server-side sync has read (watermark, S6)');
    expect((await mark(page, 'router', PAUL)).text).toBe(hhmm(data, byRouter.at(HOUR) ?? NaN));

    // Sync's next cycle that takes a message for paul (S5): the position holds until then and moves with it.
    const [movedAt, movedTo] = bySync.upTo.find(([at, upTo]) => at > HOUR && upTo !== null && hhmm(data, upTo) !== atCaption.text) ?? [NaN, null];
    expect(bySync.reads.some((t) => t <= movedAt && t > movedAt - 60_000), 'a cycle read paul just before').toBe(true);
    await demoSeek(page, movedAt - 1);
    expect((await mark(page, 'sss', PAUL)).text).toBe(atCaption.text);
    await demoSeek(page, movedAt);
    const moved = await mark(page, 'sss', PAUL);
    expect(moved.text).toBe(hhmm(data, movedTo ?? NaN));
    expect(moved.text).not.toBe(atCaption.text);
    expect(moved.ring).toBe('read-ring reading');

    // Long after a read the ring is gone (the default speed shows a read for 0.4 s of play).
    const quiet = bySync.reads.find((t, i) => t > HOUR && (bySync.reads[i + 1] ?? Infinity) - t > 250_000) ?? NaN;
    await demoSeek(page, quiet + 250_000);
    expect((await mark(page, 'sss', PAUL)).ring).toBe('read-ring');

    // 3h: the router's state file reset (KB2491350) takes every ThresholdDate back to 0001-01-01 (R8).
    await demoSeek(page, 3 * HOUR + 1);
    expect((await mark(page, 'router', PAUL)).text).toBe('0001');
    expect((await mark(page, 'router', PAUL)).status).toContain('up to from 0001-01-01');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('rings, on a paused page, only a read at the instant shown; while the clock runs, one of the last 0.4 s of play', async () => {
    const data = await lessonData('lesson-3-sync-cycle-and-watermark.yaml');
    const sss = data.lanes[1];
    const { page, problems } = await openDemo(chrome.browser(), chrome.shots.dir, 'lesson-3-paused-rings', data, { width: 1024, height: 768 });
    const { reads } = readsOf(sss, PAUL, 'sss');
    const showMs = 0.4 * (await demoState(page)).speedMsPerS;
    // A minute after a read, with none between: play would still show its ring (0.4 s of play is minutes here).
    const later = 60_000;
    expect(showMs).toBeGreaterThan(later);
    const read = reads.find((t, i) => t > HOUR && (reads[i + 1] ?? Infinity) - t > later) ?? NaN;

    // Paused at the read, and at the steps of what it took (they follow it within a second): under way.
    await demoSeek(page, read);
    expect((await mark(page, 'sss', PAUL)).ring).toBe('read-ring reading');
    await demoSeek(page, read + 900);
    expect((await mark(page, 'sss', PAUL)).ring).toBe('read-ring reading');
    // Paused a minute later: over (it was still drawn as under way).
    await demoSeek(page, read + later);
    expect((await mark(page, 'sss', PAUL)).ring).toBe('read-ring');
    // Playing from there, the same read shows (a flash a class can see), and pausing takes it away at once. One
    // evaluation: no frame runs between, so the clock stays where it was.
    const rings = await probe<string[]>(page, `(() => {
      const ring = () => document.querySelector('section.lane[data-lane="sss"] rect.read-ring[data-place="${PAUL}"]').getAttribute('class');
      demo.seek(${read + later});
      demo.play();
      const playing = ring();
      demo.pause();
      return [playing, ring()];
    })()`);
    expect(rings).toEqual(['read-ring reading', 'read-ring']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('sets the scrubber\'s labels and the counters\' names at 12 pixels or more below 1,100 pixels (they were 11.5)', async () => {
    const data = await lessonData('lesson-3-sync-cycle-and-watermark.yaml');
    const { page, problems } = await openDemo(chrome.browser(), chrome.shots.dir, 'lesson-3-small-words', data, { width: 1024, height: 768 });
    const sizes = await probe<number[]>(page, `[...document.querySelectorAll('.scrubber .op-label, .counter .name, ul.legend li')].map((e) => parseFloat(getComputedStyle(e).fontSize))`);
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    expect(problems).toEqual([]);
    await page.close();
  });
});
