// The deterministic engine: one virtual clock, one (time, seq)-ordered queue, one seeded PRNG, actors rebuilt from
// durable state, faults applied as data, and a trace hash of everything that happened. Nothing here awaits real I/O.
import type { Actor, ActorContext, ActorFactory, RequestResult } from './actor.js';
import { VirtualClock, assertDurationMs, isDurationMs } from './clock.js';
import { EventQueue, MAX_ACTORS, type QueuedEvent } from './event-queue.js';
import { CORE_FAULT_HANDLERS, type Fault, type FaultApi, type FaultHandler } from './fault.js';
import { Rng } from './rng.js';
import { TRACE_KINDS, TraceHasher, factString, type FactWriter, type TraceKind, type TraceSink } from './trace.js';

export interface EngineOptions {
  seed: number;
  /** Fold every event into the trace hash (default true; the benchmark measures the cost of both). */
  hashTrace?: boolean;
  /** Receives every trace record, for `--trace FILE`. */
  traceSink?: TraceSink;
  /**
   * Only records of these kinds reach `traceSink` (default: all). A report wants the faults and notes alone; making
   * a record for every event and every ledger fact's text, only to drop them, cost seconds at scale.
   */
  traceKinds?: ReadonlySet<TraceKind>;
  /**
   * Give each actor a random stream of its own, seeded from the seed and the actor's name, instead of one stream for
   * the world (the default). Then one part of the world draws the same whatever the others do: the demo's two lanes
   * see the same traffic although one has a router and the other server-side sync.
   */
  rngPerActor?: boolean;
  /**
   * Sees each actor as it is built (at its start, and again after a crash or a stop): its name, its context and its
   * durable state. Returns the context the actor gets: `ctx` itself, or one that passes every call on unchanged while
   * watching what the actor asks of others (the trainer view sees the readers' reads so). It must not act: the trace
   * is the same with it or without it.
   */
  watchActor?: ActorWatch;
}

export type ActorWatch = (name: string, ctx: ActorContext, durable: unknown) => ActorContext;

// Event kinds stored in the low bits of an event's code; the tag id sits above them.
const KIND_START = 0;
const KIND_TIMER = 1;
const KIND_MESSAGE = 2;
const KIND_FAULT = 3;
const KIND_BITS = 2;
const KIND_MASK = (1 << KIND_BITS) - 1;
const NO_ACTOR = -1;
const NO_TAG = '';
/** More events than this at one virtual instant is a model stuck in a zero-delay loop, not a busy world. */
const MAX_EVENTS_PER_INSTANT = 10_000_000;
const TRACE_CODE: Readonly<Record<TraceKind, number>> = Object.fromEntries(TRACE_KINDS.map((k, i) => [k, i])) as never;
const KIND_TO_TRACE: readonly TraceKind[] = ['start', 'timer', 'message', 'fault'];

interface ActorEntry {
  readonly name: string;
  readonly index: number;
  readonly factory: ActorFactory<unknown>;
  durable: unknown;
  readonly ctx: ActorContext;
}

interface MessageRef {
  readonly from: number;
  readonly data: unknown;
}

/** A handle on a spawned actor for the harness and tests. */
export interface ActorHandle<D> {
  readonly name: string;
  readonly durable: D;
  isRunning(): boolean;
}

export class Engine {
  readonly clock = new VirtualClock();
  readonly rng: Rng;
  private readonly queue = new EventQueue();
  private readonly current: QueuedEvent = { timeMs: 0, seq: 0, actor: 0, code: 0, ref: undefined };
  private readonly actors: ActorEntry[] = [];
  // Hot per-actor state kept in flat columns indexed by actor: dispatch touches these, not the entry objects.
  private readonly instances: Array<Actor | null> = [];
  /**
   * The queue's seq mark at the actor's last crash or stop: timers it set before then (smaller seqs) never fire.
   * Seqs are global and increasing, so this needs no per-timer generation.
   */
  private readonly staleBefore: number[] = [];
  private readonly actorIndex = new Map<string, number>();
  private readonly tags: string[] = [];
  private readonly tagIds = new Map<string, number>();
  private lastTag: string | null = null;
  private lastTagId = 0;
  private readonly cancelledTimers = new Set<number>();
  private readonly cutPairs = new Set<number>();
  private readonly faultHandlers = new Map<string, FaultHandler>(Object.entries(CORE_FAULT_HANDLERS));
  private readonly hasher: TraceHasher | null;
  private readonly sink: TraceSink | null;
  /** Per trace kind, whether the sink takes it (all false without a sink; checked after `sink`, the common case). */
  private readonly sinkTakes: Readonly<Record<TraceKind, boolean>>;
  private processed = 0;
  private eventsThisInstant = 0;

  private readonly rngPerActor: boolean;
  private readonly watchActor: ActorWatch | null;

  constructor(options: EngineOptions) {
    this.rng = new Rng(options.seed);
    this.rngPerActor = options.rngPerActor === true;
    this.watchActor = options.watchActor ?? null;
    this.hasher = options.hashTrace === false ? null : new TraceHasher();
    this.sink = options.traceSink ?? null;
    const kinds = options.traceKinds;
    this.sinkTakes = Object.fromEntries(TRACE_KINDS.map((k) => [k, this.sink !== null && (kinds === undefined || kinds.has(k))])) as Record<TraceKind, boolean>;
    this.tagId(NO_TAG); // id 0: start events carry no tag
  }

  get nowMs(): number {
    return this.clock.nowMs;
  }

  /** Events dispatched so far. */
  get eventsProcessed(): number {
    return this.processed;
  }

  /** Events still scheduled (periodic processes always keep some). */
  get pendingEvents(): number {
    return this.queue.size;
  }

  /** Adds an actor; it starts (factory + onStart) as the next event at the current time. */
  spawn<D>(name: string, factory: ActorFactory<D>, durable: D): ActorHandle<D> {
    if (this.actorIndex.has(name)) throw new Error(`actor '${name}' already exists`);
    const index = this.actors.length;
    const entry: ActorEntry = {
      name, index, factory: factory as ActorFactory<unknown>, durable,
      ctx: new BoundContext(this, name, index, this.rngPerActor ? new Rng(actorSeed(this.rng.seed, name)) : this.rng),
    };
    this.actors.push(entry);
    this.instances.push(null);
    this.staleBefore.push(0);
    this.actorIndex.set(name, index);
    this.hasher?.text(name);
    this.queue.push(this.nowMs, index, KIND_START, undefined);
    return new SpawnedActor<D>(this.instances, entry);
  }

  /** Registers a verb that later models add (restore, resetState, ...). Core verbs cannot be replaced. */
  defineFaultVerb(verb: string, handler: FaultHandler): void {
    if (verb in CORE_FAULT_HANDLERS) throw new Error(`fault verb '${verb}' is built in`);
    this.faultHandlers.set(verb, handler);
  }

  /** Whether a fault of this verb can be scheduled (built in, or defined by a model of this world). */
  hasFaultVerb(verb: string): boolean {
    return this.faultHandlers.has(verb);
  }

  /** Schedules a fault at an absolute virtual time. */
  scheduleFault(atMs: number, fault: Fault): void {
    assertDurationMs(atMs, 'fault time');
    if (atMs < this.nowMs) throw new Error(`fault '${fault.verb}' at ${atMs} ms is in the past (now ${this.nowMs} ms)`);
    if (!this.faultHandlers.has(fault.verb)) throw new Error(`unknown fault verb '${fault.verb}'`);
    const target = fault.target === undefined ? NO_ACTOR : this.indexOf(fault.target);
    // Fault data (peers, params) is part of what happened: hash its canonical form when it is scheduled.
    this.hasher?.text(canonicalJson(fault));
    this.queue.push(atMs, target, KIND_FAULT | (this.tagId(fault.verb) << KIND_BITS), fault);
  }

  /** Runs one event; false when the queue is empty. */
  step(): boolean {
    const ev = this.current;
    if (!this.queue.pop(ev)) return false;
    if (ev.timeMs === this.clock.nowMs) {
      if (++this.eventsThisInstant > MAX_EVENTS_PER_INSTANT) {
        throw new Error(`livelock: over ${MAX_EVENTS_PER_INSTANT} events at virtual time ${ev.timeMs} ms (a zero-delay loop in a model?)`);
      }
    } else {
      this.clock.advanceTo(ev.timeMs);
      this.eventsThisInstant = 1;
    }
    this.processed++;
    const kind = ev.code & KIND_MASK;
    const tag = ev.code >>> KIND_BITS;
    const peer = kind === KIND_MESSAGE ? (ev.ref as MessageRef).from : NO_ACTOR;
    if (this.hasher !== null) this.hasher.record(ev.timeMs, ev.seq, kind, ev.actor, tag, peer);
    if (this.sink !== null && this.sinkTakes[KIND_TO_TRACE[kind] as TraceKind]) {
      this.emit(KIND_TO_TRACE[kind] as TraceKind, ev.seq, ev.actor, tag, peer, kind === KIND_FAULT ? faultDetail(ev.ref as Fault) : undefined);
    }
    switch (kind) {
      case KIND_TIMER:
        this.fireTimer(ev, tag);
        break;
      case KIND_MESSAGE:
        this.deliverMessage(ev, tag);
        break;
      case KIND_FAULT:
        this.applyFault(ev.ref as Fault);
        break;
      default:
        this.startActor(ev.actor);
    }
    return true;
  }

  /** Runs every event up to and including `untilMs`, then leaves the clock at `untilMs`. Returns events run. */
  run(options: { untilMs: number }): number {
    const before = this.processed;
    while (this.queue.size > 0 && this.queue.peekTimeMs() <= options.untilMs) this.step();
    if (options.untilMs > this.nowMs && Number.isFinite(options.untilMs)) this.clock.advanceTo(options.untilMs);
    return this.processed - before;
  }

  /** An actor's durable state, for tests and reports that look inside a world (read it, do not change it). */
  durableOf(name: string): unknown {
    return this.faultApi.durableOf(name);
  }

  /** Is the actor running (not crashed, stopped or down)? For drivers outside the engine, such as the wire listener. */
  isRunning(name: string): boolean {
    return this.faultApi.isRunning(name);
  }

  /** The trace hash of everything so far (the run may go on); null when the engine does not hash. */
  traceHash(): string | null {
    return this.hasher?.digest() ?? null;
  }

  /** Adds a fact from outside any actor (the ledger's records) to the trace. */
  note(kind: 'note' | 'ledger', actor: string | null, tag: string, detail: string): void {
    const actorId = actor === null ? NO_ACTOR : this.indexOf(actor);
    const tagId = this.tagId(tag);
    if (this.hasher !== null) {
      this.hasher.record(this.nowMs, -1, TRACE_CODE[kind], actorId, tagId, NO_ACTOR);
      this.hasher.text(detail);
    }
    if (this.sink !== null && this.sinkTakes[kind]) this.emit(kind, -1, actorId, tagId, NO_ACTOR, detail);
  }

  /**
   * `note` for a fact the writer holds (the ledger's steps): the hash takes the writer's codes, which say what the
   * text says (FactWriter.hashFact), and the text is only made for a sink.
   */
  noteFact(kind: 'note' | 'ledger', actor: string | null, tag: string, writer: FactWriter, ref: number): void {
    const actorId = actor === null ? NO_ACTOR : this.indexOf(actor);
    const tagId = this.tagId(tag);
    if (this.hasher !== null) {
      this.hasher.record(this.nowMs, -1, TRACE_CODE[kind], actorId, tagId, NO_ACTOR);
      this.hasher.fact(writer, ref);
    }
    if (this.sink !== null && this.sinkTakes[kind]) this.emit(kind, -1, actorId, tagId, NO_ACTOR, factString(writer, ref));
  }

  // ---- dispatch -------------------------------------------------------------------------------------------------

  private fireTimer(ev: QueuedEvent, tag: number): void {
    if (this.cancelledTimers.size > 0 && this.cancelledTimers.delete(ev.seq)) return;
    const instance = this.instances[ev.actor] as Actor | null;
    if (instance === null || ev.seq < (this.staleBefore[ev.actor] as number)) return;
    instance.onTimer?.(this.tags[tag] as string, ev.ref);
  }

  private deliverMessage(ev: QueuedEvent, tag: number): void {
    const instance = this.instances[ev.actor] as Actor | null;
    const ref = ev.ref as MessageRef;
    if (instance === null || this.isCut(ref.from, ev.actor)) {
      this.record('drop', ev.actor, tag, ref.from);
      return;
    }
    instance.onMessage?.((this.actors[ref.from] as ActorEntry).name, this.tags[tag] as string, ref.data);
  }

  private applyFault(fault: Fault): void {
    const handler = this.faultHandlers.get(fault.verb) as FaultHandler;
    handler(this.faultApi, fault);
  }

  private startActor(index: number): void {
    if (this.instances[index] !== null) return;
    const entry = this.actors[index] as ActorEntry;
    const ctx = this.watchActor === null ? entry.ctx : this.watchActor(entry.name, entry.ctx, entry.durable);
    const instance = entry.factory(ctx, entry.durable);
    this.instances[index] = instance;
    instance.onStart?.();
  }

  private haltActor(index: number, graceful: boolean): void {
    const instance = this.instances[index] as Actor | null;
    if (instance === null) return;
    if (graceful) instance.onStop?.();
    this.instances[index] = null;
    this.staleBefore[index] = this.queue.seqMark;
  }

  private readonly faultApi: FaultApi = {
    hasActor: (name) => this.actorIndex.has(name),
    actorNames: () => this.actors.map((a) => a.name),
    isRunning: (name) => this.instances[this.indexOf(name)] !== null,
    crash: (name) => this.haltActor(this.indexOf(name), false),
    stop: (name) => this.haltActor(this.indexOf(name), true),
    start: (name) => this.startActor(this.indexOf(name)),
    durableOf: (name) => (this.actors[this.indexOf(name)] as ActorEntry).durable,
    partition: (a, b) => this.setCut(this.indexOf(a), this.indexOf(b), true),
    heal: (a, b) => this.setCut(this.indexOf(a), this.indexOf(b), false),
    healAll: () => this.cutPairs.clear(),
  };

  // ---- what actor contexts call (internal: actors reach these through their ActorContext) ------------------------

  /** @internal */
  exitActor(index: number): void {
    this.haltActor(index, false);
  }

  /** @internal */
  scheduleTimer(index: number, delayMs: number, tag: string, data: unknown): number {
    // The message is built only on failure: this runs once per event.
    if (!isDurationMs(delayMs)) assertDurationMs(delayMs, `timer '${tag}' delay of ${(this.actors[index] as ActorEntry).name}`);
    return this.queue.push(this.clock.nowMs + delayMs, index, KIND_TIMER | (this.tagId(tag) << KIND_BITS), data);
  }

  /** @internal */
  cancelTimer(timerId: number): void {
    this.cancelledTimers.add(timerId);
  }

  /** @internal */
  sendMessage(from: number, to: string, tag: string, data: unknown, delayMs: number): void {
    if (!isDurationMs(delayMs)) assertDurationMs(delayMs, `message '${tag}' delay from ${(this.actors[from] as ActorEntry).name}`);
    const ref: MessageRef = { from, data };
    this.queue.push(this.clock.nowMs + delayMs, this.indexOf(to), KIND_MESSAGE | (this.tagId(tag) << KIND_BITS), ref);
  }

  /** @internal */
  request(from: number, to: string, tag: string, data: unknown): RequestResult {
    const target = this.actorIndex.get(to);
    if (target === undefined) return { ok: false, reason: 'unknown-actor' };
    const tagId = this.tagId(tag);
    this.record('request', target, tagId, from);
    if (this.isCut(from, target)) return { ok: false, reason: 'partitioned' };
    const instance = this.instances[target] as Actor | null;
    if (instance === null) return { ok: false, reason: 'refused' };
    const value = instance.onRequest?.((this.actors[from] as ActorEntry).name, tag, data);
    return { ok: true, value };
  }

  // ---- helpers ----------------------------------------------------------------------------------------------------

  private record(kind: TraceKind, actor: number, tag: number, peer: number): void {
    if (this.hasher !== null) this.hasher.record(this.nowMs, -1, TRACE_CODE[kind], actor, tag, peer);
    if (this.sink !== null && this.sinkTakes[kind]) this.emit(kind, -1, actor, tag, peer);
  }

  private emit(kind: TraceKind, seq: number, actor: number, tag: number, peer: number, detail?: string): void {
    const record = {
      timeMs: this.nowMs, seq, kind,
      actor: actor === NO_ACTOR ? '' : (this.actors[actor] as ActorEntry).name,
      tag: this.tags[tag] ?? '',
      ...(peer === NO_ACTOR ? {} : { peer: (this.actors[peer] as ActorEntry).name }),
      ...(detail === undefined ? {} : { detail }),
    };
    (this.sink as TraceSink)(record);
  }

  private tagId(tag: string): number {
    // Most calls repeat the previous tag (a poller re-arming its timer): skip the map for those.
    if (tag === this.lastTag) return this.lastTagId;
    let id = this.tagIds.get(tag);
    if (id === undefined) {
      id = this.tags.length;
      this.tags.push(tag);
      this.tagIds.set(tag, id);
      this.hasher?.text(tag);
    }
    this.lastTag = tag;
    this.lastTagId = id;
    return id;
  }

  private indexOf(name: string): number {
    const index = this.actorIndex.get(name);
    if (index === undefined) throw new Error(`unknown actor '${name}'`);
    return index;
  }

  // Pairs are unordered: a partition cuts both directions.
  private pairKey(a: number, b: number): number {
    return a < b ? a * MAX_ACTORS + b : b * MAX_ACTORS + a;
  }

  private setCut(a: number, b: number, cut: boolean): void {
    if (a === b) return;
    if (cut) this.cutPairs.add(this.pairKey(a, b));
    else this.cutPairs.delete(this.pairKey(a, b));
  }

  private isCut(a: number, b: number): boolean {
    return this.cutPairs.size > 0 && this.cutPairs.has(this.pairKey(a, b));
  }
}

/**
 * The handle spawn returns. A class, not an object literal with a getter: V8 kept whatever such a literal's getter
 * closure reached (here the actor's entry, so the engine and the whole world) alive through every minor GC until the
 * next full one. In a fuzz campaign every run's world was promoted, a fifth of all a run allocated
 * (test/sim/core/engine-retention.test.ts measures it; the exact path inside V8 was not pinned down). Private fields,
 * so printing a handle (a test's diff) does not print the world.
 */
class SpawnedActor<D> implements ActorHandle<D> {
  readonly name: string;
  readonly #instances: ReadonlyArray<Actor | null>;
  readonly #entry: ActorEntry;

  constructor(instances: ReadonlyArray<Actor | null>, entry: ActorEntry) {
    this.name = entry.name;
    this.#instances = instances;
    this.#entry = entry;
  }

  get durable(): D {
    return this.#entry.durable as D;
  }

  isRunning(): boolean {
    return this.#instances[this.#entry.index] !== null;
  }
}

/** One per actor, bound to its index: a class rather than closures, so dispatch touches one small object. */
class BoundContext implements ActorContext {
  readonly rng: Rng;

  constructor(private readonly engine: Engine, readonly name: string, private readonly index: number, rng: Rng) {
    this.rng = rng;
  }

  nowMs(): number {
    return this.engine.clock.nowMs;
  }

  setTimer(delayMs: number, tag: string, data?: unknown): number {
    return this.engine.scheduleTimer(this.index, delayMs, tag, data);
  }

  cancelTimer(timerId: number): void {
    this.engine.cancelTimer(timerId);
  }

  send(to: string, tag: string, data: unknown, delayMs: number): void {
    this.engine.sendMessage(this.index, to, tag, data, delayMs);
  }

  request(to: string, tag: string, data?: unknown): RequestResult {
    return this.engine.request(this.index, to, tag, data);
  }

  note(tag: string, detail: string): void {
    this.engine.note('note', this.name, tag, detail);
  }

  exit(): void {
    this.engine.exitActor(this.index);
  }
}

/** JSON with object keys sorted, so equal data always serialises the same way. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v);
}

/** An actor's own seed: the world's seed mixed with an FNV-1a hash of the actor's name (32 bits, as Rng uses). */
function actorSeed(seed: number, name: string): number {
  let hash = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** A fault's data for the trace file (its peers and params, canonical JSON), or nothing when it has none. */
function faultDetail(fault: Fault): string | undefined {
  if (fault.peers === undefined && fault.params === undefined) return undefined;
  return canonicalJson({ ...(fault.peers === undefined ? {} : { peers: fault.peers }), ...(fault.params === undefined ? {} : { params: fault.params }) });
}
