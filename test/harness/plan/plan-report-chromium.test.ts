// The plan report as an architect sees it, in a real Chromium (Debian's, driven by playwright-core; no downloads):
// it loads from file:// without console errors or network, shows each plan's grade as `--json` says, one bar per
// batch in each plan's chart, and the comparison chart. Without /usr/bin/chromium the test is skipped with the
// reason, unless MAILFLOW_REQUIRE_BROWSER=1 (CI) makes that an error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium, skipWithoutChromium, watchPageProblems } from '../../helpers/chromium.js';
import { mailflow } from '../../helpers/cli.js';

const skip = skipWithoutChromium('plan-report-chromium.test');

describe.skipIf(skip)('the plan report in Chromium', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'mailflow-plan-report-'));

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows each plan\'s grade and batches as --json says, and the comparison', async () => {
    const report = join(dir, 'plans.html');
    const run = mailflow('plan', 'scenarios/plans/recommended.yaml', '--compare', 'scenarios/plans/big-bang.yaml', '--no-progress', '--json', '--report', report);
    expect(run.status).toBe(0);
    const results = JSON.parse(run.stdout) as Array<{ plan: string; grade: string; batches: number; counts: { untracked: number } }>;

    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const problems = watchPageProblems(page);
    await page.goto(pathToFileURL(report).href);

    for (const r of results) {
      const section = page.locator(`section.plan[data-plan="${r.plan}"]`);
      expect(await section.locator('h2 [data-grade]').getAttribute('data-grade'), r.plan).toBe(r.grade);
      expect(await section.locator('[data-figure="untracked"]').textContent(), r.plan).toBe(r.counts.untracked.toLocaleString('en-US'));
      expect(await section.locator('svg.batches g.batch').count(), r.plan).toBe(r.batches);
      // Every batch has its three stacked segments (router, server-side sync, untracked).
      expect(await section.locator('svg.batches rect[data-series]').count(), r.plan).toBe(3 * r.batches);
      expect(await section.locator('svg.batches .legend').textContent()).toMatch(/tracked by the router.*tracked by server-side sync.*untracked/);
      expect(await section.locator('ul.recommendations li').count(), r.plan).toBeGreaterThan(0);
    }
    expect(await page.locator('#comparison svg.compare g[data-measure]').count()).toBe(2 * results.length);
    const box = await page.locator('section.plan').first().locator('svg.batches').boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(600);

    // A person looks at this page: the screenshot goes to the temporary directory, never the repository.
    await page.screenshot({ path: join(dir, 'plans.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
