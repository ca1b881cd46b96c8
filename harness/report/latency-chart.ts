// The latency histogram: messages per latency bin (acceptance to first activity), with p50 and p95 marked.
import { COLOURS, FONT_PX, countAxis, countAxisMax, n, timeAxis, xOf, yOf, type Plot } from './chart-kit.js';
import { html, type SafeHtml } from './html.js';
import type { LatencyHistogram } from './latency-histogram.js';
import { readableDuration, timeLabel } from './time-ticks.js';

const WIDTH = 1000;
const PLOT: Omit<Plot, 'xMax' | 'yMax'> = { left: 64, top: 40, width: 900, height: 180 };

export function latencyChart(histogram: LatencyHistogram): SafeHtml {
  const xMax = histogram.bins.at(-1)?.toMs ?? 1;
  const plot: Plot = { ...PLOT, xMax, yMax: countAxisMax(Math.max(1, ...histogram.bins.map((b) => b.count)), 5) };
  const bottom = plot.top + plot.height;
  const bars = histogram.bins.filter((b) => b.count > 0).map((b) => {
    const x1 = xOf(plot, b.fromMs);
    const width = Math.max(1, xOf(plot, b.toMs) - x1 - 1);
    return html`<rect data-bin="${b.fromMs}" x="${n(x1 + 0.5)}" y="${n(yOf(plot, b.count))}" width="${n(width)}" height="${n(bottom - yOf(plot, b.count))}" fill="${COLOURS.accepted}"><title>${timeLabel(b.fromMs)} to ${timeLabel(b.toMs)}: ${b.count.toLocaleString('en-US')} messages</title></rect>`;
  });
  const marker = (label: string, ms: number, row: number) => {
    const x = xOf(plot, ms);
    const flip = x > plot.left + plot.width * 0.8;
    return html`<g class="percentile"><line x1="${n(x)}" x2="${n(x)}" y1="${n(plot.top - 4)}" y2="${n(bottom)}" stroke="${COLOURS.text}" stroke-dasharray="4 3"/><text x="${n(flip ? x - 4 : x + 4)}" y="${n(plot.top + 8 + row * 14)}" text-anchor="${flip ? 'end' : 'start'}" font-size="${FONT_PX}" fill="${COLOURS.text}">${label} ${readableDuration(ms)}</text></g>`;
  };
  return html`<svg class="chart latency" viewBox="0 0 ${WIDTH} ${n(bottom + 44)}" role="img" aria-labelledby="latency-title" font-family="system-ui, sans-serif">
<title id="latency-title">Latency from acceptance to first incoming activity: ${histogram.samples.toLocaleString('en-US')} messages</title>
${countAxis(plot, 5)}
${bars}
${timeAxis(plot, 12)}
${marker('p50', histogram.p50Ms, 0)}
${marker('p95', histogram.p95Ms, 1)}
<text x="${n(plot.left)}" y="${n(plot.top - 14)}" text-anchor="middle" font-size="${FONT_PX}" fill="${COLOURS.axis}">messages</text>
<text x="${n(plot.left + plot.width)}" y="${n(bottom + 34)}" text-anchor="end" font-size="${FONT_PX}" fill="${COLOURS.axis}">accepted → first incoming activity</text>
</svg>`;
}
