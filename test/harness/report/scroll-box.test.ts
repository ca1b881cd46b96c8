// The scroll box's markup, which both reports wrap their wide tables and charts in: a named region a keyboard can
// reach (tabindex 0), its name escaped as any text from input.
import { describe, expect, it } from 'vitest';
import { html } from '../../../harness/report/html.js';
import { scrollBox } from '../../../harness/report/scroll-box.js';

describe('the scroll box', () => {
  it('is a region named by what it holds, a tab stop, its name escaped', () => {
    expect(scrollBox('<b>"plan" & co</b>: batch chart', html`<svg></svg>`).value)
      .toBe('<div class="scroll-x" role="region" aria-label="&lt;b&gt;&quot;plan&quot; &amp; co&lt;/b&gt;: batch chart" tabindex="0"><svg></svg></div>');
  });
});
