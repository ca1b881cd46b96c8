// The plan report's charts in words, as the run report's (report/chart-data-html.ts): a screen reader reads an SVG
// image's title and no more, so each chart points (aria-describedby) to a sentence saying what it shows, and its data
// is a table under it: the batch chart's is the folded batch table, the comparison chart's is here.
import { dataTable } from '../report/chart-data-html.js';
import type { SafeHtml } from '../report/html.js';
import { timeLabel } from '../report/time-ticks.js';
import type { ComparedPlan } from './plan-report-compare-chart.js';
import type { BatchFigures } from './plan-metrics.js';

const fmt = (value: number) => value.toLocaleString('en-US');
const sum = (batches: readonly BatchFigures[], key: 'trackedByRouter' | 'trackedBySss' | 'untracked' | 'disabledAtEnd') =>
  batches.reduce((total, b) => total + b[key], 0);

/** The batch chart in a sentence: its bars' totals, the batch with the most untracked mail, and disabled mailboxes. */
export function batchSummary(batches: readonly BatchFigures[]): string {
  const last = batches.at(-1);
  if (last === undefined) return 'No batch was enabled.';
  const switchAt = batches[0]?.enabledAtMs ?? 0;
  const span = batches.length === 1 ? '1 batch, at the switch' : `${fmt(batches.length)} batches, from the switch to +${timeLabel(last.enabledAtMs - switchAt)}`;
  const untracked = sum(batches, 'untracked');
  const worst = batches.reduce((top, b) => (b.untracked > top.untracked ? b : top));
  const most = untracked === 0 ? '' : `; the most untracked in batch ${worst.batch} (${fmt(worst.untracked)})`;
  const disabled = sum(batches, 'disabledAtEnd');
  const off = disabled === 0 ? '' : ` ${fmt(disabled)} ${disabled === 1 ? 'mailbox was' : 'mailboxes were'} disabled at the end.`;
  return `${span}: ${fmt(sum(batches, 'trackedByRouter'))} messages tracked by the router, ${fmt(sum(batches, 'trackedBySss'))} by server-side sync and ${fmt(untracked)} untracked${most}.${off} Each batch's figures are in the table under the chart.`;
}

/** The comparison chart in a sentence: which plan leaves the least untracked and which is done soonest (ties named). */
export function compareSummary(plans: readonly ComparedPlan[], medians: boolean): string {
  const best = (key: 'untracked' | 'durationMs') => {
    const least = Math.min(...plans.map((p) => p[key]));
    return { names: plans.filter((p) => p[key] === least).map((p) => p.name).join(' and '), least };
  };
  const fewest = best('untracked');
  const soonest = best('durationMs');
  return `${medians ? 'By the medians, the' : 'The'} fewest untracked messages: ${fewest.names} (${fmt(fewest.least)}); done soonest after the switch: ${soonest.names} (${soonest.least === 0 ? 'every mailbox at the switch' : timeLabel(soonest.least)}). Each plan's figures are in the table under the chart.`;
}

export function compareTable(plans: readonly ComparedPlan[]): SafeHtml {
  return dataTable('The chart as a table', 'Comparison table: untracked mail and duration per plan', ['plan', 'untracked', 'duration'], 1, plans.map((p) => [p.name, fmt(p.untracked), timeLabel(p.durationMs)]));
}
