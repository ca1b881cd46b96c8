// The report as a person sees it, in a real Chromium (Debian's, driven by playwright-core; no downloads): it loads
// from file:// without console errors or network, shows the run's verdict and counts as `--json` prints them,
// draws the timeline's series and fault bands and the latency histogram, and its search box filters the table.
// Without /usr/bin/chromium the test is skipped with the reason, unless MAILFLOW_REQUIRE_BROWSER=1 (CI) makes that
// an error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium, skipWithoutChromium, watchPageProblems } from '../../helpers/chromium.js';
import { mailflow } from '../../helpers/cli.js';
import { timelineChart } from '../../../harness/report/timeline-chart.js';
import { latencyChart } from '../../../harness/report/latency-chart.js';
import { timelineBands } from '../../../harness/report/timeline-bands.js';

const H = 3_600_000;

const skip = skipWithoutChromium('report-chromium.test');

describe.skipIf(skip)('the HTML report in Chromium', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'mailflow-report-'));

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows what --json says, draws the charts, and filters the message table', async () => {
    const report = join(dir, 'cutover.html');
    const run = mailflow('run', 'scenarios/cutover-router-to-sss.yaml', '--json', '--report', report);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);

    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const problems = watchPageProblems(page);
    await page.goto(pathToFileURL(report).href);

    expect(await page.locator('[data-verdict]').getAttribute('data-verdict')).toBe(json.verdict);
    for (const [name, value] of Object.entries(json.counts)) {
      if (typeof value !== 'number') continue;
      expect(await page.locator(`[data-count="${name}"]`).textContent(), name).toBe(value.toLocaleString('en-US'));
    }
    // Every count's name stays inside its card, on one line (duplicatesPrevented ran over its right edge, the
    // 4,000-mailbox review): content past a card's edge makes its scroll width exceed its own.
    const spills = await page.locator('.count').evaluateAll((cards) => cards
      .filter((card) => card.scrollWidth > card.clientWidth || (card.querySelector('.name')?.getBoundingClientRect().height ?? 0) > 20)
      .map((card) => `${card.textContent}: ${card.scrollWidth} > ${card.clientWidth}`));
    expect(spills).toEqual([]);
    for (const check of json.checks as Array<{ name: string; verdict: string }>) {
      expect(await page.locator(`[data-check="${check.name}"] .badge`).first().textContent(), check.name).toBe(check.verdict);
    }
    // The timeline: accepted and tracked lines with points, the cutover's operations as bands.
    for (const series of ['accepted', 'tracked', 'backlog']) {
      const points = (await page.locator(`#timeline [data-series="${series}"]`).getAttribute('points')) ?? '';
      expect(points.trim().split(/\s+/).length, series).toBeGreaterThan(2);
    }
    // The cutover's switch and its Test & Enable batches, each group labelled in its own lane.
    const bands = await page.locator('#timeline [data-band]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-band')} ${e.getAttribute('data-label')}`));
    expect(bands.some((b) => /^operation switchToServerSideSync /.test(b)), bands.join('; ')).toBe(true);
    expect(bands.some((b) => /^operation testAndEnable /.test(b)), bands.join('; ')).toBe(true);
    expect(await page.locator('#timeline .lane').count()).toBe(bands.length);
    expect(await page.locator('#timeline .legend').textContent()).toMatch(/accepted.*tracked.*backlog.*operation/);
    expect(await page.locator('#latency rect[data-bin]').count()).toBeGreaterThan(0);

    // Search: an untracked message's id leaves its row alone visible; clearing brings all back.
    // The table's own rows: each path is a small table of its own inside a row.
    const rows = page.locator('#message-table > tbody > tr');
    const total = await rows.count();
    expect(total).toBeGreaterThan(100);
    expect(await page.locator('#message-shown').textContent()).toBe(total.toLocaleString('en-US'));
    const untracked = (json.checks as Array<{ name: string; offenders: Array<{ messageId: string }> }>).find((c) => c.name === 'no-untracked-mail')?.offenders[0]?.messageId ?? '';
    expect(untracked).not.toBe('');
    await page.fill('#message-search', untracked);
    expect(await page.locator('#message-table > tbody > tr:not([hidden])').count()).toBe(1);
    expect(await page.locator('#message-shown').textContent()).toBe('1');
    // The row's path opens and shows its steps (the search hides rows of the table, never the steps of a path).
    const row = page.locator('#message-table > tbody > tr:not([hidden])');
    await row.locator('summary').click();
    expect(await row.locator('table.path tr').first().isVisible()).toBe(true);
    await page.fill('#message-search', 'no-such-message-anywhere');
    expect(await page.locator('#message-shown').textContent()).toBe('0');
    await page.fill('#message-search', '');
    expect(await page.locator('#message-table > tbody > tr:not([hidden])').count()).toBe(total);

    // A person looks at this page: screenshots go to the temporary directory, never the repository.
    // The top of the page and the timeline, clipped from the viewport: a full-page or element shot of a page with
    // thousands of rows takes Chromium over ten seconds here.
    await page.screenshot({ path: join(dir, 'cutover.png') });
    await page.locator('#timeline').evaluate((e) => e.scrollIntoView());
    const box = await page.locator('#timeline').boundingBox();
    expect(box).not.toBeNull();
    if (box !== null) await page.screenshot({ path: join(dir, 'cutover-timeline.png'), clip: box });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps every chart label inside its drawing at a million messages, and draws a fault on a few mailboxes apart from outages', async () => {
    // The 4,000-mailbox review: `1,000,000` lost its `1`, `horizon` its end, and a cutover's failing mailboxes
    // (access denied at the switch, never granted) shaded the whole run pink, hiding the hour `ex1` was down.
    const endMs = 24 * H + 5 * 60_000;
    const points = Array.from({ length: 101 }, (_, k) => ({ atMs: Math.round((endMs * k) / 100), accepted: k * 10_000, tracked: k * 9_900, backlog: 100 }));
    const bands = timelineBands([
      { atMs: H, verb: 'denyMailboxAccess', target: 'sss', params: { mailboxes: ['a@contoso.example', 'b@contoso.example'] } },
      { atMs: H, verb: 'testAndEnable', target: 'sss', params: { mailboxes: ['a@contoso.example'] } },
      { atMs: 4 * H, verb: 'down', target: 'ex1' },
      { atMs: 5 * H, verb: 'up', target: 'ex1' },
    ], endMs);
    const timeline = timelineChart({ points, bands, endMs, horizonMs: 24 * H });
    // Latencies as the scale run's: p50 and p95 in one bar of eleven.
    const edgesMs = [100, 250, 500, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000];
    const latency = latencyChart({ samples: 1_000_000, p50Ms: 151_000, p95Ms: 286_000, maxMs: 301_000, bins: edgesMs.slice(1).map((toMs, i) => (
      { fromMs: edgesMs[i] ?? 0, toMs, count: toMs === 300_000 ? 600_000 : 40_000 })) });
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.setContent(`<!DOCTYPE html><html><body style="margin:0;width:1200px">${timeline.value}${latency.value}</body></html>`);
    const outside = await page.locator('svg.chart').evaluateAll((svgs) => svgs.flatMap((svg) => {
      const width = Number(svg.getAttribute('viewBox')?.split(' ')[2]);
      return [...svg.querySelectorAll('text')].flatMap((t) => {
        const box = (t as unknown as { getBBox(): { x: number; width: number } }).getBBox();
        return box.x < 0 || box.x + box.width > width ? [`${t.textContent}: ${Math.round(box.x)}..${Math.round(box.x + box.width)} of ${width}`] : [];
      });
    }));
    expect(outside).toEqual([]);
    // No percentile's label runs over the other's dashed line (the scale run's p50 and p95 sat in one bar).
    const crossings = await page.locator('svg.latency').evaluate((svg) => {
      const markers = [...svg.querySelectorAll('g.percentile')].map((g) => ({
        x: Number(g.querySelector('line')?.getAttribute('x1')),
        top: Number(g.querySelector('line')?.getAttribute('y1')),
        box: (g.querySelector('text') as unknown as { getBBox(): { x: number; y: number; width: number; height: number } }).getBBox(),
      }));
      return markers.flatMap((m, i) => markers.filter((_, j) => j !== i).flatMap((other) => (
        m.box.x < other.x && other.x < m.box.x + m.box.width && m.box.y + m.box.height > other.top ? [`label ${i} crosses line ${1 - i}`] : [])));
    });
    expect(crossings).toEqual([]);
    // The outage is the only shaded band; the failing mailboxes are a marked line, labelled as never ended.
    expect(await page.locator('svg.timeline rect[data-band="fault"]').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-label')))).toEqual(['down ex1']);
    expect(await page.locator('svg.timeline [data-partial="true"] line').count()).toBe(1);
    expect(await page.locator('svg.timeline .lane text').allTextContents()).toContain('denyMailboxAccess sss (2 mailboxes): from 1h, never ended');
    await page.close();
  });
});
