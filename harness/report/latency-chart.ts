// The latency histogram: one equal-width bar per latency range (the ranges widen, see latency-histogram.ts), each
// range's edges labelled under the axis, with p50 and p95 marked above the bars where their labels cannot collide.
import { COLOURS, FONT_PX, countAxis, countAxisMax, n, plotFittingCounts, textWidth, yOf, type Plot } from './chart-kit.js';
import { html, type SafeHtml } from './html.js';
import type { LatencyHistogram } from './latency-histogram.js';
import { readableDuration, timeLabel } from './time-ticks.js';

const WIDTH = 1000;
const PLOT: Omit<Plot, 'xMax' | 'yMax'> = { left: 64, top: 56, width: 900, height: 180 };

export function latencyChart(histogram: LatencyHistogram): SafeHtml {
  const { bins } = histogram;
  const yMax = countAxisMax(Math.max(1, ...bins.map((b) => b.count)), 5);
  const plot: Plot = { ...plotFittingCounts(PLOT, yMax, 5), xMax: bins.length, yMax };
  const bottom = plot.top + plot.height;
  const barPx = plot.width / bins.length;
  const bars = bins.map((b, i) => {
    const x = plot.left + i * barPx;
    const range = `${timeLabel(b.fromMs)} to ${timeLabel(b.toMs)}`;
    return html`<g><rect data-bin="${b.fromMs}" x="${n(x + 1)}" y="${n(yOf(plot, b.count))}" width="${n(barPx - 2)}" height="${n(bottom - yOf(plot, b.count))}" fill="${COLOURS.accepted}"><title>${range}: ${b.count.toLocaleString('en-US')} messages</title></rect>${b.count > 0 ? html`<text x="${n(x + barPx / 2)}" y="${n(yOf(plot, b.count) - 4)}" text-anchor="middle" font-size="${FONT_PX - 1}" fill="${COLOURS.axis}">${b.count.toLocaleString('en-US')}</text>` : null}</g>`;
  });
  // Edge labels, thinned when bars are too narrow for every one.
  const every = Math.max(1, Math.ceil((textWidth('30m') + 10) / barPx));
  const edges = [...bins.map((b) => b.fromMs), bins.at(-1)?.toMs ?? 0];
  const ticks = edges.map((ms, i) => (i % every === 0 || i === edges.length - 1 ? html`<line x1="${n(plot.left + i * barPx)}" x2="${n(plot.left + i * barPx)}" y1="${n(bottom)}" y2="${n(bottom + 5)}" stroke="${COLOURS.axis}"/><text x="${n(plot.left + i * barPx)}" y="${n(bottom + 18)}" text-anchor="middle">${timeLabel(ms)}</text>` : null));
  /** Where a latency sits: its bar, and linearly within it. */
  const xOfMs = (ms: number): number => {
    const i = bins.findIndex((b) => ms < b.toMs);
    const bin = bins[i === -1 ? bins.length - 1 : i];
    if (bin === undefined) return plot.left;
    const within = Math.min(1, (ms - bin.fromMs) / (bin.toMs - bin.fromMs));
    return plot.left + ((i === -1 ? bins.length - 1 : i) + within) * barPx;
  };
  const marker = (label: string, ms: number, row: number) => {
    const x = xOfMs(ms);
    const flip = x > plot.left + plot.width * 0.75;
    const y = plot.top - 30 + row * 15;
    return html`<g class="percentile"><line x1="${n(x)}" x2="${n(x)}" y1="${n(y + 3)}" y2="${n(bottom)}" stroke="${COLOURS.text}" stroke-dasharray="4 3"/><text x="${n(flip ? x - 4 : x + 4)}" y="${n(y)}" text-anchor="${flip ? 'end' : 'start'}" font-size="${FONT_PX}" fill="${COLOURS.text}">${label} ${readableDuration(ms)}</text></g>`;
  };
  return html`<svg class="chart latency" viewBox="0 0 ${WIDTH} ${n(bottom + 44)}" role="img" aria-labelledby="latency-title" font-family="system-ui, sans-serif">
<title id="latency-title">Latency from acceptance to first incoming activity: ${histogram.samples.toLocaleString('en-US')} messages</title>
${countAxis(plot, 5)}
${bars}
<g class="x-axis" font-size="${FONT_PX}" fill="${COLOURS.axis}"><line x1="${n(plot.left)}" x2="${n(plot.left + plot.width)}" y1="${n(bottom)}" y2="${n(bottom)}" stroke="${COLOURS.axis}"/>${ticks}</g>
${marker('p50', histogram.p50Ms, 0)}
${marker('p95', histogram.p95Ms, 1)}
<text x="${n(plot.left + plot.width)}" y="${n(bottom + 34)}" text-anchor="end" font-size="${FONT_PX}" fill="${COLOURS.axis}">accepted → first incoming activity (ranges widen to the right)</text>
</svg>`;
}
