import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Engine } from '../../../sim/core/engine.js';
import type { ActorContext } from '../../../sim/core/actor.js';
import type { TraceRecord } from '../../../sim/core/trace.js';

/** An actor that logs what it sees into durable state, and re-arms a periodic timer in memory. */
interface Log {
  fired: Array<[string, number]>;
  starts: number;
  stops: number;
}

function recorder(periodMs: number) {
  return (ctx: ActorContext, disk: Log) => ({
    onStart() {
      disk.starts++;
      if (periodMs > 0) ctx.setTimer(periodMs, 'tick');
    },
    onStop() {
      disk.stops++;
    },
    onTimer(tag: string) {
      disk.fired.push([tag, ctx.nowMs()]);
      if (tag === 'tick') ctx.setTimer(periodMs, 'tick');
    },
    onMessage(from: string, tag: string, data: unknown) {
      disk.fired.push([`${from}:${tag}:${String(data)}`, ctx.nowMs()]);
    },
    onRequest(_from: string, tag: string) {
      return `${ctx.name} answers ${tag}`;
    },
  });
}

const newLog = (): Log => ({ fired: [], starts: 0, stops: 0 });

describe('Engine', () => {
  it('fires timers at their virtual time and leaves the clock at the run boundary', () => {
    const engine = new Engine({ seed: 1 });
    const a = engine.spawn('a', recorder(1000), newLog());
    expect(engine.run({ untilMs: 3500 })).toBeGreaterThan(0);
    expect(a.durable.fired).toEqual([['tick', 1000], ['tick', 2000], ['tick', 3000]]);
    expect(engine.nowMs).toBe(3500);
  });

  it('rejects fractional and negative delays: virtual time is whole milliseconds', () => {
    const engine = new Engine({ seed: 1 });
    let ctxOut: ActorContext | undefined;
    engine.spawn('a', (ctx) => { ctxOut = ctx; return {}; }, null);
    engine.step();
    expect(() => ctxOut!.setTimer(1.5, 'x')).toThrow(/whole number/);
    expect(() => ctxOut!.setTimer(-1, 'x')).toThrow(/whole number/);
  });

  it('keeps durable state and loses timers on a crash, whatever the crash time', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (crashAt, downFor) => {
      const engine = new Engine({ seed: 1 });
      const a = engine.spawn('a', recorder(700), newLog());
      engine.scheduleFault(crashAt, { verb: 'crash', target: 'a' });
      engine.scheduleFault(crashAt + downFor, { verb: 'restart', target: 'a' });
      engine.run({ untilMs: crashAt + downFor + 2000 });
      const ticks = a.durable.fired.map(([, t]) => t);
      // Before the crash: every 700 ms from start. None while down. After restart: every 700 ms from the restart.
      const expected = [];
      for (let t = 700; t < crashAt; t += 700) expected.push(t);
      for (let t = crashAt + downFor + 700; t <= crashAt + downFor + 2000; t += 700) expected.push(t);
      expect(ticks).toEqual(expected);
      expect(a.durable.starts).toBe(2);
      expect(a.durable.stops).toBe(0);
    }));
  });

  it('runs onStop on a graceful down, not on a crash; up restarts from durable state', () => {
    const engine = new Engine({ seed: 1 });
    const a = engine.spawn('a', recorder(0), newLog());
    engine.scheduleFault(10, { verb: 'down', target: 'a' });
    engine.scheduleFault(20, { verb: 'up', target: 'a' });
    engine.scheduleFault(30, { verb: 'crash', target: 'a' });
    engine.scheduleFault(40, { verb: 'crash', target: 'a' });
    engine.run({ untilMs: 50 });
    expect(a.durable.stops).toBe(1);
    expect(a.durable.starts).toBe(2);
    expect(a.isRunning()).toBe(false);
  });

  it('lets an actor end itself at start (a service that fails): its timers are dropped and up starts it again', () => {
    const engine = new Engine({ seed: 1 });
    const fired: number[] = [];
    const handle = engine.spawn<{ starts: number }>('svc', (ctx, disk) => ({
      onStart() {
        disk.starts++;
        ctx.setTimer(5, 'tick');
        if (disk.starts === 1) ctx.exit();
      },
      onTimer() { fired.push(ctx.nowMs()); },
    }), { starts: 0 });
    engine.scheduleFault(20, { verb: 'up', target: 'svc' });
    engine.run({ untilMs: 50 });
    expect(handle.durable.starts).toBe(2);
    expect(fired).toEqual([25]);
    expect(handle.isRunning()).toBe(true);
  });

  it('refuses requests to an actor that is not running, and answers once it is', () => {
    const engine = new Engine({ seed: 1 });
    const results: unknown[] = [];
    engine.spawn('server', recorder(0), newLog());
    engine.spawn('client', (ctx) => ({
      onStart() { ctx.setTimer(10, 'call'); ctx.setTimer(30, 'call'); },
      onTimer() { results.push(ctx.request('server', 'hello')); },
    }), null);
    engine.scheduleFault(5, { verb: 'down', target: 'server' });
    engine.scheduleFault(20, { verb: 'up', target: 'server' });
    engine.run({ untilMs: 40 });
    expect(results).toEqual([{ ok: false, reason: 'refused' }, { ok: true, value: 'server answers hello' }]);
  });

  it('cuts both directions on partition and restores them on heal', () => {
    const engine = new Engine({ seed: 1 });
    const b = engine.spawn('b', recorder(0), newLog());
    const results: unknown[] = [];
    engine.spawn('a', (ctx) => ({
      onStart() { for (const t of [10, 30]) ctx.setTimer(t, 'go'); },
      onTimer() {
        results.push(ctx.request('b', 'ping').ok);
        ctx.send('b', 'note', ctx.nowMs(), 1);
      },
    }), null);
    engine.scheduleFault(5, { verb: 'partition', target: 'b', peers: ['a'] });
    engine.scheduleFault(20, { verb: 'heal' });
    engine.run({ untilMs: 40 });
    expect(results).toEqual([false, true]);
    expect(b.durable.fired).toEqual([['a:note:30', 31]]);
  });

  it('cancels a single timer', () => {
    const engine = new Engine({ seed: 1 });
    const fired: string[] = [];
    engine.spawn('a', (ctx) => ({
      onStart() {
        const id = ctx.setTimer(10, 'cancelled');
        ctx.setTimer(10, 'kept');
        ctx.cancelTimer(id);
      },
      onTimer(tag) { fired.push(tag); },
    }), null);
    engine.run({ untilMs: 100 });
    expect(fired).toEqual(['kept']);
  });

  it('applies verbs that later models define, and refuses unknown verbs', () => {
    const engine = new Engine({ seed: 1 });
    const a = engine.spawn('a', recorder(0), newLog());
    engine.defineFaultVerb('wipe', (world, fault) => {
      (world.durableOf(fault.target!) as Log).fired.length = 0;
    });
    a.durable.fired.push(['old', 0]);
    engine.scheduleFault(5, { verb: 'wipe', target: 'a' });
    engine.run({ untilMs: 10 });
    expect(a.durable.fired).toEqual([]);
    expect(() => engine.scheduleFault(20, { verb: 'explode', target: 'a' })).toThrow(/unknown fault verb/);
    expect(() => engine.scheduleFault(20, { verb: 'crash', target: 'nobody' })).toThrow(/unknown actor/);
    expect(() => engine.defineFaultVerb('crash', () => {})).toThrow(/built in/);
  });

  it('hashes the trace: same seed same hash, another seed or another event another hash', () => {
    const world = (seed: number, extraFaultAt?: number) => {
      const engine = new Engine({ seed });
      engine.spawn('a', (ctx) => ({
        onStart() { ctx.setTimer(ctx.rng.uniformInt(1, 100), 'x'); },
        onTimer() { ctx.setTimer(ctx.rng.uniformInt(1, 100), 'x'); },
      }), null);
      if (extraFaultAt !== undefined) engine.scheduleFault(extraFaultAt, { verb: 'heal' });
      engine.run({ untilMs: 10_000 });
      return engine.traceHash();
    };
    expect(world(1)).toBe(world(1));
    expect(world(1)).not.toBe(world(2));
    expect(world(1)).not.toBe(world(1, 5000));
  });

  it('hands every record to a trace sink, including requests and dropped messages', () => {
    const records: TraceRecord[] = [];
    const engine = new Engine({ seed: 1, traceSink: (r) => records.push(r) });
    engine.spawn('b', recorder(0), newLog());
    engine.spawn('a', (ctx) => ({
      onStart() {
        ctx.request('b', 'ping');
        ctx.send('b', 'late', 1, 50);
        ctx.note('why', 'because');
      },
    }), null);
    engine.scheduleFault(10, { verb: 'crash', target: 'b' });
    engine.run({ untilMs: 100 });
    const kinds = records.map((r) => `${r.timeMs} ${r.kind} ${r.actor} ${r.tag}${r.peer === undefined ? '' : ` <- ${r.peer}`}`);
    expect(kinds).toEqual([
      '0 start b ', '0 start a ', '0 request b ping <- a', '0 note a why', '10 fault b crash', '50 message b late <- a',
      '50 drop b late <- a',
    ]);
    expect(records.find((r) => r.kind === 'note')?.detail).toBe('because');
  });

  it('hands a sink only the kinds asked for, and hashes the same either way', () => {
    const world = (options: Partial<ConstructorParameters<typeof Engine>[0]>) => {
      const records: TraceRecord[] = [];
      const engine = new Engine({ seed: 1, traceSink: (r) => records.push(r), ...options });
      engine.spawn('b', recorder(0), newLog());
      engine.spawn('a', (ctx) => ({ onStart() { ctx.request('b', 'ping'); ctx.send('b', 'late', 1, 50); ctx.note('why', 'because'); } }), null);
      engine.scheduleFault(10, { verb: 'crash', target: 'b' });
      engine.note('ledger', null, 'fact', 'text');
      engine.run({ untilMs: 100 });
      return { kinds: records.map((r) => `${r.kind} ${r.tag}`), hash: engine.traceHash() };
    };
    const all = world({});
    const some = world({ traceKinds: new Set(['fault', 'note'] as const) });
    expect(all.kinds).toContain('ledger fact');
    expect(some.kinds).toEqual(['note why', 'fault crash']);
    expect(some.hash).toBe(all.hash);
  });
});

describe('Engine.run', () => {
  it('returns when the queue empties, even without an end time', () => {
    const engine = new Engine({ seed: 1 });
    engine.spawn('a', (ctx) => ({ onStart() { ctx.setTimer(5, 'once'); } }), null);
    expect(engine.run({ untilMs: Infinity })).toBe(2);
    expect(engine.nowMs).toBe(5);
  });
});

describe('Engine guards and trace details', () => {
  it('pins the hash of a small fixed world, so drift across machines or Node versions fails CI', () => {
    // If a deliberate change to the engine or trace format moves this, update it in the same commit and say why.
    const engine = new Engine({ seed: 2026 });
    engine.spawn('a', (ctx) => ({
      onStart() { ctx.setTimer(ctx.rng.uniformInt(1, 50), 'tick'); },
      onTimer() {
        ctx.send('b', 'hello', null, ctx.rng.uniformInt(0, 10));
        ctx.setTimer(ctx.rng.exponentialMs(40), 'tick');
      },
    }), null);
    engine.spawn('b', (ctx) => ({ onMessage() { ctx.request('a', 'ping'); } }), null);
    engine.scheduleFault(500, { verb: 'partition', target: 'a', peers: ['b'] });
    engine.scheduleFault(700, { verb: 'heal', target: 'a' });
    engine.run({ untilMs: 1000 });
    expect(engine.traceHash()).toBe(PINNED_HASH);
  });

  it('hashes fault data: partitions from different peers hash differently', () => {
    const hashFor = (peer: string) => {
      const engine = new Engine({ seed: 1 });
      for (const name of ['x', 'y', 'z']) engine.spawn(name, () => ({}), null);
      engine.scheduleFault(5, { verb: 'partition', target: 'x', peers: [peer] });
      engine.run({ untilMs: 10 });
      return engine.traceHash();
    };
    expect(hashFor('y')).not.toBe(hashFor('z'));
  });

  it('heals one actor with everyone when heal names a target but no peers', () => {
    const engine = new Engine({ seed: 1 });
    const results: boolean[] = [];
    for (const name of ['y', 'z']) engine.spawn(name, () => ({ onRequest: () => 'ok' }), null);
    engine.spawn('x', (ctx) => ({
      onStart() { for (const t of [10, 30]) ctx.setTimer(t, 'go'); },
      onTimer() { results.push(ctx.request('y', 'p').ok, ctx.request('z', 'p').ok); },
    }), null);
    engine.scheduleFault(5, { verb: 'partition', target: 'x', peers: ['y', 'z'] });
    engine.scheduleFault(20, { verb: 'heal', target: 'x' });
    engine.run({ untilMs: 40 });
    expect(results).toEqual([false, false, true, true]);
  });

  it('fires no timer set before a crash, even one cancelled and re-set around a restart', () => {
    const engine = new Engine({ seed: 1 });
    const fired: Array<[string, number]> = [];
    engine.spawn('a', (ctx) => ({
      onStart() {
        const id = ctx.setTimer(50, `set-at-${ctx.nowMs()}`);
        if (ctx.nowMs() > 0) ctx.cancelTimer(id);
        ctx.setTimer(60, `kept-from-${ctx.nowMs()}`);
      },
      onTimer(tag) { fired.push([tag, ctx.nowMs()]); },
    }), null);
    engine.scheduleFault(10, { verb: 'restart', target: 'a' });
    engine.run({ untilMs: 200 });
    expect(fired).toEqual([['kept-from-10', 70]]);
  });

  it('stops a model stuck in a zero-delay loop with a clear error instead of hanging', () => {
    const engine = new Engine({ seed: 1, hashTrace: false });
    engine.spawn('a', (ctx) => ({ onStart() { ctx.setTimer(0, 'again'); }, onTimer() { ctx.setTimer(0, 'again'); } }), null);
    expect(() => engine.run({ untilMs: 10 })).toThrow(/livelock/);
  });

  it('gives the current hash mid-run and keeps running', () => {
    const engine = new Engine({ seed: 1 });
    engine.spawn('a', (ctx) => ({ onStart() { ctx.setTimer(5, 't'); }, onTimer() { ctx.setTimer(5, 't'); } }), null);
    engine.run({ untilMs: 20 });
    const early = engine.traceHash();
    engine.run({ untilMs: 40 });
    expect(engine.traceHash()).not.toBe(early);
  });
});

const PINNED_HASH = 'feeea65768780d58f1c82a8924a814a23d61c3fceba865bc90e6b42b01af68e6';
