// The run report's scroll boxes by keyboard, in a real Chromium: each is a region named for what it holds; on a phone
// Tab reaches a box whose chart overflows, the arrow keys scroll it and a ring shows the focus. Safari does not let
// Tab reach a scrollable box by itself, as Chromium does: the tabindex is what it needs. A box that fits is no tab
// stop (its script, scroll-box-script.ts), and becomes one when the window narrows or its details element opens.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { chromiumForSuite, skipWithoutChromium, watchPageProblems } from '../../helpers/chromium.js';
import { mailflow } from '../../helpers/cli.js';
import { expectKeyboardScrolls, tabStopsUntil } from './scroll-box-checks.js';

const skip = skipWithoutChromium('report-scroll-box-chromium.test');

describe.skipIf(skip)('the run report\'s scroll boxes, by keyboard', () => {
  const chromium = chromiumForSuite('mailflow-report-scroll-');
  // A cutover's report has all six boxes: its batch table, the expectations, both charts and their tables.
  const file = () => join(chromium.shots.dir, 'cutover-late.html');
  beforeAll(() => {
    const run = mailflow('run', 'scenarios/cutover-late-process-email-from.yaml', '--report', file());
    expect(run.status, run.stderr).toBe(0);
  });

  async function open(width: number): Promise<{ page: Page; problems: string[] }> {
    const page = await chromium.browser().newPage({ viewport: { width, height: 800 } });
    const problems = watchPageProblems(page);
    await page.goto(pathToFileURL(file()).href);
    return { page, problems };
  }

  it('names each box a region by what it holds, once each', async () => {
    const { page } = await open(320);
    const names = await page.locator('.scroll-x').evaluateAll((boxes) => boxes.map((b) => `${b.getAttribute('role')}: ${b.getAttribute('aria-label')}`));
    expect(names).toEqual([
      'region: Cutover batches table', 'region: Expectations table', 'region: Timeline chart',
      'region: Faults and operations table', 'region: Latency histogram', 'region: Latency ranges table',
    ]);
    // As a screen reader finds them: by role and name.
    expect(await page.getByRole('region', { name: 'Timeline chart', exact: true }).locator('svg.timeline').count()).toBe(1);
    await page.close();
  });

  it('on a phone, lets Tab reach each chart\'s box and the arrow keys scroll it, with a ring around it', async () => {
    const { page, problems } = await open(320);
    for (const name of ['Timeline chart', 'Latency histogram']) {
      const box = page.getByRole('region', { name, exact: true });
      expect(await box.getAttribute('tabindex'), name).toBe('0');
      await expectKeyboardScrolls(page, box);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('makes a box a tab stop only while it overflows: on a wide screen the charts are none, until the window narrows', async () => {
    const { page } = await open(1280);
    const box = (name: string) => page.locator(`.scroll-x[aria-label="${name}"]`);
    const search = page.locator('#message-search');
    // The charts and the expectations fit at 1280px; the batch table's 14 columns do not.
    expect(await box('Timeline chart').evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    expect(await box('Cutover batches table').evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    await page.locator('details.batch-table summary').click();
    const wide = (await tabStopsUntil(page, search)).filter((stop) => stop.startsWith('DIV'));
    expect(wide).toEqual(['DIV Cutover batches table']);
    await page.setViewportSize({ width: 320, height: 800 });
    await expect.poll(() => box('Timeline chart').getAttribute('tabindex')).toBe('0');
    const narrow = (await tabStopsUntil(page, search)).filter((stop) => stop.startsWith('DIV'));
    // The expectations fit a phone too: their box is no stop there either.
    expect(narrow).toEqual(['DIV Cutover batches table', 'DIV Timeline chart', 'DIV Latency histogram']);
    // A box in a folded table becomes one when it unfolds, if it overflows then.
    const faults = box('Faults and operations table');
    await page.locator('#timeline details.chart-data summary').click();
    await expect.poll(() => faults.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    await expect.poll(() => faults.getAttribute('tabindex')).toBe('0');
    await page.close();
  });
});
