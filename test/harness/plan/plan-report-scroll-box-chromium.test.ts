// The plan report's scroll boxes by keyboard, in a real Chromium, as the run report's (report-scroll-box-chromium):
// each is a region named for what it holds, the plan's name in it; on a phone Tab reaches a plan's batch chart, the
// arrow keys scroll it and a ring shows the focus. The page has no script, so every box stays a tab stop.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumForSuite, skipWithoutChromium, watchPageProblems } from '../../helpers/chromium.js';
import { mailflow } from '../../helpers/cli.js';
import { expectKeyboardScrolls } from '../report/scroll-box-checks.js';

const skip = skipWithoutChromium('plan-report-scroll-box-chromium.test');

describe.skipIf(skip)('the plan report\'s scroll boxes, by keyboard', () => {
  const chromium = chromiumForSuite('mailflow-plan-report-scroll-');
  const file = () => join(chromium.shots.dir, 'runs.html');
  beforeAll(() => {
    const run = mailflow('plan', 'scenarios/plans/recommended.yaml', '--compare', 'scenarios/plans/big-bang.yaml', '--no-progress', '--report', file());
    expect(run.status, run.stderr).toBe(0);
  });

  it('names each box a region by what it holds, each plan\'s by the plan, and keeps each a tab stop at any width', async () => {
    for (const width of [320, 1280]) {
      const page = await chromium.browser().newPage({ viewport: { width, height: 800 } });
      await page.goto(pathToFileURL(file()).href);
      const boxes = await page.locator('.scroll-x').evaluateAll((all) => all.map((b) => `${b.getAttribute('role')} ${b.getAttribute('tabindex')}: ${b.getAttribute('aria-label')}`));
      expect(boxes, `at ${width}px`).toEqual([
        'region 0: The plans side by side',
        'region 0: Comparison chart: untracked mail and duration per plan', 'region 0: Comparison table: untracked mail and duration per plan',
        'region 0: recommended: batch chart', 'region 0: recommended: batch table',
        'region 0: big-bang: batch chart', 'region 0: big-bang: batch table',
      ]);
      await page.close();
    }
  });

  it('on a phone, lets Tab reach a plan\'s batch chart and the arrow keys scroll it, with a ring around it', async () => {
    const page = await chromium.browser().newPage({ viewport: { width: 320, height: 640 } });
    const problems = watchPageProblems(page);
    await page.goto(pathToFileURL(file()).href);
    for (const name of ['Comparison chart: untracked mail and duration per plan', 'big-bang: batch chart']) {
      await expectKeyboardScrolls(page, page.getByRole('region', { name, exact: true }));
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
