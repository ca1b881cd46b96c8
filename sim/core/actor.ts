// What a modelled process is to the engine. Behaviour (memory) is rebuilt by a factory from durable state (what the
// real system keeps on disk), so `crash` and `restart` lose exactly what the real process would lose.
import type { Rng } from './rng.js';

/** Result of a synchronous request: the target's reply, or why no connection was made. */
export type RequestResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: 'refused' | 'partitioned' | 'unknown-actor' };

/** Handed to an actor's factory: the actor's only way to see time, draw randomness and reach other actors. */
export interface ActorContext {
  readonly name: string;
  readonly rng: Rng;
  /** Virtual time in ms since the scenario start. */
  nowMs(): number;
  /** Fires `onTimer(tag, data)` after `delayMs` unless cancelled or the actor crashes or stops first. */
  setTimer(delayMs: number, tag: string, data?: unknown): number;
  cancelTimer(timerId: number): void;
  /** One-way message delivered after `delayMs`; dropped if the target is not running or is cut off on arrival. */
  send(to: string, tag: string, data: unknown, delayMs: number): void;
  /**
   * A synchronous call, like opening a connection and getting a reply at the same virtual instant; refused while
   * the target is not running, as a real client sees "connection refused".
   */
  request(to: string, tag: string, data?: unknown): RequestResult;
  /** Adds a model fact to the trace (hashed; written out when a trace file is asked for). */
  note(tag: string, detail: string): void;
  /**
   * The process ends itself, as a service that fails at start does: it stops like after a crash (no onStop, its
   * timers dropped), and `up` or `restart` can start it again.
   */
  exit(): void;
}

/** The in-memory half of a process. Every hook is optional. */
export interface Actor {
  onStart?(): void;
  /** Called on a graceful stop (`down`), never on a crash: the chance to flush memory to durable state. */
  onStop?(): void;
  onTimer?(tag: string, data: unknown): void;
  onMessage?(from: string, tag: string, data: unknown): void;
  onRequest?(from: string, tag: string, data: unknown): unknown;
}

/** Builds the in-memory half from the durable half; called at spawn and at every restart. */
export type ActorFactory<D> = (ctx: ActorContext, durable: D) => Actor;
