// The report's pieces one by one: fault bands from the applied faults, the timeline's series, a message's facts and
// outcome, the latency histogram, axis ticks and trimmed paths; and the bands of a real run recorded from its trace.
import { describe, expect, it } from 'vitest';
import { recordFaults } from '../../../harness/report/applied-faults.js';
import { barCountLayout } from '../../../harness/report/bar-counts.js';
import { FONT_PX, labelsClear, textCutTo, textWidthAtMost, thinnedLabels, timeAxis } from '../../../harness/report/chart-kit.js';
import { latencyChart, placePercentileLabels } from '../../../harness/report/latency-chart.js';
import { latencyHistogram, type LatencyHistogram } from '../../../harness/report/latency-histogram.js';
import { messageFacts, outcomeOf } from '../../../harness/report/message-facts.js';
import { sampleMessages } from '../../../harness/report/message-sample.js';
import { scanLedger } from '../../../harness/report/ledger-scan.js';
import { reportData } from '../../../harness/report/report-data.js';
import { countTicks, niceDurationStepMs, readableDuration, timeLabel, timeTicksMs } from '../../../harness/report/time-ticks.js';
import { timelineBands } from '../../../harness/report/timeline-bands.js';
import { timelineSeries } from '../../../harness/report/timeline-series.js';
import { trimPath } from '../../../harness/report/trimmed-path.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { loadScenarioFile } from '../../../harness/scenario/load-scenario.js';
import { deliver, manualLedger } from '../../helpers/ledger-fixtures.js';
import { manyBinsHistogram } from './many-bins.js';

const M = 60_000;
const H = 60 * M;

describe('timeline bands', () => {
  it('pairs a fault with its end on the same target, and leaves one the run never ended open to the end', () => {
    const bands = timelineBands([
      { atMs: 30 * M, verb: 'down', target: 'mailbox' },
      { atMs: 40 * M, verb: 'crash', target: 'consumer' },
      { atMs: 50 * M, verb: 'up', target: 'other' },
      { atMs: 70 * M, verb: 'up', target: 'mailbox' },
      { atMs: 80 * M, verb: 'goOffline', target: 'crm' },
    ], 2 * H);
    expect(bands).toEqual([
      { kind: 'fault', label: 'down mailbox', fromMs: 30 * M, toMs: 70 * M, ended: true, marksMs: [], partial: false },
      { kind: 'fault', label: 'crash consumer', fromMs: 40 * M, toMs: 2 * H, ended: false, marksMs: [], partial: false },
      // An end with nothing to end is an operation of its own.
      { kind: 'operation', label: 'up other', fromMs: 50 * M, toMs: 50 * M, ended: true, marksMs: [50 * M], partial: false },
      { kind: 'fault', label: 'goOffline crm', fromMs: 80 * M, toMs: 2 * H, ended: false, marksMs: [], partial: false },
    ]);
  });

  it('names the mailbox or database a lasting fault hits, and ends it only by an end for the same one (or for all)', () => {
    const bands = timelineBands([
      { atMs: 1 * H, verb: 'denyMailboxAccess', target: 'sss', params: { mailbox: 'anna@contoso.example' } },
      { atMs: 2 * H, verb: 'denyMailboxAccess', target: 'sss', params: { mailboxes: ['paul@contoso.example', 'ines@contoso.example'] } },
      { atMs: 3 * H, verb: 'dismount', target: 'ex1', params: { database: 'db1' } },
      { atMs: 4 * H, verb: 'grantMailboxAccess', target: 'sss', params: { mailbox: 'ines@contoso.example' } },
      { atMs: 5 * H, verb: 'grantMailboxAccess', target: 'sss', params: { mailbox: 'anna@contoso.example' } },
      { atMs: 6 * H, verb: 'mount', target: 'ex1', params: { database: 'db2' } },
      { atMs: 7 * H, verb: 'grantMailboxAccess', target: 'sss' },
    ], 10 * H);
    expect(bands.filter((b) => b.kind === 'fault').map((b) => [b.label, b.fromMs, b.toMs, b.ended])).toEqual([
      ['denyMailboxAccess sss (anna@contoso.example)', 1 * H, 5 * H, true],
      // Ines's grant ends half of it; access granted to all ends the rest. No mount of db1 ever came.
      ['denyMailboxAccess sss (2 mailboxes)', 2 * H, 7 * H, true],
      ['dismount ex1 (db1)', 3 * H, 10 * H, false],
    ]);
    // A fault on some mailboxes is not an outage of its target, as a dismounted database is for all its mailboxes.
    expect(bands.filter((b) => b.kind === 'fault').map((b) => b.partial)).toEqual([true, true, false]);
    // A list ends when each of its mailboxes has been granted, by any grants; another list of the same size does not.
    const lists = timelineBands([
      { atMs: 1 * H, verb: 'denyMailboxAccess', target: 'sss', params: { mailboxes: ['paul@contoso.example', 'ines@contoso.example'] } },
      { atMs: 2 * H, verb: 'grantMailboxAccess', target: 'sss', params: { mailboxes: ['anna@contoso.example', 'omar@contoso.example'] } },
      { atMs: 3 * H, verb: 'grantMailboxAccess', target: 'sss', params: { mailbox: 'paul@contoso.example' } },
      { atMs: 4 * H, verb: 'grantMailboxAccess', target: 'sss', params: { mailboxes: ['ines@contoso.example', 'anna@contoso.example'] } },
    ], 10 * H);
    expect(lists.filter((b) => b.kind === 'fault').map((b) => [b.label, b.fromMs, b.toMs])).toEqual([['denyMailboxAccess sss (2 mailboxes)', 1 * H, 4 * H]]);
    // Denied to all, granted to one: still denied to the rest. Denied again while half granted: all of it again.
    const all = timelineBands([
      { atMs: 1 * H, verb: 'denyMailboxAccess', target: 'sss' },
      { atMs: 2 * H, verb: 'grantMailboxAccess', target: 'sss', params: { mailbox: 'paul@contoso.example' } },
      { atMs: 3 * H, verb: 'denyMailboxAccess', target: 'sss', params: { mailboxes: ['paul@contoso.example', 'ines@contoso.example'] } },
      { atMs: 4 * H, verb: 'grantMailboxAccess', target: 'sss', params: { mailbox: 'paul@contoso.example' } },
      { atMs: 5 * H, verb: 'denyMailboxAccess', target: 'sss', params: { mailboxes: ['paul@contoso.example', 'ines@contoso.example'] } },
      { atMs: 6 * H, verb: 'grantMailboxAccess', target: 'sss', params: { mailbox: 'ines@contoso.example' } },
      { atMs: 7 * H, verb: 'grantMailboxAccess', target: 'sss', params: { mailbox: 'paul@contoso.example' } },
    ], 10 * H);
    expect(all.filter((b) => b.kind === 'fault').map((b) => [b.label, b.fromMs, b.toMs, b.ended])).toEqual([
      ['denyMailboxAccess sss', 1 * H, 10 * H, false],
      ['denyMailboxAccess sss (2 mailboxes)', 3 * H, 7 * H, true],
    ]);
  });

  it('groups instant operations per verb and target into one lane, and tells instant faults from operations', () => {
    const bands = timelineBands([
      { atMs: 4 * H, verb: 'switchToServerSideSync', target: 'crm' },
      { atMs: 4 * H, verb: 'testAndEnable', target: 'sss' },
      { atMs: 5 * H, verb: 'testAndEnable', target: 'sss' },
      { atMs: 6 * H, verb: 'restore', target: 'ex1' },
      { atMs: 6 * H, verb: 'testAndEnable', target: 'sss' },
      { atMs: 7 * H, verb: 'restart', target: 'router' },
    ], 10 * H);
    expect(bands.map((b) => [b.kind, b.label, b.marksMs])).toEqual([
      ['operation', 'switchToServerSideSync crm', [4 * H]],
      ['operation', 'testAndEnable sss', [4 * H, 5 * H, 6 * H]],
      ['fault', 'restore ex1', [6 * H]],
      ['fault', 'restart router', [7 * H]],
    ]);
  });

  it('ends an outage with Setup /m:RecoverServer, which keeps a mark of its own', () => {
    const bands = timelineBands([
      { atMs: 4 * H, verb: 'down', target: 'ex1' },
      { atMs: 7 * H, verb: 'recoverServer', target: 'ex1' },
    ], 12 * H);
    expect(bands.map((b) => [b.kind, b.label, b.fromMs, b.toMs])).toEqual([
      ['fault', 'down ex1', 4 * H, 7 * H],
      ['operation', 'recoverServer ex1', 7 * H, 7 * H],
    ]);
  });

  it('heals every partition with a heal that names no target', () => {
    const bands = timelineBands([
      { atMs: 1 * H, verb: 'partition', target: 'a' },
      { atMs: 2 * H, verb: 'partition', target: 'b' },
      { atMs: 3 * H, verb: 'heal', target: '' },
    ], 4 * H);
    expect(bands.map((b) => [b.label, b.fromMs, b.toMs, b.ended])).toEqual([['partition a', 1 * H, 3 * H, true], ['partition b', 2 * H, 3 * H, true]]);
  });

  it('come from the trace of a real run: hello\'s outage and crash', () => {
    const scenario = loadScenarioFile('scenarios/hello.yaml');
    const faults = recordFaults();
    const outcome = runScenario(scenario, { traceSink: faults.sink });
    const data = reportData({ outcome, file: 'scenarios/hello.yaml', scenario, applied: faults.applied });
    expect(data.bands.map((b) => [b.kind, b.label, b.fromMs, b.toMs])).toEqual([
      ['fault', 'down mailbox', 30 * M, 70 * M],
      ['fault', 'crash consumer', 90 * M + 21_000, 95 * M],
    ]);
    // The series end where the counts do.
    const last = data.timeline.at(-1);
    expect(last?.atMs).toBe(outcome.simulatedMs);
    expect(last?.accepted).toBe(outcome.counts.accepted);
    expect(last?.tracked).toBe(outcome.counts.tracked);
    expect(last?.backlog).toBe(outcome.counts.pending + outcome.counts.untracked);
    // The histogram's percentiles are the latency check's.
    const latency = outcome.checks.find((c) => c.name === 'latency')?.measurements;
    expect(data.latency).toMatchObject({ samples: latency?.['samples'], p50Ms: latency?.['p50Ms'], p95Ms: latency?.['p95Ms'], maxMs: latency?.['maxMs'] });
    expect(data.latency?.bins.reduce((sum, b) => sum + b.count, 0)).toBe(data.latency?.samples);
  });
});

describe('timeline series', () => {
  it('counts accepted and activities cumulatively and the backlog between entering and settling', () => {
    const points = timelineSeries({
      acceptedAtMs: [10, 20, 30],
      activityAtMs: [25, 35],
      enteredAtMs: [5, 15, 25],
      settledAtMs: [25, 35],
    }, 40, 4);
    expect(points).toEqual([
      { atMs: 0, accepted: 0, tracked: 0, backlog: 0 },
      { atMs: 10, accepted: 1, tracked: 0, backlog: 1 },
      { atMs: 20, accepted: 2, tracked: 0, backlog: 2 },
      { atMs: 30, accepted: 3, tracked: 1, backlog: 2 },
      { atMs: 40, accepted: 3, tracked: 2, backlog: 1 },
    ]);
  });
});

describe('a message\'s facts and outcome', () => {
  it('tracked: settles at its first incoming activity, latency from acceptance', () => {
    const { ledger, at } = manualLedger();
    at(1_000);
    deliver(ledger, 'm1');
    at(61_000);
    ledger.activityCreated('m1', 'a1', 'incoming', 'router');
    const life = ledger.get('m1');
    if (life === undefined) throw new Error('m1 missing');
    expect(messageFacts(life)).toEqual({ enteredAtMs: 1_000, settledAtMs: 61_000, latencyMs: 60_000, firstActivityAtMs: 61_000 });
    expect(outcomeOf(life, undefined)).toBe('tracked');
  });

  it('untracked, lost and pending messages say so, worst first', () => {
    const { ledger, at } = manualLedger();
    deliver(ledger, 'untracked');
    ledger.untracked('untracked', 'not-in-root-inbox');
    deliver(ledger, 'lost');
    at(5_000);
    ledger.removed('lost', 'alice', 'rolled-back');
    ledger.submitted('queued', 'someone@outside.example', ['alice']);
    const outcome = (id: string, where?: string) => outcomeOf(ledger.get(id)!, where);
    expect(outcome('untracked')).toBe('untracked: not-in-root-inbox');
    expect(messageFacts(ledger.get('untracked')!).settledAtMs).toBeNull();
    expect(outcome('lost')).toBe('lost');
    // Every eligible copy gone: nothing left to wait on.
    expect(messageFacts(ledger.get('lost')!).settledAtMs).toBe(5_000);
    expect(outcome('queued', 'sender queue')).toBe('pending: sender queue');
  });
});

describe('mail queued before acceptance', () => {
  it('counts what waited at its sender, the longest wait, and submission to first activity (the latency starts later)', () => {
    const { ledger, at } = manualLedger();
    deliver(ledger, '<on-time@x>');
    ledger.activityCreated('<on-time@x>', 'a1', 'incoming', 'sss');
    // Submitted at 0, refused while the server is down, accepted at 90 minutes, tracked 2 minutes later.
    ledger.submitted('<late@x>', 'someone@outside.example', ['alice']);
    at(90 * M);
    ledger.accepted('<late@x>', ['alice']);
    ledger.delivered('<late@x>', 'alice', 'user', 'Inbox', true);
    at(92 * M);
    ledger.activityCreated('<late@x>', 'a2', 'incoming', 'sss');
    const scan = scanLedger(ledger, 2 * H, new Map());
    expect(scan.queued).toEqual({ messages: 1, longestMs: 90 * M, submissionToActivityMaxMs: 92 * M });
    // The latency the check measures is the 2 minutes after acceptance.
    expect(Math.max(...scan.latenciesMs)).toBe(2 * M);
    const { ledger: calm } = manualLedger();
    deliver(calm, '<m@x>');
    expect(scanLedger(calm, H, new Map()).queued.messages).toBe(0);
  });
});

describe('latency histogram', () => {
  it('bins on a ladder of round ranges from the fastest to the slowest message, with nearest-rank percentiles', () => {
    const h = latencyHistogram([20_000, 30_000, 60_000, 90_000, 3 * H]);
    expect(h).not.toBeNull();
    expect(h?.bins.map((b) => [timeLabel(b.fromMs), b.count])).toEqual([
      ['10s', 1], ['30s', 1], ['1m', 2], ['2m', 0], ['5m', 0], ['10m', 0], ['15m', 0], ['30m', 0], ['1h', 0], ['2h', 1],
    ]);
    expect(h?.bins.at(-1)?.toMs).toBe(4 * H);
    expect([h?.samples, h?.p50Ms, h?.p95Ms, h?.maxMs]).toEqual([5, 60_000, 3 * H, 3 * H]);
    expect(latencyHistogram([])).toBeNull();
  });

  it("places p50's and p95's labels off each other's dashed lines, whether they are far apart, close, or at an edge", () => {
    // The scale run: p50 and p95 in one bar 75 px apart; p95's label ran over p50's line.
    const spans = (placed: ReturnType<typeof placePercentileLabels>) => placed.map((l) => ({ row: l.row, side: l.side }));
    const text = (t: string, x: number) => ({ text: t, x });
    // Close: each label on its outward side, both on the top row.
    expect(spans(placePercentileLabels([text('p50 2m 31s', 810), text('p95 4m 46s', 880)], 1000)))
      .toEqual([{ row: 0, side: 'left' }, { row: 0, side: 'right' }]);
    // At the right edge p95's label has no room on its right, so it reaches over p50's line: it goes on top.
    expect(spans(placePercentileLabels([text('p50 2m 31s', 930), text('p95 4m 46s', 990)], 1000)))
      .toEqual([{ row: 1, side: 'left' }, { row: 0, side: 'left' }]);
    // At the left edge p50's label reaches over p95's line: p50 on top.
    expect(spans(placePercentileLabels([text('p50 1s', 10), text('p95 3s', 40)], 1000)))
      .toEqual([{ row: 0, side: 'right' }, { row: 1, side: 'right' }]);
    // The same instant: one line, a label either side of it.
    expect(spans(placePercentileLabels([text('p50 5m', 500), text('p95 5m', 500)], 1000)))
      .toEqual([{ row: 0, side: 'left' }, { row: 0, side: 'right' }]);
  });

  it('puts a count across its bar when it fits there, else upright, with room above the tallest bar', () => {
    // The cutover's: 15 bars of 39 units, counts up to 162 (24 units).
    expect(barCountLayout(['1', '52', '162'], 39)).toEqual({ upright: false, room: 4 + FONT_PX });
    // Twenty-five bars of 24 units, six-figure counts (52 units): upright, as tall as the widest.
    const crowded = barCountLayout(['100,000', '990,664'], 24);
    expect(crowded.upright).toBe(true);
    expect(crowded.room).toBeGreaterThan(50);
    expect(crowded.room).toBeLessThan(60);
    // The plot starts lower by that room; the percentile labels stay where they were, above it.
    const h = latencyHistogram(Array.from({ length: 25 }, (_, i) => (i + 1) * 1_000));
    const svg = latencyChart(h as NonNullable<typeof h>).value;
    expect(svg).toMatch(/<text class="bar-count" x="[\d.]+" y="[\d.]+" text-anchor="middle" font-size="12"/);
    expect(svg).toMatch(/<g class="percentile"><line [^>]*y1="(29|44)"/);
  });

  it('breaks a p50 or p95 line where it would cross a bar\'s count, across or upright, and still runs it to the axis', () => {
    // cutover-late-process-email-from's: p50's dashes ran through `39`, p95's through `7`. Here each marker falls in
    // the middle of a bar, where its count is.
    const across: LatencyHistogram = { samples: 47, p50Ms: 175, p95Ms: 375, maxMs: 400, bins: [
      { fromMs: 0, toMs: 100, count: 1 }, { fromMs: 100, toMs: 250, count: 39 }, { fromMs: 250, toMs: 500, count: 7 },
    ] };
    // Twenty-five bars of six-figure counts, upright; p50 (3m 20s) near the middle of the 2m to 5m bar.
    const upright = manyBinsHistogram((i) => 100_000 + i * 37_111);
    for (const [name, h] of [['across', across], ['upright', upright]] as const) {
      const svg = latencyChart(h).value;
      const axisY = Number(/<g class="x-axis"[^>]*><line [^>]*y1="([\d.]+)"/.exec(svg)?.[1]);
      const counts = [...svg.matchAll(/<text class="bar-count" x="([\d.]+)" y="([\d.]+)"(?: transform="rotate)?[^>]*>([^<]+)</g)]
        .map((m) => ({ x: Number(m[1]), foot: Number(m[2]), text: m[3] as string, upright: m[0].includes('rotate') }));
      const markers = [...svg.matchAll(/<g class="percentile">(.*?)<text/g)].map((m) => [...(m[1] as string).matchAll(/<line x1="([\d.]+)"[^>]*y1="([\d.]+)" y2="([\d.]+)"/g)]
        .map((l) => ({ x: Number(l[1]), from: Number(l[2]), to: Number(l[3]) })));
      expect(markers, name).toHaveLength(2);
      let crossings = 0;
      for (const lines of markers) {
        expect(lines.at(-1)?.to, name).toBe(axisY);
        for (const c of counts) {
          const half = c.upright ? FONT_PX / 2 : textWidthAtMost(c.text) / 2;
          const [top, bottom] = [c.foot - (c.upright ? textWidthAtMost(c.text) : FONT_PX), c.foot];
          if (Math.abs((lines[0]?.x ?? 0) - c.x) > half) continue;
          crossings++;
          expect(lines.filter((l) => l.from < bottom && top < l.to), `${name}: a marker over ${c.text}`).toEqual([]);
        }
      }
      expect(crossings, name).toBeGreaterThan(0);
    }
  });
});

describe('axes and paths', () => {
  it('labels virtual time at round steps and counts at 1-2-5 steps', () => {
    expect(timeTicksMs(2 * H, 10).map(timeLabel)).toEqual(['0', '15m', '30m', '45m', '1h', '1h 15m', '1h 30m', '1h 45m', '2h']);
    expect(niceDurationStepMs(3 * 86_400_000, 8)).toBe(12 * H);
    expect(countTicks(200, 6)).toEqual([0, 50, 100, 150, 200]);
    expect(countTicks(0, 6)).toEqual([0, 1]);
    expect(readableDuration(526_920)).toBe('8m 47s');
    expect(readableDuration(250)).toBe('250ms');
  });

  it('thins axis labels by their own widths to every k-th, always the first and the last', () => {
    // The histogram's 26 edges, 100ms to 28d, 24.7 units apart: `100ms` is 43 units wide, where `30m` is 30.
    const edges = ['100ms', '250ms', '500ms', '1s', '2s', '5s', '10s', '30s', '1m', '2m', '5m', '10m', '15m', '30m', '1h', '2h', '4h', '8h', '12h', '1d', '2d', '3d', '7d', '14d', '28d', '56d'];
    const labels = edges.map((text, i) => ({ x: i * 24.7, text }));
    expect(labelsClear(labels)).toBe(false);
    const kept = thinnedLabels(labels);
    expect(labelsClear(kept)).toBe(true);
    expect([kept[0]?.text, kept.at(-1)?.text]).toEqual(['100ms', '56d']);
    // Every k-th, but for the last, which may follow the one kept before it more closely.
    const steps = kept.slice(1, -1).map((l, i) => labels.indexOf(l) - labels.indexOf(kept[i] as typeof l));
    expect(new Set(steps).size).toBe(1);
    // Room for all: all of them; for two: the first and the last.
    expect(thinnedLabels(edges.slice(0, 5).map((text, i) => ({ x: i * 100, text })))).toHaveLength(5);
    expect(thinnedLabels([{ x: 0, text: '100ms' }, { x: 30, text: '250ms' }, { x: 60, text: '500ms' }]).map((l) => l.text)).toEqual(['100ms', '500ms']);
  });

  it('takes a longer round step on a time axis whose labels would not stand clear of each other', () => {
    const labelsOf = (width: number) => [...timeAxis({ left: 0, top: 0, width, height: 100, xMax: 2 * H, yMax: 1 }, 10).value.matchAll(/<text x="([\d.]+)"[^>]*>([^<]+)</g)]
      .map((m) => ({ x: Number(m[1]), text: m[2] as string }));
    // 15 minutes apart on a wide plot; on one 300 units wide, `1h 15m` (47 units) would run into its neighbours.
    expect(labelsOf(618).map((l) => l.text)).toEqual(['0', '15m', '30m', '45m', '1h', '1h 15m', '1h 30m', '1h 45m', '2h']);
    const narrow = labelsOf(300);
    expect(labelsClear(narrow)).toBe(true);
    expect(narrow.map((l) => l.text)).toEqual(['0', '30m', '1h', '1h 30m', '2h']);
  });

  it('cuts a label short with an ellipsis where it is wider than its room, using all the room the ellipsis leaves', () => {
    const disabled = 'sync disabled 1 mailbox at Test & Enable (401 Unauthorized): at 8h';
    expect(textCutTo('switchToServerSideSync crm: at 4h', 1_000)).toBe('switchToServerSideSync crm: at 4h');
    const cut = textCutTo(disabled, 200);
    expect(cut).toMatch(/^sync disabled .*…$/);
    expect(textWidthAtMost(cut)).toBeLessThanOrEqual(200);
    // Another letter would not have fitted: no letter is wider than an em.
    expect(textWidthAtMost(cut)).toBeGreaterThan(200 - FONT_PX);
    // cutover-router-to-sss's timeline has 411.1 units left of this lane's mark, and Chromium draws it 405.2 px wide:
    // it was cut to `… (401 Unauthorized…` (373.5 px), as 6 to 10% too wide a letter said it was 445 px.
    expect(textCutTo(disabled, 411.1)).toBe(disabled);
  });

  it('measures labels as Chromium draws them in DejaVu Sans, never less and within 2%', () => {
    // Measured in Chromium at 12 px (13 px for the last), book weight and 600. The measure is a little over: it knows
    // no kerning (`Te` is drawn closer), and allows for Chromium's rounding.
    const measured = [
      ['sync disabled 1 mailbox at Test & Enable (401 Unauthorized): at 8h', {}, 405.17],
      ['abcdefghijklmnopqrstuvwxyz', {}, 175.77],
      ['ABCDEFGHIJKLMNOPQRSTUVWXYZ', {}, 209.67],
      ['1,000,000', {}, 61.08],
      ['1,234,567', { bold: true }, 67.58],
      ['duration, switch to last mailbox enabled (shorter is sooner done)', { bold: true, px: 13 }, 478.81],
    ] as const;
    for (const [text, style, px] of measured) {
      expect(textWidthAtMost(text, style), text).toBeGreaterThanOrEqual(px);
      expect(textWidthAtMost(text, style), text).toBeLessThan(px * 1.02);
    }
    // A character the table does not know counts as wide as the widest letter.
    expect(textWidthAtMost('é')).toBeGreaterThan(textWidthAtMost('W'));
  });

  it('keeps the ends of a long path and says how many steps it left out', () => {
    const path = Array.from({ length: 60 }, (_, i) => ({ atMs: i, step: 'smtp-attempt', detail: `try ${i}` }));
    const trimmed = trimPath(path, 5);
    expect(trimmed.steps.map((s) => s.atMs)).toEqual([0, 1, 2, 3, 4, 55, 56, 57, 58, 59]);
    expect([trimmed.leftOut, trimmed.leftOutAfter]).toEqual([50, 5]);
    expect(trimPath(path.slice(0, 10), 5)).toEqual({ steps: path.slice(0, 10), leftOut: 0, leftOutAfter: 0 });
  });

  it('states a sampling rule that reads right with and without offenders', () => {
    expect(sampleMessages(5_000, []).rule).toBe('This run has 5,000 messages, more than the 2,000 a page holds: the table lists 1,667: every 3rd message in the order the ledger first saw them, starting with the first.');
    expect(sampleMessages(5_000, [[1, 2]]).rule).toMatch(/: all 2 messages a check names, and every 3rd other message in the order/);
  });
});
