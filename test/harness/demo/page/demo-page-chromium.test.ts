// The trainer view as a class sees it, in a real Chromium (Debian's, driven by playwright-core; no downloads): the
// page loads from file:// without console errors or network, plays (the clock advances), steps (an event happens),
// opens the inspector on a message, and at the end its counters equal the lanes' `counters`; the same for lesson 2
// built by the extractor (its outage greyed out in both lanes, senders' retries flashing, CRM's reason codes). Screenshots of the page
// mid-run and at the end go to a temporary directory (never the repository) for a person to look at. Without
// /usr/bin/chromium the test is skipped with the reason, unless MAILFLOW_REQUIRE_BROWSER=1 (CI) makes that an error.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { DemoData } from '../../../../harness/demo/demo-data.js';
import { buildDemo } from '../../../../harness/demo/build-demo.js';
import { loadLesson } from '../../../../harness/demo/lane-variants.js';
import { renderDemoPage } from '../../../../harness/demo/page/render-demo-page.js';
import { chromiumForSuite, skipWithoutChromium, watchPageProblems } from '../../../helpers/chromium.js';
import { repoRoot } from '../../../helpers/cli.js';
import { bigDemoFixture, demoFixture, HOSTILE, hostileFixture } from '../../../helpers/demo-fixture.js';
import { demoSeek, demoState, type DemoState } from './demo-page-browser.js';

const skip = skipWithoutChromium('demo-page-chromium.test');

function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`expected ${what}`);
  return value;
}

const state = demoState;
const seek = demoSeek;

describe.skipIf(skip)('the trainer view in Chromium', () => {
  const chrome = chromiumForSuite('mailflow-demo-');
  const SHOTS = chrome.shots.dir;

  /** Opens the page for `data` and collects every console error or warning, page error and network request. */
  async function open(name: string, data: DemoData, viewport = { width: 1600, height: 1000 }): Promise<{ page: Page; problems: string[] }> {
    const file = join(SHOTS, `${name}.html`);
    writeFileSync(file, renderDemoPage(data));
    const page = await chrome.browser().newPage({ viewport });
    const problems = watchPageProblems(page);
    await page.goto(pathToFileURL(file).href);
    return { page, problems };
  }

  it('plays, steps, inspects a message and ends with the lanes\' counters', async () => {
    const data = demoFixture();
    const { page, problems } = await open('fixture', data);
    expect((await state(page)).t).toBe(0);
    expect(await page.locator('[data-lane="router"][data-counter="tracked"]').textContent()).toBe('0');

    // Step: the first event (a lesson caption at 0 is at t, so the first message's arrival is next).
    await page.keyboard.press('ArrowRight');
    const stepped = await state(page);
    expect(stepped.t).toBeGreaterThan(0);
    expect(await page.locator('svg.lane-svg[data-lane="router"] path.dot').count()).toBeGreaterThan(0);
    expect(await page.locator('section.lane[data-lane="router"] .lane-caption .main').textContent()).not.toBe('');

    // Play: the clock moves on its own.
    await page.keyboard.press('Space');
    await page.waitForFunction((t0) => (globalThis as unknown as { demo: { state(): DemoState } }).demo.state().t > t0 + 1000, stepped.t);
    await page.keyboard.press('Space');
    expect((await state(page)).playing).toBe(false);

    // Speed, Home, the scrubber, step back, and a click on an operation's marker.
    const speed = (await state(page)).speedMsPerS;
    await page.keyboard.press('+');
    expect((await state(page)).speedMsPerS).toBeGreaterThan(speed);
    await page.keyboard.press('-');
    await page.keyboard.press('Home');
    expect((await state(page)).t).toBe(0);
    await page.locator('#scrubber').fill(String(45 * 60_000));
    expect((await state(page)).t).toBe(45 * 60_000);
    // The focused slider keeps its arrow keys (a minute a press here); elsewhere ← is the previous event.
    await page.keyboard.press('ArrowLeft');
    expect((await state(page)).t).toBe(44 * 60_000);
    await page.locator('#scrubber').blur();
    await page.keyboard.press('ArrowLeft');
    expect((await state(page)).t).toBe(42 * 60_000);
    await page.locator('.op-mark[data-op="1"]').click();
    expect((await state(page)).t).toBe(120 * 60_000);

    // Next fault: ex1 goes down at 1h and is greyed out in both lanes.
    await seek(page, 30 * 60_000);
    await page.keyboard.press('n');
    expect((await state(page)).t).toBe(60 * 60_000);
    for (const lane of ['router', 'sss']) {
      expect(await page.locator(`svg.lane-svg[data-lane="${lane}"] g.place[data-place="server:ex1"]`).getAttribute('class')).toContain('down');
    }
    // Mid-outage: the refused message flashes at the sender.
    await seek(page, 80 * 60_000);
    expect(await page.locator('svg.lane-svg[data-lane="router"] path.dot.m-retry').count()).toBe(1);
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(SHOTS, 'fixture-mid.png') });

    // The inspector: a click on a dot shows the message's whole path with its reason codes.
    await seek(page, 23 * 60_000);
    await page.waitForTimeout(600);
    await page.locator('svg.lane-svg[data-lane="router"] path.dot[data-message="1"]').click();
    expect((await state(page)).inspector).toEqual({ lane: 'router', messageId: '<b2@fabrikam.example>' });
    expect(await page.locator('#inspector').isVisible()).toBe(true);
    expect(await page.locator('#inspector table.steps tr').count()).toBe(data.lanes[0].messages[1]?.steps.length);
    expect(await page.locator('#inspector').textContent()).toContain('Duplicate (0)');
    // Its path is drawn across the lane: where it has been (Internet, ex1, paul, anna, crm@, router, CRM).
    const points = (await page.locator('svg.lane-svg[data-lane="router"] .msg-path polyline.done').getAttribute('points')) ?? '';
    expect(points.trim().split(' ').length).toBe(7);
    await page.screenshot({ path: join(SHOTS, 'fixture-inspector.png') });
    await page.keyboard.press('Escape');
    expect(await page.locator('#inspector').isVisible()).toBe(false);
    // ... and a click on the latest-messages list opens it too.
    await page.locator('ol.recent-list[data-lane="sss"] button').first().click();
    expect((await state(page)).inspector?.lane).toBe('sss');
    await page.keyboard.press('Escape');

    // The end: every counter equals the lane's counters (which equal `mailflow run --json` of its variant).
    await page.keyboard.press('End');
    const end = await state(page);
    expect(end.t).toBe(data.endMs);
    for (const lane of data.lanes) {
      expect(end.counters[lane.id]).toEqual(lane.counters);
      for (const [name, value] of Object.entries(lane.counters)) {
        expect(await page.locator(`[data-lane="${lane.id}"][data-counter="${name}"]`).textContent(), `${lane.id} ${name}`).toBe(String(value));
      }
    }
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(SHOTS, 'fixture-end.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows one lane\'s own operation in that lane\'s caption, not in the shared one above both lanes', async () => {
    const base = demoFixture();
    const data: DemoData = { ...base, operations: [...base.operations, { atMs: 150 * 60_000, lane: 'sss', verb: 'testAndEnable', target: 'sss', caption: 'Test & Enable runs on anna.', rules: ['S3'] }] };
    const { page, problems } = await open('lane-operation', data);
    await seek(page, 150 * 60_000);
    expect(await page.locator('#shared-caption').textContent()).not.toContain('Test & Enable');
    expect(await page.locator('section.lane[data-lane="sss"] .lane-caption').textContent()).toContain('Test & Enable runs on anna.');
    expect(await page.locator('section.lane[data-lane="router"] .lane-caption').textContent()).not.toContain('Test & Enable');
    // A shared operation still shows above both lanes.
    await seek(page, 125 * 60_000);
    expect(await page.locator('#shared-caption').textContent()).toContain('ex1 is back up');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('plays hundreds of messages over days, and a lane with none', async () => {
    const big = bigDemoFixture(300, 3);
    const { page, problems } = await open('big', big, { width: 1280, height: 800 });
    await page.evaluate(() => (globalThis as unknown as { demo: { play(): void } }).demo.play());
    await page.waitForTimeout(1500);
    expect((await state(page)).t).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'big-playing.png') });
    await page.evaluate(() => (globalThis as unknown as { demo: { pause(): void } }).demo.pause());
    await seek(page, big.endMs / 2);
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(SHOTS, 'big-mid.png') });
    await seek(page, big.endMs);
    const end = await state(page);
    for (const lane of big.lanes) expect(end.counters[lane.id]).toEqual(lane.counters);
    expect(problems).toEqual([]);
    await page.close();

    const base = demoFixture();
    const empty: DemoData = { ...base, lanes: [base.lanes[0], { ...base.lanes[1], messages: [], timeline: [], counterEvents: [], counters: { tracked: 0, tossed: 0, duplicatesPrevented: 0, untracked: 0, lost: 0 } }] };
    const second = await open('empty-lane', empty);
    await second.page.keyboard.press('End');
    expect((await state(second.page)).counters['sss']).toEqual(empty.lanes[1].counters);
    expect(second.problems).toEqual([]);
    await second.page.close();
  });

  it('shows hostile strings as text: no script from the data runs', async () => {
    const { page, problems } = await open('hostile', hostileFixture());
    await page.keyboard.press('ArrowRight');
    await page.locator('ol.recent-list[data-lane="router"] button').first().click();
    expect(await page.locator('#inspector h2').textContent()).toBe(HOSTILE);
    expect(await page.locator('h1').textContent()).toBe(HOSTILE);
    await page.keyboard.press('End');
    expect(await page.locator('#inspector [data-fate]').textContent()).toBe(HOSTILE);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows lesson 2 (built by the extractor): the outage, the retries, the reason codes, the runs\' counters', async () => {
    const { data } = buildDemo(await loadLesson(join(repoRoot, 'scenarios/lesson-2-exchange-outage.yaml')));
    const { page, problems } = await open('lesson-2', data, { width: 1920, height: 1080 });

    // `n` walks the operations; the one at `down ex1` greys out ex1's transport and mailboxes in both lanes.
    const down = must(data.operations.find((o) => o.verb === 'down' && o.target === 'ex1'), 'lesson 2 takes ex1 down');
    for (let i = 0; i < data.operations.length && (await state(page)).t < down.atMs; i++) await page.keyboard.press('n');
    expect((await state(page)).t).toBe(down.atMs);
    for (const lane of ['router', 'sss']) {
      const greyed = await page.locator(`svg.lane-svg[data-lane="${lane}"] g.place.down`).evaluateAll((els) => els.map((e) => e.getAttribute('data-place')));
      expect(greyed, lane).toContain('server:ex1');
      expect(await page.locator(`svg.lane-svg[data-lane="${lane}"] g.server[data-server="ex1"]`).getAttribute('class'), lane).toContain('down');
    }
    // Half an hour into the outage, senders are retrying: red flashing dots at the Internet.
    await seek(page, down.atMs + 30 * 60_000);
    await page.waitForTimeout(600);
    expect(await page.locator('svg.lane-svg[data-lane="router"] path.dot.m-retry').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'lesson-2-outage.png') });

    // The inspector on a message CRM evaluated, clicked where it is when CRM answers: its steps name the reason code.
    const mi = data.lanes[1].messages.findIndex((m) => m.steps.some((st) => st.reason !== null));
    const message = must(data.lanes[1].messages[mi], 'a message CRM evaluated in the sync lane');
    const answered = must(message.steps.find((st) => st.reason !== null), 'its evaluated step');
    const reason = must(answered.reason, 'its reason code');
    await seek(page, answered.atMs);
    await page.waitForTimeout(600);
    await page.locator(`svg.lane-svg[data-lane="sss"] path.dot[data-message="${mi}"]`).click();
    expect((await state(page)).inspector).toEqual({ lane: 'sss', messageId: message.messageId });
    expect(await page.locator('#inspector').textContent()).toContain(`${reason.name} (${reason.code})`);
    expect(await page.locator('#inspector tr.current').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'lesson-2-inspector.png') });
    await page.keyboard.press('Escape');

    await page.keyboard.press('End');
    const end = await state(page);
    expect(end.t).toBe(data.endMs);
    for (const lane of data.lanes) expect(end.counters[lane.id], lane.id).toEqual(lane.counters);
    await page.screenshot({ path: join(SHOTS, 'lesson-2-end.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows both lanes on one projector screen (1920 x 1080), labels inside their boxes', async () => {
    const { page, problems } = await open('projector', demoFixture(), { width: 1920, height: 1080 });
    await seek(page, 80 * 60_000);
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(SHOTS, 'projector.png') });
    const bottom = await page.locator('section.lane[data-lane="sss"] svg.lane-svg').evaluate((e) => e.getBoundingClientRect().bottom);
    expect(bottom).toBeLessThanOrEqual(1080);
    // Every box's label and every visible dot stays inside its box.
    const outside = await page.evaluate(() => {
      const bad: string[] = [];
      const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<SvgBoxed> } }).document;
      for (const g of Array.from(doc.querySelectorAll('g.place'))) {
        const rect = g.querySelector('rect')?.getBoundingClientRect();
        const label = g.querySelector('text.label')?.getBoundingClientRect();
        if (rect && label && (label.right > rect.right + 0.5 || label.left < rect.left)) bad.push(`label of ${g.getAttribute('data-place')}`);
      }
      return bad;
    });
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

/** The little of the DOM the layout check reads (the project's types have no DOM library). */
interface Boxed {
  getBoundingClientRect(): { left: number; right: number; top: number; bottom: number };
}
interface SvgBoxed extends Boxed {
  querySelector(s: string): Boxed | null;
  getAttribute(name: string): string | null;
}
