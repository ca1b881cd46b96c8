// The readers' reads and positions the trainer view draws (harness/demo/read-watch.ts), for lesson 3, against the
// runs' own records: each read the demo shows is a request the reader made of Exchange at that very instant (the
// trace), every message a reader asked CRM about was read from one of its mailboxes between its delivery and the
// question (the ledger), every position is the received time of a message in that mailbox's Inbox, and the last one
// is what the reader's durable state holds at the end (R8's ThresholdDate, S6's watermark). Watching changes nothing:
// the trace hash is the same with and without.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../../sim/core/trace.js';
import type { RouterDurable } from '../../../fakes/router/router-service.js';
import type { SssDurable } from '../../../fakes/sss/sss-service.js';
import { buildDemo } from '../../../harness/demo/build-demo.js';
import type { DemoLane, DemoReads, ReaderId } from '../../../harness/demo/demo-data.js';
import { loadLesson, type Lesson } from '../../../harness/demo/lane-variants.js';
import { READ_WATCH_KINDS, deltas, undelta, watchReads } from '../../../harness/demo/read-watch.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { routerInstanceNames } from '../../../harness/scenario/routers.js';
import { repoRoot } from '../../helpers/cli.js';

const LESSON_3 = join(repoRoot, 'scenarios', 'lesson-3-sync-cycle-and-watermark.yaml');
const HOUR = 3_600_000;

/** Each Inbox read request a reader's actors made of Exchange, by time, as the trace records them (not by mailbox:
 * the trace's request records name the server). */
function requestTimes(lesson: Lesson, lane: DemoLane['id']): Map<number, number> {
  const scenario = lesson.lanes[lane];
  const readers = new Set([...routerInstanceNames(scenario), ...(scenario.sss === undefined ? [] : [scenario.sss.name])]);
  const times = new Map<number, number>();
  runScenario(scenario, {
    traceKinds: new Set(['request']),
    traceSink: (r: TraceRecord) => {
      if (r.tag === 'mailbox-read' && readers.has(r.peer ?? '')) times.set(r.timeMs, (times.get(r.timeMs) ?? 0) + 1);
    },
  });
  return times;
}

/** What is wrong with the lane's reads against the trace's requests: a read shown where no request was made. */
function readsWithoutRequest(reads: readonly DemoReads[], requests: ReadonlyMap<number, number>): string[] {
  const left = new Map(requests);
  const wrong: string[] = [];
  for (const r of reads) {
    for (const t of [...undelta(r.reads), ...undelta(r.failed ?? [])]) {
      const n = left.get(t) ?? 0;
      if (n === 0) wrong.push(`${r.by} ${r.place} at ${t} ms`);
      else left.set(t, n - 1);
    }
  }
  return wrong;
}

const ofBy = (lane: DemoLane, by: ReaderId) => (lane.reads ?? []).filter((r) => r.by === by);

describe('the readers the trainer view draws (lesson 3)', async () => {
  const lesson = await loadLesson(LESSON_3);
  const { data, outcomes } = buildDemo(lesson);
  const [router, sss] = data.lanes;

  it('reads each user\'s Inbox: the router every minute (R8), sync every 5 minutes (S5), each read a request the run made then', () => {
    expect(ofBy(router, 'router').map((r) => r.place)).toEqual(['mailbox:paul@contoso.example', 'mailbox:anna@contoso.example', 'mailbox:ines@contoso.example']);
    expect(ofBy(sss, 'sss').map((r) => r.place)).toEqual(ofBy(router, 'router').map((r) => r.place));
    const gaps = (rs: readonly DemoReads[]) => rs.flatMap((r) => r.reads.slice(1));
    // The router: a minute, and a little more when a cycle took time; 5 minutes of it stopped at 3h (the state reset).
    expect(Math.min(...gaps(ofBy(router, 'router')))).toBeGreaterThanOrEqual(60_000);
    expect(gaps(ofBy(router, 'router')).filter((g) => g > 62_000)).toHaveLength(3);
    // Sync: 5 minutes after the last cycle ended, and the Test & Enable at 3h reads each Inbox once more (S3).
    for (const r of ofBy(sss, 'sss')) {
      const reads = undelta(r.reads);
      const tests = reads.filter((t) => t >= 3 * HOUR && t < 3 * HOUR + 10_000);
      expect(tests, r.place).toHaveLength(1);
      const cycles = reads.filter((t) => !tests.includes(t));
      expect(Math.min(...deltas(cycles).slice(1)), r.place).toBeGreaterThanOrEqual(300_000);
    }

    // The router makes no other requests for mailbox items: every request is a read shown, and every read shown a request.
    const routerRequests = requestTimes(lesson, 'router');
    expect(readsWithoutRequest(router.reads ?? [], routerRequests)).toEqual([]);
    expect(ofBy(router, 'router').reduce((n, r) => n + r.reads.length, 0)).toBe([...routerRequests.values()].reduce((a, b) => a + b, 0));
    // Sync also reads what the person tracked (S16), so it makes more requests than Inbox reads.
    expect(readsWithoutRequest(sss.reads ?? [], requestTimes(lesson, 'sss'))).toEqual([]);

    // A read shown a millisecond off, where the run made no request, is caught (the next read keeps its time).
    const [first, ...rest] = ofBy(router, 'router');
    const shifted = { ...first!, reads: [first!.reads[0]! + 1, first!.reads[1]! - 1, ...first!.reads.slice(2)] };
    expect(readsWithoutRequest([shifted, ...rest], routerRequests)).toHaveLength(1);
  });

  it('read every message a reader asked CRM about from its mailbox between its delivery and the question (the ledger)', () => {
    for (const [lane, by] of [[router, 'router'], [sss, 'sss']] as const) {
      const reads = new Map(ofBy(lane, by).map((r) => [r.place.slice('mailbox:'.length), undelta(r.reads)]));
      let asked = 0;
      for (const life of outcomes[lane.id].ledger.messages()) {
        const delivered = life.path.filter((s) => s.step === 'delivered' && s.detail.includes('/Inbox '));
        for (const question of life.path.filter((s) => s.step === 'evaluated' && s.detail.startsWith(`${by}:`))) {
          asked++;
          const readThen = delivered.some((d) => (reads.get(d.detail.split('/')[0] ?? '') ?? []).some((t) => t >= d.atMs && t <= question.atMs));
          expect(readThen, `${lane.id} ${life.messageId} asked at ${question.atMs} ms`).toBe(true);
        }
      }
      expect(asked, lane.id).toBeGreaterThan(20);
    }
  });

  it('moves each position to the received time of a message in that Inbox, ends where the reader\'s state file or record does, and starts over at 3h', () => {
    const ends: Record<ReaderId, Map<string, number | null>> = { router: new Map(), sss: new Map() };
    for (const id of ['router', 'sss'] as const) {
      runScenario(lesson.lanes[id], {
        atEnd: (engine) => {
          if (id === 'router') for (const p of (engine.durableOf('router') as RouterDurable).state.providers.values()) ends.router.set(p.emailAddress, p.thresholdMs);
          else for (const [address, rec] of (engine.durableOf('sss') as SssDurable).records) ends.sss.set(address, rec.watermarkMs);
        },
      });
    }
    for (const [lane, by] of [[router, 'router'], [sss, 'sss']] as const) {
      const received = new Map<string, Set<number>>();
      for (const life of outcomes[lane.id].ledger.messages()) {
        for (const d of life.path.filter((s) => s.step === 'delivered' && s.detail.includes('/Inbox '))) {
          const mailbox = d.detail.split('/')[0] ?? '';
          received.set(mailbox, (received.get(mailbox) ?? new Set()).add(d.atMs));
        }
      }
      for (const r of ofBy(lane, by)) {
        const mailbox = r.place.slice('mailbox:'.length);
        for (const [at, upTo] of r.upTo) if (upTo !== null) expect(received.get(mailbox)?.has(upTo), `${by} ${mailbox} up to ${upTo} at ${at}`).toBe(true);
        expect(r.upTo.at(-1)?.[1], `${by} ${mailbox} at the end`).toBe(ends[by].get(mailbox));
        // KB2491350's reset (R8) and Test & Enable (S3): back to nothing, once, at 3h (sync's within its 10-second tick).
        const resets = r.upTo.filter(([, upTo]) => upTo === null).map(([at]) => at);
        expect(resets, `${by} ${mailbox}`).toHaveLength(1);
        expect(resets[0]! - 3 * HOUR).toBeGreaterThanOrEqual(0);
        expect(resets[0]! - 3 * HOUR).toBeLessThan(10_000);
      }
    }
  });

  it('changes no trace hash: the runs watched and not watched are the same runs', () => {
    for (const id of ['router', 'sss'] as const) {
      const watch = watchReads(lesson.lanes[id]);
      const watched = runScenario(lesson.lanes[id], { traceSink: watch.sink, traceKinds: READ_WATCH_KINDS, watchActor: watch.watchActor });
      expect(watched.traceHash, id).toBe(runScenario(lesson.lanes[id]).traceHash);
      expect(watch.reads(['mailbox:paul@contoso.example']).length, id).toBe(1);
    }
  });

  it('keeps the page\'s reads short: the first time, then the gaps', () => {
    expect(deltas([60_000, 120_500, 180_500])).toEqual([60_000, 60_500, 60_000]);
    expect(undelta(deltas([5, 7, 7, 100]))).toEqual([5, 7, 7, 100]);
    expect(JSON.stringify(data.lanes.map((l) => l.reads)).length).toBeLessThan(12_000);
  });
});
