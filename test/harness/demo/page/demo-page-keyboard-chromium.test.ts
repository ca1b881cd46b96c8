// The trainer view by keyboard alone, in Chromium (the accessibility review): a pressed button keeps the focus (each
// blurred itself), Space ticks the "pause at captions" box rather than play, Tab reaches a lane's messages even where
// the latest-messages list has no room (lesson 1 at 1024 x 768), Enter opens the inspector with the focus in it and
// Escape gives the focus back, and the single-key shortcuts can be turned off while Page Down still walks the captions.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoData } from '../../../../harness/demo/demo-data.js';
import { chromiumForSuite, skipWithoutChromium } from '../../../helpers/chromium.js';
import { demoFixture } from '../../../helpers/demo-fixture.js';
import { demoSeek, demoState, lessonData, openDemo, probe, type Viewport } from './demo-page-browser.js';

const skip = skipWithoutChromium('demo-page-keyboard-chromium.test');
const M = 60_000;

/** The focused element, as `tag#id.class[data-message]`. */
const focused = (page: Page) => probe<string>(page, `(() => { const e = document.activeElement; return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
  + (e.getAttribute('class') ? '.' + e.getAttribute('class').trim().split(/\\s+/).join('.') : '')
  + (e.hasAttribute('data-message') ? '[' + e.getAttribute('data-message') + ']' : ''); })()`);

describe.skipIf(skip)('the trainer view by keyboard', () => {
  const chrome = chromiumForSuite('mailflow-demo-keys-');
  const open = (name: string, data: DemoData, viewport: Viewport = { width: 1280, height: 720 }) =>
    openDemo(chrome.browser(), chrome.shots.dir, name, data, viewport);

  it('keeps the focus on a pressed button, and leaves Space to the focused checkbox', async () => {
    const { page, problems } = await open('buttons', demoFixture());
    await page.focus('#btn-step');
    await page.keyboard.press('Enter');
    const stepped = (await demoState(page)).t;
    expect(stepped).toBeGreaterThan(0);
    expect(await focused(page)).toBe('button#btn-step');
    // Space presses the focused button again (a step), rather than playing.
    await page.keyboard.press('Space');
    expect(await focused(page)).toBe('button#btn-step');
    const again = await demoState(page);
    expect(again.t).toBeGreaterThan(stepped);
    expect(again.playing).toBe(false);

    await page.focus('#pause-at-captions');
    await page.keyboard.press('Space');
    const after = await demoState(page);
    expect(after.pauseAtCaptions).toBe(false);
    expect(after.playing).toBe(false);
    expect(await page.locator('#pause-at-captions').isChecked()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lets the focus go after a mouse click, so Space then plays and Page Down walks the captions from the speed list', async () => {
    const { page, problems } = await open('mouse', demoFixture());
    for (const control of ['#btn-step', '#btn-next-caption', '#pause-at-captions']) {
      await page.locator(control).click();
      expect(await focused(page), control).toBe('body');
    }
    await page.keyboard.press('Space');
    expect((await demoState(page)).playing).toBe(true);
    await page.keyboard.press('Space');
    // A speed picked with the mouse leaves the list focused: the remote's Page Down is still the page's.
    await page.locator('#speed').focus();
    const before = await demoState(page);
    await page.keyboard.press('PageDown');
    const after = await demoState(page);
    expect(after.t).toBeGreaterThan(before.t);
    expect(after.speedMsPerS).toBe(before.speedMsPerS);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reaches lesson 1\'s messages by Tab at 1024 x 768, opens one with Enter and comes back with Escape', async () => {
    const data = await lessonData('lesson-1-forward-mailbox.yaml');
    const { page, problems } = await open('lesson-1-tab', data, { width: 1024, height: 768 });
    await demoSeek(page, data.endMs / 2);
    // From the time slider, the next Tab stops are the caption ticks after it, if any, then the first lane's messages.
    await page.focus('#scrubber');
    let at = '';
    for (let i = 0; i < 30 && !at.startsWith('path.dot'); i++) {
      await page.keyboard.press('Tab');
      at = await focused(page);
    }
    expect(at).toMatch(/^path\.dot/);
    const t = (await demoState(page)).t;
    // The arrows move between the lane's messages, not through time.
    await page.keyboard.press('ArrowRight');
    const next = await focused(page);
    expect(next).toMatch(/^path\.dot/);
    expect(next).not.toBe(at);
    expect((await demoState(page)).t).toBe(t);

    await page.keyboard.press('Enter');
    const mi = Number(/\[(\d+)\]$/.exec(next)?.[1]);
    expect((await demoState(page)).inspector).toEqual({ lane: 'router', messageId: data.lanes[0].messages[mi]?.messageId });
    expect(await focused(page)).toBe('h2');
    expect(await probe<boolean>(page, `document.getElementById('inspector').contains(document.activeElement)`)).toBe(true);
    await page.keyboard.press('Escape');
    expect((await demoState(page)).inspector).toBeNull();
    expect(await focused(page)).toBe(next);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens a listed message by keyboard and gives the focus back to it, and to the help\'s button', async () => {
    const { page, problems } = await open('list', demoFixture(), { width: 1600, height: 1000 });
    await demoSeek(page, 23 * M);
    await page.locator('ol.recent-list[data-lane="router"] button').first().focus();
    const item = await focused(page);
    await page.keyboard.press('Enter');
    expect((await demoState(page)).inspector?.lane).toBe('router');
    expect(await focused(page)).toBe('h2');
    await page.locator('#inspector-close').click();
    expect(await focused(page)).toBe(item);
    // Opened with the mouse, the inspector gives the focus back to no one: Space then plays, not reopens it.
    await page.locator('ol.recent-list[data-lane="router"] button').first().click();
    expect((await demoState(page)).inspector?.lane).toBe('router');
    await page.locator('#inspector-close').click();
    expect(await focused(page)).toBe('body');
    await page.keyboard.press('Space');
    expect((await demoState(page)).inspector).toBeFalsy();
    expect((await demoState(page)).playing).toBe(true);
    await page.keyboard.press('Space');

    await page.focus('#btn-help');
    await page.keyboard.press('Enter');
    await page.focus('#shortcuts-on');
    await page.keyboard.press('Escape');
    expect(await page.locator('#help').isVisible()).toBe(false);
    expect(await focused(page)).toBe('button#btn-help');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('turns the single-key shortcuts off, Page Down still walking the captions', async () => {
    const { page, problems } = await open('shortcuts-off', demoFixture());
    await page.keyboard.press('?');
    await page.locator('#shortcuts-on').uncheck();
    await page.keyboard.press('Escape');
    // Nothing focused (the body is not focusable: blur what Escape gave the focus to, the help's button).
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    expect(await focused(page)).toBe('body');
    for (const key of ['Space', '.', 'ArrowRight', 'n', 'End', '?']) await page.keyboard.press(key);
    const still = await demoState(page);
    expect(still.t).toBe(0);
    expect(still.playing).toBe(false);
    expect(await page.locator('#help').isHidden()).toBe(true);
    await page.keyboard.press('PageDown');
    expect((await demoState(page)).t).toBe(20 * M);
    // The choice outlives a reload.
    await page.reload();
    expect(await page.locator('#shortcuts-on').isChecked()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });
});
