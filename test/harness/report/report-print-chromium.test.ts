// The run report on A4 portrait, in a real Chromium: no table runs past the paper's right edge, where the printer
// cuts it. The cutover's batch table (14 columns, 1,242px wide as a table) prints each batch as a block of cells,
// each labelled with its column's name.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumForSuite, skipWithoutChromium } from '../../helpers/chromium.js';
import { mailflow } from '../../helpers/cli.js';
import { A4_PRINTABLE_PX, openPrinted, pastTheEdge } from './a4-print.js';

const skip = skipWithoutChromium('report-print-chromium.test');

/** The page's getComputedStyle with a pseudo-element, for code run in it (the project's types have no DOM). */
interface PseudoStyleOf { getComputedStyle(e: unknown, pseudo: string): { content: string } }

describe.skipIf(skip)('the run report on A4 paper', () => {
  const chromium = chromiumForSuite('mailflow-report-print-');
  const files: Record<string, string> = {};
  // cutover-router-to-sss: the batch table, a failing check's offenders and their paths (printed unfolded), the
  // expectations. exchange-outage: a fault band, and latencies from seconds to hours.
  beforeAll(() => {
    for (const scenario of ['cutover-router-to-sss', 'exchange-outage']) {
      files[scenario] = join(chromium.shots.dir, `${scenario}.html`);
      const run = mailflow('run', `scenarios/${scenario}.yaml`, '--report', files[scenario] as string);
      expect(run.status, run.stderr).toBe(0);
    }
  });

  it('keeps every table cell, and all it holds, within the printable width', async () => {
    expect(A4_PRINTABLE_PX).toBe(718);
    for (const [scenario, file] of Object.entries(files)) {
      const page = await openPrinted(chromium.browser(), pathToFileURL(file).href);
      // The batch table and the offenders' paths are unfolded on paper: they are among the cells measured.
      if (scenario === 'cutover-router-to-sss') {
        expect(await page.locator('table.batches td:visible').count()).toBe(3 * 14);
        expect(await page.locator('#checks table.path td:visible').count()).toBeGreaterThan(20);
      }
      expect(await pastTheEdge(page), scenario).toEqual([]);
      await page.screenshot({ path: join(chromium.shots.dir, `${scenario}-a4.png`), fullPage: true });
      await page.close();
    }
  });

  it('prints each batch as a block: the batch number heading it, every figure under its column\'s name', async () => {
    const page = await openPrinted(chromium.browser(), pathToFileURL(files['cutover-router-to-sss'] as string).href);
    const table = page.locator('table.batches');
    const headers = await table.locator('thead th').allTextContents();
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => ({
      label: (globalThis as unknown as PseudoStyleOf).getComputedStyle(td, '::before').content,
      text: td.textContent,
      top: Math.round(td.getBoundingClientRect().top),
    }))));
    expect(rows.length).toBe(3);
    for (const cells of rows) {
      // Labelled as the header row says, the lone "p95" said in full.
      expect(cells.map((c) => c.label)).toEqual(headers.map((h) => JSON.stringify(h === 'p95' ? 'latency p95' : h)));
      // The batch number on a line of its own, the 13 figures in rows under it, several to a row.
      const lines = [...new Set(cells.map((c) => c.top))];
      expect(cells.filter((c) => c.top === lines[0]).length).toBe(1);
      expect(lines.length).toBeGreaterThan(2);
      expect(lines.length).toBeLessThan(8);
    }
    // On a screen the same table is a table: one line of cells a batch, its header row shown.
    await page.emulateMedia({ media: 'screen' });
    await page.locator('details.batch-table summary').click();
    const tops = await table.locator('tbody tr').first().locator('td').evaluateAll((tds) => tds.map((td) => Math.round(td.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    expect(await table.locator('thead').isVisible()).toBe(true);
    await page.close();
  });
});
