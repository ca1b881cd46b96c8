// The plan report's page from plans' results: each plan's name, grade and figures, one bar per batch, the
// recommendations; the side-by-side part with --compare and the medians with --sweep; every text from input escaped;
// the same results give the same bytes.
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../harness/report/html.js';
import { renderPlanReport } from '../../../harness/plan/plan-report.js';
import { PRINTED_AS_TABLE_AT_MOST } from '../../../harness/plan/plan-report-compare-html.js';
import { batchChart } from '../../../harness/plan/plan-report-batch-chart.js';
import { compareChart } from '../../../harness/plan/plan-report-compare-chart.js';
import { CHART_WIDTH, textWidthAtMost } from '../../../harness/report/chart-kit.js';
import { batchSummary, compareSummary } from '../../../harness/plan/plan-report-chart-words.js';
import { runPlan, type PlanResult } from '../../../harness/plan/run-plan.js';
import { summariseSweep, sweepSeeds } from '../../../harness/plan/plan-sweep.js';
import { smallPlan } from './plan-fixtures.js';

const lossy = smallPlan({ fileProbability: 0.5, batchInterval: '6h' });
const slow = runPlan(lossy);
const fast = { ...runPlan(smallPlan({ batchInterval: '30m' })), plan: 'fast' };
const count = (page: string, pattern: RegExp) => page.match(pattern)?.length ?? 0;

describe('the plan report', () => {
  it('shows a plan: name, grade, figures, one stacked bar per batch, the recommendations', () => {
    const page = renderPlanReport({ kind: 'runs', plans: [{ file: 'small.yaml', result: slow, expected: 'Poor' }] });
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(slow.counts.untracked).toBeGreaterThan(0);
    expect(page).toContain(`data-plan="${slow.plan}"`);
    expect(page).toContain(`data-grade="${slow.grade}"`);
    expect(page).toContain(`<span class="value" data-figure="untracked">${slow.counts.untracked.toLocaleString('en-US')}</span>`);
    expect(page).toContain(`data-reason="not-in-root-inbox"`);
    expect(count(page, /<g class="batch" data-batch="/g)).toBe(slow.batches);
    for (const series of ['trackedByRouter', 'trackedBySss', 'untracked']) expect(count(page, new RegExp(`<rect data-series="${series}"`, 'g'))).toBe(slow.batches);
    expect(page).toMatch(/class="legend">.*tracked by the router.*tracked by server-side sync.*untracked/s);
    expect(slow.recommendations.length).toBeGreaterThan(0);
    for (const r of slow.recommendations) expect(page).toContain(`<li>${escapeHtml(r)}</li>`);
    // No comparison for one plan; nothing fetched at view time; no script at all.
    expect(page).not.toContain('id="comparison"');
    expect(page).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(page).not.toContain('<script');
  });

  it('marks under each bar how many of the batch\'s mailboxes were disabled at the end, and only then', () => {
    const outage = runPlan({ ...smallPlan(), faults: [{ at: 6 * 3_600_000 - 60_000, verb: 'down', target: 'ex-hq' }, { at: 6.5 * 3_600_000, verb: 'up', target: 'ex-hq' }] });
    const disabled = outage.batchTimeline.filter((b) => b.disabledAtEnd > 0);
    expect(disabled.length).toBeGreaterThan(0);
    const page = renderPlanReport({ kind: 'runs', plans: [{ file: 'small.yaml', result: outage, expected: undefined }] });
    expect(count(page, /<text class="disabled"/g)).toBe(disabled.length);
    for (const b of disabled) expect(page).toMatch(new RegExp(`data-batch="${b.batch}">.*?<text class="disabled"[^>]*>${b.disabledAtEnd} disabled</text>`, 's'));
    expect(renderPlanReport({ kind: 'runs', plans: [{ file: 'small.yaml', result: slow, expected: 'Poor' }] })).not.toContain('class="disabled"');
  });

  it('labels every disabled batch whose label has room, wherever it sits among many batches', () => {
    const batches = Array.from({ length: 26 }, (_, k) => ({
      ...slow.batchTimeline[0]!, batch: k + 1, enabledAtMs: k * 5 * 3_600_000, disabledAtEnd: k === 1 || k === 2 || k === 20 ? 200 : 0,
    }));
    const svg = String(batchChart(batches, 'many'));
    // Batch 2's label is shown though thinning by position would skip it; batch 3's would overlap it; batch 21 has room.
    expect([...svg.matchAll(/<g class="batch" data-batch="(\d+)">(?:(?!<g class="batch").)*?<text class="disabled"/gs)].map((m) => m[1])).toEqual(['2', '21']);
  });

  it('draws its charts at A4\'s printable width, as the run report\'s, so that their 12-unit text prints at 12px', () => {
    const compare = String(compareChart([{ name: 'slow', untracked: 5, durationMs: 3_600_000 }, { name: 'fast', untracked: 2, durationMs: 0 }]));
    for (const svg of [String(batchChart(slow.batchTimeline, 'b')), compare]) {
      expect(svg).toMatch(new RegExp(`^<svg class="chart a4-scale (batches|compare)" viewBox="0 0 ${CHART_WIDTH} `));
    }
  });

  it('cuts a plan\'s name in the comparison chart by its width, to a third of the chart, not by its letters', () => {
    const names = ['pilot: it, hr, legal, billing, facilities', 'headquarters first, then the branches, then the remote sites, last of all'];
    const svg = String(compareChart(names.map((name) => ({ name, untracked: 1, durationMs: 0 }))));
    const shown = [...svg.matchAll(/<text [^>]*text-anchor="end"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1] as string);
    // 41 letters, 202 units: whole (at most 40 letters were). The long one is cut to the room, and whole in its tooltip.
    expect(shown.slice(0, 2)).toEqual([names[0], 'headquarters first, then the branches…']);
    expect(Math.max(...shown.map((name) => textWidthAtMost(name)))).toBeLessThanOrEqual(CHART_WIDTH / 3);
    expect(svg).toContain(`<title>${names[1]}: 1</title>`);
  });

  it('says a batch chart in a sentence: the bars\' totals and the batch with the most untracked mail', () => {
    const worst = slow.batchTimeline.reduce((top, b) => (b.untracked > top.untracked ? b : top));
    expect(worst.untracked).toBeGreaterThan(0);
    const sentence = batchSummary(slow.batchTimeline);
    expect(sentence).toMatch(new RegExp(`^${slow.batches} batches, from the switch to \\+\\S+: `));
    expect(sentence).toContain(`the most untracked in batch ${worst.batch} (${worst.untracked.toLocaleString('en-US')})`);
    const page = renderPlanReport({ kind: 'runs', plans: [{ file: 'small.yaml', result: slow, expected: undefined }] });
    expect(page).toContain(`<p id="plan-1-batches-summary">${escapeHtml(sentence)}</p>`);
    expect(page).toContain('aria-describedby="plan-1-batches-summary"');
  });

  it('says the comparison chart in a sentence, naming every plan tied for the least', () => {
    const sentence = compareSummary([{ name: 'a', untracked: 5, durationMs: 0 }, { name: 'b', untracked: 2, durationMs: 0 }, { name: 'c', untracked: 2, durationMs: 3_600_000 }], false);
    expect(sentence).toBe('The fewest untracked messages: b and c (2); done soonest after the switch: a and b (every mailbox at the switch). Each plan\'s figures are in the table under the chart.');
  });

  it('is the same bytes for the same results', () => {
    const input = { kind: 'runs', plans: [{ file: 'small.yaml', result: slow, expected: undefined }] } as const;
    expect(renderPlanReport(input)).toBe(renderPlanReport(structuredClone(input)));
  });

  it('escapes every text from input: plan names, file names, reasons, recommendations', () => {
    const hostile: PlanResult = {
      ...slow, plan: '<img src=x onerror=alert(1)>',
      counts: { ...slow.counts, untrackedByReason: { '"><b>reason': 1 } },
      recommendations: ['<script>alert("x")</script> & more'],
    };
    const page = renderPlanReport({ kind: 'runs', plans: [{ file: '<i>file</i>.yaml', result: hostile, expected: undefined }, { file: 'f.yaml', result: fast, expected: undefined }] });
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<i>file');
    expect(page).not.toContain('"><b>reason');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
  });

  it('with --compare: a table with a column per plan and a chart of untracked mail and duration', () => {
    const page = renderPlanReport({ kind: 'runs', plans: [{ file: 'slow.yaml', result: slow, expected: undefined }, { file: 'fast.yaml', result: fast, expected: undefined }] });
    expect(page).toContain('id="comparison"');
    expect(page).toMatch(/<th class="num" scope="col">small<\/th><th class="num" scope="col">fast<\/th>/);
    for (const measure of ['untracked', 'durationMs']) {
      expect(page).toContain(`<g data-plan="small" data-measure="${measure}">`);
      expect(page).toContain(`<g data-plan="fast" data-measure="${measure}">`);
    }
    expect(count(page, /<section class="plan"/g)).toBe(2);
  });

  it('with --sweep: each figure\'s median and 95th percentile, how the runs graded', () => {
    const results = sweepSeeds(lossy.seed, 2).map((seed) => runPlan(lossy, seed));
    const sweep = summariseSweep(lossy, results);
    const page = renderPlanReport({ kind: 'sweeps', plans: [{ file: 'small.yaml', result: sweep, expected: undefined }] });
    const untracked = sweep.counts.untracked;
    expect(page).toContain(`<tr data-figure="untracked"><th scope="row">untracked</th><td class="num">${untracked.median.toLocaleString('en-US')}</td><td class="num${untracked.p95 > 0 ? ' bad' : ''}">${untracked.p95.toLocaleString('en-US')}</td></tr>`);
    expect(page).toContain(`data-grade="${sweep.grade}"`);
    expect(page).toContain(`${sweep.seeds.length}: ${sweep.seeds.join(', ')}`);
    expect(page).not.toContain('class="batch"');
  });

  it('prints the side-by-side table as a table up to PRINTED_AS_TABLE_AT_MOST plans, beyond that stacked, its cells named by plan', () => {
    const sweep = summariseSweep(lossy, sweepSeeds(lossy.seed, 2).map((seed) => runPlan(lossy, seed)));
    const page = (plans: number) => renderPlanReport({ kind: 'sweeps', plans: Array.from({ length: plans }, (_, i) => ({ file: `p${i}.yaml`, result: { ...sweep, plan: `p${i}` }, expected: undefined })) });
    expect(page(PRINTED_AS_TABLE_AT_MOST)).toContain('<table class="side-by-side">');
    const stacked = page(PRINTED_AS_TABLE_AT_MOST + 1);
    expect(stacked).toContain('<table class="side-by-side print-stacked">');
    const untracked = /<tr><th scope="row">untracked<\/th>(.*?)<\/tr>/.exec(stacked)?.[1] ?? '';
    expect([...untracked.matchAll(/data-label="([^"]+)"/g)].map((m) => m[1])).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    // "p95" and its figure stay on one line where a printed cell wraps.
    expect(untracked).toContain(`(p95\u00a0${sweep.counts.untracked.p95.toLocaleString('en-US')})`);
  });
});
