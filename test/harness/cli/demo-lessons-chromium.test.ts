// Every shipped lesson as a class sees it, in a real Chromium: `mailflow demo LESSON` writes the page, it loads with
// no console error and no network request, plays, and at the end each lane's counters equal that lane's
// `mailflow demo --lane <id> --json` counts. A screenshot of each lesson mid-way goes to a temporary directory
// (MAILFLOW_SHOTS to choose it), never the repository, for a person to look at.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COUNTER_NAMES, LANE_IDS } from '../../../harness/demo/demo-data.js';
import { chromiumForSuite, skipWithoutChromium, watchPageProblems } from '../../helpers/chromium.js';
import { mailflow, repoRoot } from '../../helpers/cli.js';

const skip = skipWithoutChromium('demo-lessons-chromium.test');
const lessons = readdirSync(join(repoRoot, 'scenarios')).filter((f) => /^lesson-\d.*\.yaml$/.test(f)).sort();

interface PageDemo {
  state(): { t: number; endMs: number; playing: boolean };
  seek(ms: number): void;
  play(): void;
  pause(): void;
}

describe.skipIf(skip)('the lessons in Chromium', () => {
  const chrome = chromiumForSuite('mailflow-lessons-');
  const SHOTS = chrome.shots.dir;

  it.each(lessons)('%s: loads cleanly, plays, and ends with each lane\'s run counts', async (lesson) => {
    const name = lesson.replace(/\.yaml$/, '');
    const file = join(SHOTS, `${name}.html`);
    expect(mailflow('demo', `scenarios/${lesson}`, '--out', file).status).toBe(0);
    const page = await chrome.browser().newPage({ viewport: { width: 1600, height: 1000 } });
    const problems = watchPageProblems(page);
    await page.goto(pathToFileURL(file).href);

    await page.evaluate(() => (globalThis as unknown as { demo: PageDemo }).demo.play());
    await page.waitForFunction(() => (globalThis as unknown as { demo: PageDemo }).demo.state().t > 0);
    const endMs = await page.evaluate(() => {
      const demo = (globalThis as unknown as { demo: PageDemo }).demo;
      demo.pause();
      demo.seek(Math.round(demo.state().endMs * 0.45));
      return demo.state().endMs;
    });
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SHOTS, `${name}-mid.png`), fullPage: true });

    await page.keyboard.press('End');
    expect(await page.evaluate(() => (globalThis as unknown as { demo: PageDemo }).demo.state().t)).toBe(endMs);
    for (const lane of LANE_IDS) {
      const run = JSON.parse(mailflow('demo', `scenarios/${lesson}`, '--lane', lane, '--json').stdout) as { counts: Record<string, number> };
      for (const counter of COUNTER_NAMES) {
        const shown = await page.locator(`[data-lane="${lane}"][data-counter="${counter}"]`).textContent();
        expect(Number(shown), `${lane} ${counter}`).toBe(run.counts[counter]);
      }
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
