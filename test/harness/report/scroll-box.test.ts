// The scroll box's markup, which both reports wrap their wide tables and charts in: a named region a keyboard can
// reach (tabindex 0), its name escaped as any text from input; and the batch table's cells labelled for paper.
import { describe, expect, it } from 'vitest';
import { batchTableHtml } from '../../../harness/report/batch-table-html.js';
import { html } from '../../../harness/report/html.js';
import { scrollBox } from '../../../harness/report/scroll-box.js';
import { runPlan } from '../../../harness/plan/run-plan.js';
import { smallPlan } from '../plan/plan-fixtures.js';

describe('the scroll box', () => {
  it('is a region named by what it holds, a tab stop, its name escaped', () => {
    expect(scrollBox('<b>"plan" & co</b>: batch chart', html`<svg></svg>`).value)
      .toBe('<div class="scroll-x" role="region" aria-label="&lt;b&gt;&quot;plan&quot; &amp; co&lt;/b&gt;: batch chart" tabindex="0"><svg></svg></div>');
  });

  it('holds the batch table, each of whose cells carries its column\'s name for print', () => {
    const batches = runPlan(smallPlan()).batchTimeline;
    const table = batchTableHtml(batches, 'switch', 'small: batch table').value;
    expect(table).toContain('<div class="scroll-x" role="region" aria-label="small: batch table" tabindex="0"><table class="batches print-stacked">');
    const labels = [...table.matchAll(/<td[^>]* data-label="([^"]+)"/g)].map((m) => m[1]);
    expect(labels.length).toBe(14 * batches.length);
    expect(labels.slice(0, 14)).toEqual(['batch', 'tested after switch', 'mailboxes', 'set to fail', 'disabled at end', 'by router', 'by sync', 'backlog', 'untracked', 'untracked by reason', 'duplicates prevented', 'duplicates', 'latency p50', 'latency p95']);
  });
});
