// What the trainer view's Chromium tests share: writing a page for some demo data where a person can look at it, opening
// it at a window size while collecting its problems (console errors, page errors, network), the player's state
// through `window.demo`, and the lessons built as `mailflow demo` builds them.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildDemo } from '../../../../harness/demo/build-demo.js';
import type { DemoData } from '../../../../harness/demo/demo-data.js';
import { loadLesson } from '../../../../harness/demo/lane-variants.js';
import { renderDemoPage } from '../../../../harness/demo/page/render-demo-page.js';
import { CHROMIUM, watchPageProblems } from '../../../helpers/chromium.js';
import { repoRoot } from '../../../helpers/cli.js';

export interface DemoState {
  t: number;
  endMs: number;
  playing: boolean;
  speedMsPerS: number;
  pauseAtCaptions: boolean;
  counters: Record<string, Record<string, number>>;
  inspector: { lane: string; messageId: string } | null;
}

export interface Viewport {
  width: number;
  height: number;
}

/** Opens the page for `data` in `dir` and collects every console error or warning, page error and network request. */
export async function openDemo(browser: Browser, dir: string, name: string, data: DemoData, viewport: Viewport): Promise<{ page: Page; problems: string[] }> {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, renderDemoPage(data));
  const page = await browser.newPage({ viewport });
  const problems = watchPageProblems(page);
  await page.goto(pathToFileURL(file).href);
  return { page, problems };
}

type Demo = { demo: { state(): DemoState; seek(t: number): void; play(): void } };

export const demoState = (page: Page) => page.evaluate(() => (globalThis as unknown as Demo).demo.state());
export const demoSeek = (page: Page, ms: number) => page.evaluate((t) => (globalThis as unknown as Demo).demo.seek(t), ms);
/** Waits until play has stopped on its own (at a caption or at the end). */
export const untilStopped = (page: Page) => page.waitForFunction(() => !(globalThis as unknown as Demo).demo.state().playing, undefined, { timeout: 10_000 });

/** Every shipped lesson (a new one is checked too). */
export const LESSONS: readonly string[] = readdirSync(join(repoRoot, 'scenarios')).filter((f) => /^lesson-.*\.yaml$/.test(f)).sort();

/** A lesson's demo data, as `mailflow demo scenarios/<file>` builds it. */
export async function lessonData(file: string): Promise<DemoData> {
  return buildDemo(await loadLesson(join(repoRoot, 'scenarios', file))).data;
}

/** Runs a page-side expression (the project's types have no DOM library, so DOM probes are written as page script). */
export function probe<T>(page: Page, js: string): Promise<T> {
  return page.evaluate(js) as Promise<T>;
}

/**
 * Chromium as a desktop browser shows a page: its vertical scroll bar takes 15 pixels of the window's width while the
 * page is taller than the window. Playwright hides scroll bars (--hide-scrollbars), which hid that from the other
 * suites: a fit that measured the width before its bar came ran past the window sideways.
 */
export function launchChromiumWithScrollBars(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    ignoreDefaultArgs: ['--hide-scrollbars'],
  });
}

/** The instants a lesson says something, and its end: where a page's layout is checked as the captions change. */
export function captionInstants(data: DemoData): number[] {
  return [...new Set([0, ...data.captions.map((c) => c.atMs), data.endMs])].sort((a, b) => a - b);
}
