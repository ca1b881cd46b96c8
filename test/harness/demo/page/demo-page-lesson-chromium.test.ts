// A real lesson on the page, built in-process from the lead's extractor (lesson 2, Exchange down for 90 minutes):
// `n` lands on the outage and greys out ex1's places in both lanes, senders' refused attempts flash at the Internet,
// the inspector shows CRM's reason codes, and the end's counters equal each lane's run. Screenshots (mid-outage, the
// inspector, the end) go to a temporary directory for a person to look at. Skipped without Chromium, as the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { buildDemo } from '../../../../harness/demo/build-demo.js';
import { loadLesson } from '../../../../harness/demo/lane-variants.js';
import { renderDemoPage } from '../../../../harness/demo/page/render-demo-page.js';
import { launchChromium, skipWithoutChromium } from '../../../helpers/chromium.js';
import { repoRoot } from '../../../helpers/cli.js';

const skip = skipWithoutChromium('demo-page-lesson-chromium.test');
const SHOTS = process.env['MAILFLOW_SHOTS'] ?? mkdtempSync(join(tmpdir(), 'mailflow-demo-lesson-'));

interface Demo {
  state(): { t: number; endMs: number; counters: Record<string, Record<string, number>>; inspector: { lane: string; messageId: string } | null };
  seek(ms: number): void;
}

describe.skipIf(skip)('lesson 2 on the page, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the outage, the retries, the reason codes, and the runs\' counters at the end', async () => {
    const { data } = buildDemo(await loadLesson(join(repoRoot, 'scenarios/lesson-2-exchange-outage.yaml')));
    const file = join(SHOTS, 'lesson-2.html');
    writeFileSync(file, renderDemoPage(data));
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => { if (!r.url().startsWith('file:')) problems.push(`network: ${r.url()}`); });
    await page.goto(pathToFileURL(file).href);
    const state = () => page.evaluate(() => (globalThis as unknown as { demo: Demo }).demo.state());

    // `n` walks the operations; the one at `down ex1` greys out ex1's transport and mailboxes in both lanes.
    const down = data.operations.find((o) => o.verb === 'down' && o.target === 'ex1');
    expect(down).toBeDefined();
    for (let i = 0; i < data.operations.length && (await state()).t < (down?.atMs ?? 0); i++) await page.keyboard.press('n');
    expect((await state()).t).toBe(down?.atMs);
    for (const lane of ['router', 'sss']) {
      const greyed = await page.locator(`svg.lane-svg[data-lane="${lane}"] g.place.down`).evaluateAll((els) => els.map((e) => e.getAttribute('data-place')));
      expect(greyed, lane).toContain('server:ex1');
      expect(await page.locator(`svg.lane-svg[data-lane="${lane}"] g.server[data-server="ex1"]`).getAttribute('class'), lane).toContain('down');
    }
    // Half an hour into the outage, senders are retrying: red flashing dots at the Internet.
    await page.evaluate((t) => (globalThis as unknown as { demo: Demo }).demo.seek(t), (down?.atMs ?? 0) + 30 * 60_000);
    await page.waitForTimeout(600);
    expect(await page.locator('svg.lane-svg[data-lane="router"] circle.dot.m-retry').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'lesson-2-outage.png') });

    // The inspector on a message CRM evaluated, clicked where it is when CRM answers: its steps name the reason code.
    const mi = data.lanes[1].messages.findIndex((m) => m.steps.some((st) => st.reason !== null));
    const message = data.lanes[1].messages[mi];
    const answered = message?.steps.find((st) => st.reason !== null);
    expect(answered?.reason).toBeTruthy();
    await page.evaluate((t) => (globalThis as unknown as { demo: Demo }).demo.seek(t), answered?.atMs ?? 0);
    await page.waitForTimeout(600);
    await page.locator(`svg.lane-svg[data-lane="sss"] circle.dot[data-message="${mi}"]`).click();
    expect((await state()).inspector).toEqual({ lane: 'sss', messageId: message?.messageId });
    expect(await page.locator('#inspector').textContent()).toContain(`${answered?.reason?.name} (${answered?.reason?.code})`);
    expect(await page.locator('#inspector tr.current').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'lesson-2-inspector.png') });
    await page.keyboard.press('Escape');

    await page.keyboard.press('End');
    const end = await state();
    expect(end.t).toBe(data.endMs);
    for (const lane of data.lanes) expect(end.counters[lane.id], lane.id).toEqual(lane.counters);
    await page.screenshot({ path: join(SHOTS, 'lesson-2-end.png') });
    expect(problems).toEqual([]);
    await page.close();
  });
});
