// The report for those who read it on a phone, zoomed, on paper or with a screen reader, in a real Chromium (the
// accessibility review of shipped scenarios): the page never scrolls sideways at 320px, chart text stays legible,
// the charts are said in words, printing keeps the verdict and badges legible, the search announces its count, the
// chart lines stand out 3:1, and path tables and checks have headers and headings.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { chromiumForSuite, skipWithoutChromium, watchPageProblems } from '../../helpers/chromium.js';
import { mailflow } from '../../helpers/cli.js';
import { contrastOnWhite } from '../../helpers/contrast.js';

const skip = skipWithoutChromium('report-a11y-chromium.test');

/** The page's getComputedStyle, for code run in it (the project's types have no DOM). */
interface ComputedStyleOf { getComputedStyle(e: unknown): { color: string; backgroundColor: string; borderTopStyle: string; borderTopColor: string } }

interface RunJson {
  counts: Record<string, number>;
  checks: Array<{ name: string; offenders: Array<{ messageId: string }>; measurements?: Record<string, number> }>;
}

describe.skipIf(skip)('the HTML report, read every way', () => {
  const chromium = chromiumForSuite('mailflow-report-a11y-');
  // exchange-outage: ex1 down from 2h to 5h (a fault band). cutover-router-to-sss: operations, a fault on one
  // mailbox, a failing check with offenders and the cutover's 14-column batch table.
  const reports: Record<'outage' | 'cutover', { file: string; json: RunJson }> = {} as never;
  beforeAll(() => {
    for (const [key, scenario] of [['outage', 'exchange-outage'], ['cutover', 'cutover-router-to-sss']] as const) {
      const file = join(chromium.shots.dir, `${scenario}.html`);
      const run = mailflow('run', `scenarios/${scenario}.yaml`, '--json', '--report', file);
      expect(run.status, run.stderr).toBe(0);
      reports[key] = { file, json: JSON.parse(run.stdout) as RunJson };
    }
  });

  async function open(key: 'outage' | 'cutover', width: number): Promise<{ page: Page; problems: string[] }> {
    const page = await chromium.browser().newPage({ viewport: { width, height: 900 } });
    const problems = watchPageProblems(page);
    await page.goto(pathToFileURL(reports[key].file).href);
    return { page, problems };
  }

  it('fits a 320px screen: the page never scrolls sideways, rows stack with room for the Message-ID, wide tables and charts scroll in their own box', async () => {
    const { page, problems } = await open('cutover', 320);
    // Everything a reader may unfold: the batch table, the offenders, a message's path.
    await page.locator('details').evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(320);
    const row = page.locator('#message-table > tbody > tr').first();
    const id = await row.locator('td').first().boundingBox();
    expect(id?.width ?? 0).toBeGreaterThan(200);
    // A step's detail gets a line of its own, not a column a letter wide.
    expect((await row.locator('table.path td.mono').first().boundingBox())?.width ?? 0).toBeGreaterThan(150);
    // The batch table and the charts are wider than the screen, inside boxes that scroll.
    for (const wide of ['table.batches', 'svg.timeline', 'svg.latency']) {
      const box = await page.locator(wide).evaluate((e) => { const b = e.closest('.scroll-x'); return { scroll: b?.scrollWidth ?? 0, client: b?.clientWidth ?? 0 }; });
      expect(box.scroll, wide).toBeGreaterThan(box.client);
    }
    // The expectations fit their box, not a pixel to scroll (their headers and badges took 300px of its 296).
    const expectations = await page.locator('#expectations').evaluate((table) => {
      const box = table.closest('.scroll-x');
      const right = box?.getBoundingClientRect().right ?? 0;
      const past = [table, ...table.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > right + 0.5);
      return { scrolls: (box?.scrollWidth ?? 0) - (box?.clientWidth ?? 0), past: past.map((e) => `${e.tagName} ${e.textContent?.slice(0, 20) ?? ''}: to ${e.getBoundingClientRect().right.toFixed(1)}px`) };
    });
    expect(expectations).toEqual({ scrolls: 0, past: [] });
    await page.screenshot({ path: join(chromium.shots.dir, 'cutover-320.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps chart text at 12px or more however narrow the screen, and the message table a table on a wide one', async () => {
    for (const width of [320, 1280]) {
      const { page } = await open('outage', width);
      // Chart text is 12 units of a drawing 718 units wide, shown at least 718px wide.
      const textPx = await page.locator('svg.chart').evaluateAll((svgs) => svgs.map((s) => (12 * s.getBoundingClientRect().width) / Number(s.getAttribute('viewBox')?.split(' ')[2])));
      expect(Math.min(...textPx), `at ${width}px`).toBeGreaterThanOrEqual(12);
      const cells = await page.locator('#message-table > tbody > tr').first().locator(':scope > td').evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().top));
      // Stacked at 320 (the outcome under the Message-ID), one line of cells at 1280.
      expect(new Set(cells).size, `rows of cells at ${width}px`).toBe(width === 320 ? 4 : 1);
      await page.close();
    }
  });

  it('says each chart in words: a sentence the chart points to, its faults and operations and its histogram as tables', async () => {
    const { page } = await open('outage', 1280);
    const { json } = reports.outage;
    const describedBy = await page.locator('svg.timeline').getAttribute('aria-describedby');
    const sentence = await page.locator(`[id="${describedBy}"]`).textContent();
    expect(sentence).toContain(`${json.counts['accepted']?.toLocaleString('en-US')} messages accepted and ${json.counts['tracked']?.toLocaleString('en-US')} tracked`);
    const bands = await page.locator('#timeline details.chart-data tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
    expect(bands).toEqual([['down ex1', 'fault', '2h', '5h']]);
    const latencyDescribed = await page.locator('svg.latency').getAttribute('aria-describedby');
    expect(await page.locator(`[id="${latencyDescribed}"]`).textContent()).toMatch(/^The busiest range is \S+ to \S+: \d+ messages/);
    // Every bar's range and count, and all of the check's samples.
    const bins = await page.locator('#latency details.chart-data tbody tr').evaluateAll((trs) => trs.map((tr) => `${tr.cells[0]?.textContent}: ${tr.cells[1]?.textContent} messages`));
    expect(bins).toEqual(await page.locator('svg.latency rect[data-bin] title').allTextContents());
    const total = bins.reduce((sum, b) => sum + Number(/: ([\d,]+) messages$/.exec(b)?.[1]?.replace(/,/g, '')), 0);
    expect(total).toBe(json.checks.find((c) => c.name === 'latency')?.measurements?.['samples']);
    await page.close();
  });

  it('prints the verdict and badges as coloured words in a frame, the offenders unfolded and no search box', async () => {
    const { page } = await open('cutover', 1280);
    const offenderPath = page.locator('#checks details table.path').first();
    expect(await offenderPath.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    const looks = await page.locator('.verdict, .badge').evaluateAll((all) => all.map((e) => {
      const style = (globalThis as unknown as ComputedStyleOf).getComputedStyle(e);
      return { text: e.textContent, colour: style.color, background: style.backgroundColor, border: style.borderTopStyle };
    }));
    expect(looks.length).toBeGreaterThan(10);
    for (const look of looks) {
      // Browsers print no backgrounds by default: what shows must be the word itself, 4.5:1 on the paper.
      expect(look.background, look.text ?? '').toBe('rgba(0, 0, 0, 0)');
      expect(contrastOnWhite(look.colour), `${look.text}: ${look.colour}`).toBeGreaterThanOrEqual(4.5);
      expect(look.border).toBe('solid');
    }
    expect(await page.locator('.search').isVisible()).toBe(false);
    expect(await offenderPath.isVisible()).toBe(true);
    await page.close();
  });

  it('announces how many messages the search shows, and says so when none match', async () => {
    const { page } = await open('cutover', 1280);
    const status = page.getByRole('status');
    const total = await page.locator('#message-table > tbody > tr').count();
    expect(await status.textContent()).toMatch(new RegExp(`^showing ${total.toLocaleString('en-US')} of `));
    expect(await page.locator('#message-none').isVisible()).toBe(false);
    await page.fill('#message-search', 'no-such-message-anywhere');
    expect(await status.textContent()).toMatch(/^showing 0 of /);
    expect(await page.locator('#message-none').isVisible()).toBe(true);
    expect(await page.locator('#message-none').textContent()).toBe('No message matches no-such-message-anywhere.');
    expect(await page.locator('#message-none q').textContent()).toBe('no-such-message-anywhere');
    const id = reports.cutover.json.checks.find((c) => c.offenders.length > 0)?.offenders[0]?.messageId ?? '';
    await page.fill('#message-search', id);
    expect(await status.textContent()).toMatch(/^showing 1 of /);
    expect(await page.locator('#message-none').isVisible()).toBe(false);
    await page.close();
  });

  it('draws the backlog line, fault edges and marks, operations and the search box border 3:1 against the page', async () => {
    const strokes: Array<{ what: string; stroke: string; opacity: number }> = [];
    const seen = new Set<string>();
    for (const key of ['outage', 'cutover'] as const) {
      const { page } = await open(key, 1280);
      const marks = {
        'backlog line': '[data-series="backlog-line"]',
        'fault band edge': '.band-edge',
        'fault on some mailboxes': '[data-partial="true"] line',
        'operation': '[data-band="operation"] line',
      };
      for (const [what, selector] of Object.entries(marks)) {
        const found = await page.locator(`svg.timeline ${selector}`).evaluateAll((els) => els.map((e) => ({ stroke: e.getAttribute('stroke') ?? '', opacity: Number(e.getAttribute('stroke-opacity') ?? '1') })));
        if (found.length > 0) seen.add(what);
        strokes.push(...found.map((f) => ({ what, ...f })));
      }
      strokes.push({ what: 'search box border', stroke: await page.locator('#message-search').evaluate((e) => (globalThis as unknown as ComputedStyleOf).getComputedStyle(e).borderTopColor), opacity: 1 });
      await page.close();
    }
    expect([...seen].sort()).toEqual(['backlog line', 'fault band edge', 'fault on some mailboxes', 'operation']);
    const faint = strokes.filter((s) => contrastOnWhite(s.stroke, s.opacity) < 3).map((s) => `${s.what}: ${s.stroke} at ${s.opacity}`);
    expect(faint).toEqual([]);
  });

  it('gives each path table column headers and each check a heading of its own', async () => {
    const { page } = await open('cutover', 1280);
    const headers = await page.locator('table.path').evaluateAll((tables) => tables.map((t) => [...t.querySelectorAll('thead th[scope="col"]')].map((th) => th.textContent).join(', ')));
    expect(headers.length).toBeGreaterThan(100);
    expect(new Set(headers)).toEqual(new Set(['time, step, detail']));
    // As a screen reader finds them: a level-3 heading per check, named by it; and a path's column headers.
    for (const check of reports.cutover.json.checks) {
      expect(await page.getByRole('heading', { level: 3, name: new RegExp(`\\b${check.name} expected`) }).count(), check.name).toBe(1);
    }
    const row = page.locator('#message-table > tbody > tr').first();
    await row.locator('summary').click();
    expect(await row.getByRole('columnheader').allTextContents()).toEqual(['time', 'step', 'detail']);
    await page.close();
  });
});
