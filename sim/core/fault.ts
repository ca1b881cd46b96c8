// Faults are data: a verb, the actor it acts on and the peers it involves. The engine applies them through a
// registry of verb handlers, so later models add verbs (restore, resetState, ...) without touching the engine.

/** A fault or operation as a scenario states it. */
export interface Fault {
  readonly verb: string;
  /** The actor acted upon; optional only for verbs that act on the whole world (`heal` without a target). */
  readonly target?: string;
  /** Actors cut off from `target` by `partition` or reconnected by `heal`. */
  readonly peers?: readonly string[];
  /** Verb-specific settings of later models (for example a backup instant for `restore`). */
  readonly params?: Readonly<Record<string, unknown>>;
}

/** What a verb handler may do to the world. */
export interface FaultApi {
  hasActor(name: string): boolean;
  actorNames(): readonly string[];
  isRunning(name: string): boolean;
  /** Process dies: memory and timers are gone, durable state stays, connections are refused. */
  crash(name: string): void;
  /** Clean shutdown: `onStop` runs first, then as `crash`. */
  stop(name: string): void;
  /** Builds the actor's memory from its durable state and runs `onStart`. */
  start(name: string): void;
  durableOf(name: string): unknown;
  partition(a: string, b: string): void;
  heal(a: string, b: string): void;
  healAll(): void;
}

export type FaultHandler = (world: FaultApi, fault: Fault) => void;

/** Throws a clear error unless the fault names an existing target (harness bug: scenarios are validated first). */
export function requireTarget(world: FaultApi, fault: Fault): string {
  const target = fault.target;
  if (target === undefined || !world.hasActor(target)) {
    throw new Error(`fault '${fault.verb}' needs an existing target actor, got ${JSON.stringify(target)}`);
  }
  return target;
}

function requirePeers(world: FaultApi, fault: Fault): readonly string[] {
  const peers = fault.peers ?? [];
  for (const peer of peers) {
    if (!world.hasActor(peer)) throw new Error(`fault '${fault.verb}' names unknown peer ${JSON.stringify(peer)}`);
  }
  return peers;
}

/** The verbs every world has (named like turmoil's). Stopping a stopped actor and starting a running one are no-ops. */
export const CORE_FAULT_HANDLERS: Readonly<Record<string, FaultHandler>> = {
  crash(world, fault) {
    const target = requireTarget(world, fault);
    if (world.isRunning(target)) world.crash(target);
  },
  restart(world, fault) {
    const target = requireTarget(world, fault);
    if (world.isRunning(target)) world.crash(target);
    world.start(target);
  },
  down(world, fault) {
    const target = requireTarget(world, fault);
    if (world.isRunning(target)) world.stop(target);
  },
  up(world, fault) {
    const target = requireTarget(world, fault);
    if (!world.isRunning(target)) world.start(target);
  },
  partition(world, fault) {
    const target = requireTarget(world, fault);
    for (const peer of requirePeers(world, fault)) world.partition(target, peer);
  },
  heal(world, fault) {
    if (fault.target === undefined) {
      world.healAll();
      return;
    }
    const target = requireTarget(world, fault);
    const peers = fault.peers === undefined ? world.actorNames() : requirePeers(world, fault);
    for (const peer of peers) world.heal(target, peer);
  },
};
