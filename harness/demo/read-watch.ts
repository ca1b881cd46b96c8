// What the lane's readers did to each mailbox while the run went on, for the drawing: when the E-mail Router or
// server-side sync asked Exchange for a mailbox's Inbox (R8: each provider every minute; S5: each mailbox one cycle
// every 5 minutes after the last ended; S3: Test & Enable's test read), whether the read reached the mailbox, and how
// far the reader had got: the router's ThresholdDate per mailbox (R8, SystemState.xml) and sync's watermark (S6).
// Neither is in the trace or the ledger (the trace's request records name the server, not the mailbox), so the run
// is watched from the side: each reader gets a context that passes every call on as it is and notes its Inbox reads,
// and its durable state is looked at between trace records. Nothing the models do changes, and neither does the
// trace hash (test/harness/demo/read-watch.test.ts compares it with and without).
import type { ActorContext } from '../../sim/core/actor.js';
import type { TraceKind, TraceRecord, TraceSink } from '../../sim/core/trace.js';
import { MAILBOX_READ, type MailboxRead } from '../../fakes/exchange/mailbox-access.js';
import { MAILBOX_UNAVAILABLE } from '../../fakes/exchange/mailbox-protocol.js';
import type { RouterDurable } from '../../fakes/router/router-service.js';
import type { SssDurable } from '../../fakes/sss/sss-service.js';
import type { ActorWatch } from '../../sim/core/engine.js';
import { routerInstanceNames } from '../scenario/routers.js';
import type { Scenario } from '../scenario/schema.js';
import type { DemoReads, ReaderId } from './demo-data.js';
import { mailboxPlace } from './lane-places.js';

/**
 * The trace records the watch needs to see (besides any a caller wants for itself): every event's, so that a change
 * of a ThresholdDate or a watermark is dated by the event that made it (a fault such as `resetState` too).
 */
export const READ_WATCH_KINDS: ReadonlySet<TraceKind> = new Set<TraceKind>(['start', 'timer', 'message', 'fault']);

export interface ReadWatch {
  /** RunOptions.watchActor of the lane's run. */
  readonly watchActor: ActorWatch;
  /** Hand it every trace record of READ_WATCH_KINDS (before or after the caller's own sink: it changes none). */
  readonly sink: TraceSink;
  /** Once the run is over: each drawn mailbox's reads and positions, per reader, mailboxes in `places` order. */
  reads(places: readonly string[]): DemoReads[];
}

interface Track {
  readonly reads: number[];
  readonly failed: number[];
  readonly upTo: Array<[number, number | null]>;
}

interface Reader {
  readonly by: ReaderId;
  readonly durable: unknown;
  /** Mailbox -> the position last seen (absent: null, nothing read yet or 0001-01-01). */
  readonly seen: Map<string, number | null>;
}

/** The readers' actors of a lane: the router instances (and an injected twin, R13) and the sync service. */
function readersOf(scenario: Scenario): Map<string, ReaderId> {
  const kinds = new Map<string, ReaderId>();
  for (const name of routerInstanceNames(scenario)) kinds.set(name, 'router').set(`${name}-twin`, 'router');
  if (scenario.sss !== undefined) kinds.set(scenario.sss.name, 'sss');
  return kinds;
}

/** Where a reader is in each mailbox it keeps a position for: R8's ThresholdDate, S6's watermark. */
function positionsOf(reader: Reader): Map<string, number | null> {
  const now = new Map<string, number | null>();
  if (reader.by === 'router') {
    for (const p of (reader.durable as RouterDurable).state.providers.values()) now.set(p.emailAddress.toLowerCase(), p.thresholdMs);
  } else {
    for (const [address, record] of (reader.durable as SssDurable).records) now.set(address.toLowerCase(), record.watermarkMs);
  }
  return now;
}

export function watchReads(scenario: Scenario): ReadWatch {
  const kinds = readersOf(scenario);
  const readers = new Map<string, Reader>();
  const tracks = new Map<string, Track>();
  const trackOf = (by: ReaderId, mailbox: string): Track => {
    const key = `${by} ${mailbox}`;
    let track = tracks.get(key);
    if (track === undefined) tracks.set(key, (track = { reads: [], failed: [], upTo: [] }));
    return track;
  };
  /** Positions that moved since the last look, dated `atMs` (the event that moved them). */
  const look = (atMs: number): void => {
    for (const reader of readers.values()) {
      const now = positionsOf(reader);
      for (const mailbox of new Set([...reader.seen.keys(), ...now.keys()])) {
        const was = reader.seen.get(mailbox) ?? null;
        const is = now.get(mailbox) ?? null;
        if (was === is) continue;
        reader.seen.set(mailbox, is);
        // One entry per instant (an item processed, then the next at the same instant), none that says nothing new.
        const upTo = trackOf(reader.by, mailbox).upTo;
        if (upTo[upTo.length - 1]?.[0] === atMs) upTo.pop();
        if ((upTo[upTo.length - 1]?.[1] ?? null) !== is) upTo.push([atMs, is]);
      }
    }
  };
  let lastMs = 0;
  const watchActor: ActorWatch = (name, ctx, durable) => {
    const by = kinds.get(name);
    if (by === undefined) return ctx;
    if (!readers.has(name)) readers.set(name, { by, durable, seen: new Map() });
    return readingContext(ctx, (mailbox, reached) => {
      const track = trackOf(by, mailbox.toLowerCase());
      (reached ? track.reads : track.failed).push(ctx.nowMs());
    });
  };
  return {
    watchActor,
    sink: (record: TraceRecord) => {
      // Every record of an event carries its time: what changed since the last record, changed at the last one's.
      look(lastMs);
      lastMs = record.timeMs;
    },
    reads(places) {
      look(lastMs);
      const out: DemoReads[] = [];
      for (const place of places) {
        for (const by of ['router', 'sss'] as const) {
          const track = tracks.get(`${by} ${place.slice(mailboxPlace('').length)}`);
          if (track === undefined || track.reads.length + track.failed.length === 0) continue;
          out.push({ place, by, reads: deltas(track.reads), ...(track.failed.length === 0 ? {} : { failed: deltas(track.failed) }), upTo: track.upTo });
        }
      }
      return out;
    },
  };
}

/** A context that does all `ctx` does and tells `read` of each request for a mailbox's Inbox, with its outcome. */
function readingContext(ctx: ActorContext, read: (mailbox: string, reached: boolean) => void): ActorContext {
  return {
    name: ctx.name,
    rng: ctx.rng,
    nowMs: () => ctx.nowMs(),
    setTimer: (delayMs, tag, data) => ctx.setTimer(delayMs, tag, data),
    cancelTimer: (id) => ctx.cancelTimer(id),
    send: (to, tag, data, delayMs) => ctx.send(to, tag, data, delayMs),
    note: (tag, detail) => ctx.note(tag, detail),
    exit: () => ctx.exit(),
    request: (to, tag, data) => {
      const reply = ctx.request(to, tag, data);
      // S16's read of what the person tracked (any folder) is not a read of the Inbox.
      if (tag === MAILBOX_READ && (data as MailboxRead).folder === 'Inbox') read((data as MailboxRead).mailbox, reply.ok && reply.value !== MAILBOX_UNAVAILABLE);
      return reply;
    },
  };
}

/** Ascending times as the first and the gaps after it: a lesson's thousands of reads, a minute apart, stay short. */
export function deltas(times: readonly number[]): number[] {
  return times.map((t, i) => t - (i === 0 ? 0 : times[i - 1] ?? 0));
}

/** `deltas` undone. */
export function undelta(gaps: readonly number[]): number[] {
  let at = 0;
  return gaps.map((g) => (at += g));
}
