// The report without a browser: what it extracts from a run, how it samples a large run, and that nothing from the
// input becomes markup.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../harness/scenario/load-scenario.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { renderReport } from '../../../harness/report/render-report.js';
import { reportData } from '../../../harness/report/report-data.js';
import { escapeHtml, html } from '../../../harness/report/html.js';

const RESTORE = 'scenarios/exchange-restore-without-logs.yaml';

function inputOf(file: string, description?: string) {
  const scenario = loadScenarioFile(file);
  const outcome = runScenario(scenario);
  return { outcome, file, scenario: { start: scenario.start, horizon: scenario.horizon, description: description ?? scenario.description }, applied: [] };
}

describe('report data', () => {
  it('carries the run\'s verdict, counts and offenders, and lists every message of a small run', () => {
    const input = inputOf(RESTORE);
    const data = reportData(input);
    expect(data.run.verdict).toBe(input.outcome.verdict);
    expect(data.run.counts).toEqual(input.outcome.counts);
    expect(data.messages.rule).toBeNull();
    expect(data.messages.rows).toHaveLength(data.messages.total);
    const lost = data.run.checks.find((c) => c.name === 'no-lost-mail');
    expect(lost?.offenderCount).toBe(input.outcome.counts.lost);
    // Every message a check names is marked in the table.
    for (const o of lost?.offenders ?? []) expect(data.messages.rows.find((r) => r.messageId === o.messageId)?.offenderOf).toContain('no-lost-mail');
  });

  it('says what the router logged, and marks the messages whose deleted activity it made again (KB954522, R8)', () => {
    const input = inputOf('scenarios/router-state-corrupt.yaml');
    const page = renderReport(input);
    expect(page).toContain('<div id="router-errors" class="disabled"><p>the E-mail Router logged 1 error (its event log; --trace has each as router-error):</p>'
      + '<ul><li>router: service did not start: SystemState.xml is corrupt (delete it, then start the service), at 3h 5m</li></ul></div>');
    const data = reportData(input);
    const remade = data.messages.rows.filter((r) => r.outcome === 'tracked: made again after a delete in CRM (R8)');
    const measured = input.outcome.checks.find((c) => c.name === 'no-duplicate-activity')?.measurements?.['recreated'];
    expect(measured).toBeGreaterThan(0);
    expect(remade).toHaveLength(measured!);
    // A run whose router logged nothing has no such box.
    expect(renderReport(inputOf(RESTORE))).not.toContain('id="router-errors"');
  });

  it('names the mailboxes server-side sync had disabled at the end, and marks when on the timeline (S3, S4)', () => {
    const input = inputOf('scenarios/cutover-router-to-sss.yaml');
    const data = reportData(input);
    expect(data.run.disabledMailboxes).toEqual([expect.objectContaining({ by: 'test-and-enable', mailboxes: 1, sample: ['hugo@contoso.example'] })]);
    expect(data.bands.find((b) => b.label === 'sync disabled 1 mailbox at Test & Enable (401 Unauthorized)')).toMatchObject({ kind: 'fault', fromMs: 8 * 3_600_000, marksMs: [8 * 3_600_000] });
    const page = renderReport(input);
    expect(page).toMatch(/<div id="disabled-mailboxes" class="disabled"><p>server-side sync had 1 mailbox disabled at the end \(S3, S4\); mail untracked as mailbox-disabled: 5:<\/p><ul><li>1 at Test &amp; Enable: 401 Unauthorized: no access to the mailbox, at 8h \(hugo@contoso.example\)<\/li><\/ul>/);
    // The cutover's batches as mailflow run prints them, times after the start: batch 3 at 8h, Hugo's.
    expect(page).toMatch(/<h3>Cutover batches<\/h3>\s*<details class="batch-table">/);
    expect(page).toMatch(/<tr><td class="num" data-label="batch">3<\/td><td class="num" data-label="tested at">8h<\/td><td class="num" data-label="mailboxes">8<\/td><td class="num" data-label="set to fail">1<\/td><td class="num" data-label="disabled at end">1<\/td>/);
    // Without server-side sync, nothing of the kind.
    expect(renderReport(inputOf(RESTORE))).not.toContain('disabled-mailboxes');
    expect(renderReport(inputOf(RESTORE))).not.toContain('Cutover batches');
    expect(page).not.toContain('reenabled-mailboxes');
  });

  it('says what waited at its senders before acceptance, which the latency does not count (an outage, X1)', () => {
    const page = renderReport(inputOf('scenarios/exchange-outage.yaml'));
    expect(page).toMatch(/<p id="queued-before-acceptance">Before that: <b data-queued="messages">\d+<\/b> messages waited in their senders&#39; queues before acceptance \(a server down or refusing, X1\), the longest <b data-queued="longest">[23]h[^<]*<\/b>/);
  });

  it('names the mailboxes sync disabled for a while and a Test & Enable enabled again, apart from those still disabled', () => {
    const page = renderReport(inputOf('scenarios/sss-transient-backoff.yaml'));
    expect(page).toMatch(/<div id="disabled-mailboxes" class="disabled"><p>server-side sync had 1 mailbox disabled at the end/);
    expect(page).toMatch(/<div id="reenabled-mailboxes" class="disabled"><p>server-side sync had 2 mailboxes disabled for a while, until a later Test &amp; Enable enabled them \(S3, S4\); sync read none of their mail meanwhile:<\/p><ul><li>2 after errors: mailbox unavailable, read through ex1, disabled 3h 50m [\dms ]+ to 3h 50m [\dms ]+, enabled at 6h, the longest for 2h 9m 21s \(omar@contoso.example, paul@contoso.example\)<\/li><\/ul><\/div>/);
  });

  it('says the table lists every message a check names when it does, though the check names each lost copy', () => {
    const input = inputOf('test/fixtures/lost-copies.yaml');
    const lost = reportData(input).run.checks.find((c) => c.name === 'no-lost-mail')!;
    // Each message lost both its copies (alice's and bob's): twice as many offenders as messages, all in the table.
    expect(lost).toMatchObject({ offenderCount: 60, offenderMessages: 30 });
    expect(lost.offendersListed).toBe(lost.offenderMessages);
    expect(renderReport(input)).toMatch(/… and \d+ more: the message table lists them all, each marked with this check's name/);
  });

  it('is the same bytes for the same run (no wall clock inside)', () => {
    expect(renderReport(inputOf(RESTORE))).toBe(renderReport(inputOf(RESTORE)));
  });

});

describe('escaping', () => {
  it('never lets input become markup', () => {
    expect(escapeHtml('<script>alert("x")</script> & \'y\'')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
    expect(html`<p title="${'" onmouseover="x'}">${'<b>'}</p>`.value).toBe('<p title="&quot; onmouseover=&quot;x">&lt;b&gt;</p>');
    const page = renderReport(inputOf(RESTORE, '<img src=x onerror=alert(1)> restored'));
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; restored');
    expect(page).not.toContain('<img src=x');
  });
});
