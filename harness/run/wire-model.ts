// What both wire commands set up first (run-wire.ts, serve-scenario.ts): an engine with no trace (design.md: none
// on the wire), its ledger, the model port the listeners talk through, and one listener per MX server.
import { Engine } from '../../sim/core/engine.js';
import type { TraceSink } from '../../sim/core/trace.js';
import { Ledger } from '../../sim/ledger/ledger.js';
import { mailboxDirectory, type ExchangeConfig } from '../../fakes/exchange/exchange-config.js';
import { openModelPort, type ModelPort } from '../../fakes/wire/model-port.js';
import { startListener, type WireListener } from '../../fakes/wire/smtp-listener.js';
import type { ListenerLimits } from '../../fakes/wire/listener-limits.js';
import type { MessageIdUses } from '../../fakes/mail/reused-message-id.js';
import type { Scenario } from '../scenario/schema.js';
import { exchangeConfigOf } from '../world/build-exchange-world.js';

export interface WireModel {
  readonly engine: Engine;
  readonly ledger: Ledger;
  readonly config: ExchangeConfig;
  readonly port: ModelPort;
}

/** `traceSink` sees every event as in virtual runs (a report's fault bands come from it); there is still no hash. */
export function openWireModel(scenario: Scenario, traceSink?: TraceSink): WireModel {
  const exchange = scenario.exchange;
  if (exchange === undefined) throw new Error('wire mode needs a scenario with an exchange: section');
  // The same random streams as the virtual run (per actor or shared), or the wire would play other traffic.
  const engine = new Engine({
    seed: scenario.seed, hashTrace: false, rngPerActor: scenario.randomStreams === 'per-actor', ...(traceSink === undefined ? {} : { traceSink }),
  });
  const ledger = new Ledger(() => engine.nowMs);
  const config = exchangeConfigOf(exchange);
  return { engine, ledger, config, port: openModelPort(engine, ledger, config, mailboxDirectory(config)) };
}

export interface ListenOptions {
  /** The first MX server's port, the next ones counting up; 0 picks free ports. */
  readonly firstPort: number;
  readonly limits?: Partial<ListenerLimits> | undefined;
  /** Keys of messages first seen at a listener (clients outside the model), shared by all of them. */
  readonly fromOutside?: Set<string>;
  /** Every client is the run's own sender (`run --wire`): keyless messages keep the key they carry. */
  readonly trustCarriedKey?: boolean;
  /** Message-IDs clients outside the model have used, shared by all the listeners (serve). */
  readonly messageIdUses?: MessageIdUses;
}

/** One listener per MX server, in the scenario's MX order; on a failure the ones already listening are closed. */
export async function startListeners(model: WireModel, options: ListenOptions): Promise<WireListener[]> {
  const listeners: WireListener[] = [];
  try {
    for (const [i, server] of model.config.mx.entries()) {
      listeners.push(await startListener(model.port, {
        server, port: options.firstPort === 0 ? 0 : options.firstPort + i,
        ...(options.limits === undefined ? {} : { limits: options.limits }),
        ...(options.fromOutside === undefined ? {} : { fromOutside: options.fromOutside }),
        ...(options.trustCarriedKey === true ? { trustCarriedKey: true } : {}),
        ...(options.messageIdUses === undefined ? {} : { messageIdUses: options.messageIdUses }),
      }));
    }
    return listeners;
  } catch (error) {
    await Promise.all(listeners.map((l) => l.close()));
    throw error;
  }
}
