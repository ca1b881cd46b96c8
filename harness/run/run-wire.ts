// `mailflow run FILE --wire`: the scenario over real sockets. Each MX server of the scenario listens on a loopback
// port (fakes/wire/smtp-listener.ts); the outside senders' traffic leaves through pooled nodemailer clients to those
// listeners and is retried on the senders' own schedule (X1); virtual time follows the wall clock times the scale.
// The run is judged like a virtual one; only verdict and counts compare across modes (design.md), the trace hash is null.
import { wireSenders } from '../../fakes/wire/smtp-sender.js';
import { WireClock } from '../../fakes/wire/wire-clock.js';
import { refuseBadWireOptions, type ListenerLimits } from '../../fakes/wire/listener-limits.js';
import type { Scenario } from '../scenario/schema.js';
import type { TraceSink } from '../../sim/core/trace.js';
import { buildWorld } from '../world/build-world.js';
import { concludeRun, type RunOutcome } from './run-scenario.js';
import { drainOnWire, driveUntil } from './wire-driver.js';
import { wireOutbound } from './wire-outbound.js';
import { BY_OPTION, outboundTargetOf } from './wire-outbound-target.js';
import { openWireModel, startListeners } from './wire-model.js';

/** Virtual ms per wall ms when not told: 20 virtual minutes per wall second, so a pause of half a wall second on a
 * loaded machine moves mail by minutes of virtual time, well inside shipped wire scenarios' margins. */
export const DEFAULT_WIRE_TIME_SCALE = 1_200;

export interface WireRunOptions {
  readonly timeScale?: number;
  readonly limits?: Partial<ListenerLimits>;
  /** Connections per sender pool (4..8 keeps smtp-server's 100 ms greeting out of the way). */
  readonly maxConnections?: number;
  /** Every event of the run, for a report's fault bands (there is no trace hash on the wire). */
  readonly traceSink?: TraceSink;
  /**
   * `host:port`: CRM's outbound email goes to this real SMTP server, whatever the scenario's `wire.outboundSmtp` says;
   * needed to send to one that is not loopback (wire-outbound-target.ts).
   */
  readonly outboundSmtp?: string;
}

export async function runScenarioOnWire(scenario: Scenario, options: WireRunOptions = {}): Promise<RunOutcome> {
  refuseBadWireOptions('runScenarioOnWire', options);
  // Before anything listens or connects: a file naming a server off this machine is refused here.
  const outboundTarget = outboundTargetOf(scenario, options.outboundSmtp, BY_OPTION);
  const model = openWireModel(scenario, options.traceSink);
  const { engine, ledger } = model;
  const listeners = await startListeners(model, { firstPort: 0, limits: options.limits, trustCarriedKey: true });
  try {
    const senders = wireSenders(listeners, options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections });
    const outbound = wireOutbound(outboundTarget, ledger);
    try {
      const world = buildWorld(engine, ledger, scenario, {
        senderTransport: (name) => senders.transportFor(name),
        ...(outbound === null ? {} : { outboundTransport: outbound.transport }),
      });
      const drive = { engine, clock: new WireClock(options.timeScale ?? DEFAULT_WIRE_TIME_SCALE), afterStep: () => listeners.forEach((l) => l.sync()) };
      await driveUntil(drive, scenario.horizon);
      const inTransit = () => new Map([...senders.inTransit, ...outbound?.inTransit ?? []]);
      await drainOnWire(drive, scenario.horizon + scenario.drain, () => inTransit().size > 0 || world.inFlight(true).size > 0);
      return concludeRun(engine, ledger, world, scenario, { inFlight: inTransit() });
    } finally {
      senders.close();
      outbound?.close();
    }
  } finally {
    await Promise.all(listeners.map((l) => l.close()));
  }
}
