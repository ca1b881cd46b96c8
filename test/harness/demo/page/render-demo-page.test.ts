// The trainer view's HTML without a browser: one self-contained file (no URL to fetch, a content security policy that
// forbids fetching), data that cannot become markup however hostile, and the same bytes for the same data.
import { describe, expect, it } from 'vitest';
import { renderDemoPage } from '../../../../harness/demo/page/render-demo-page.js';
import { captionInstants, operationLabel } from '../../../../harness/demo/page/scrubber-html.js';
import { demoFixture, hostileFixture } from '../../../helpers/demo-fixture.js';

function dataBlock(page: string): string {
  const match = /<script type="application\/json" id="demo-data">([^<]*)<\/script>/.exec(page);
  expect(match, 'the JSON data block').not.toBeNull();
  return match?.[1] ?? '';
}

describe('renderDemoPage', () => {
  it('is one self-contained file: nothing to fetch, and a policy that forbids fetching', () => {
    const page = renderDemoPage(demoFixture());
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;`);
    expect(page).not.toMatch(/\b(src|href|action|srcset)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(page).not.toMatch(/<link\b|<iframe\b|@import|url\(/i);
    expect(page).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|EventSource/);
    // Exactly two scripts: the data block and the player.
    expect(page.match(/<script\b/g)).toHaveLength(2);
  });

  it('keeps hostile strings as text, and the data block parses back to the data', () => {
    const data = hostileFixture();
    const page = renderDemoPage(data);
    expect(page.match(/<script\b/g)).toHaveLength(2);
    const block = dataBlock(page);
    // Outside the data block (where they are JSON strings with \u003c for `<`), hostile strings are escaped text.
    const markup = page.replace(block, '');
    expect(markup).not.toContain('<img');
    expect(markup).not.toContain(`onerror='`);
    expect(markup).toContain('&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)');
    expect(block).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(block).data).toEqual(data);
  });

  it('gives the same bytes for the same data', () => {
    expect(renderDemoPage(demoFixture())).toBe(renderDemoPage(structuredClone(demoFixture())));
  });

  it('draws a lane with no messages, and says so', () => {
    const base = demoFixture();
    const none = { ...base.lanes[1], messages: [], timeline: [], counterEvents: [], counters: { tracked: 0, tossed: 0, duplicatesPrevented: 0, untracked: 0, lost: 0 } };
    const page = renderDemoPage({ ...base, lanes: [base.lanes[0], none] });
    expect(page).toContain('No messages in this lane.');
    expect(page).toContain('data-lane="sss" data-counter="tracked"');
  });

  it('shows the title, description, verdicts, each lane\'s counters and the sample note', () => {
    const base = demoFixture();
    const page = renderDemoPage({ ...base, sampled: { shown: 300, total: 1200 } });
    expect(page).toContain(`<h1 title="${base.title}">${base.title}</h1>`);
    expect(page).toContain('Showing 300 of 1,200 messages per lane');
    for (const lane of base.lanes) {
      expect(page).toContain(`data-lane="${lane.id}" data-verdict="${lane.run.verdict}"`);
      for (const name of Object.keys(lane.counters)) expect(page).toContain(`data-lane="${lane.id}" data-counter="${name}"`);
    }
    expect(page).toContain('2026-01-05 08:00:00 UTC');
  });

  it('puts every operation\'s label on its marker and one clickable tick per caption instant on the scrubber', () => {
    const base = demoFixture();
    const data = { ...base, captions: [...base.captions, { atMs: 20 * 60_000, lane: 'sss' as const, text: 'At the same time, in the other lane.' }] };
    expect(captionInstants(data).map((c) => [c.atMs, c.texts.length])).toEqual([[0, 1], [20 * 60_000, 2], [150 * 60_000, 1]]);
    const page = renderDemoPage(data);
    expect(page.match(/<button type="button" class="caption-mark" data-at="\d+"/g)).toHaveLength(3);
    expect(page.match(/class="op-mark"[^>]*><span class="op-label">/g)).toHaveLength(base.operations.length);
    // Labelled as a class says them, the verb and target in the title (the trainer review: `testAndEnable sss` read as code).
    expect(operationLabel('testAndEnable', 'sss')).toBe('Test & Enable');
    expect(operationLabel('down', 'ex1')).toBe('ex1 down');
    expect(operationLabel('resubmitSafetyNet', 'ex1')).toBe('resubmitSafetyNet ex1');
    expect(operationLabel('toString', null)).toBe('toString');
    const down = base.operations.find((o) => o.verb === 'down');
    expect(down).toBeDefined();
    expect(page).toMatch(new RegExp(`title="[^"]*down ${down?.target ?? ''}: [^"]*"><span class="op-label">${down?.target ?? ''} down</span>`));
  });

  it('keeps the run\'s totals out of the page\'s text (the player says them at the end) and the keys in its help', () => {
    const data = demoFixture();
    const page = renderDemoPage(data);
    const text = page.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]*>/g, ' ');
    expect(text).not.toContain('sent 5');
    expect(page).toContain('data-summary="sent 5 · accepted 5 · pending 0"');
    expect(page).toContain('<kbd>Page Down</kbd> or <kbd>.</kbd>');
    expect(page).toContain('id="pause-at-captions" checked');
  });
});
