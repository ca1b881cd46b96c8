// Spawns the E-mail Router: one service per instance (the nodes of an Active/Passive cluster share one state file; a
// passive node starts stopped and a failover is `down` on one, `up` on the other; two running nodes on the same
// mailboxes is the unsupported setup that makes duplicates, R13), and reports the mail still waiting in the
// mailboxes it reads.
import type { Engine } from '../../sim/core/engine.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import type { CrmMailbox } from '../crm/crm-config.js';
import { isNew } from './incoming-cycle.js';
import type { OutgoingSenders } from './outgoing-pass.js';
import { incomingProviders } from './providers.js';
import type { RouterConfig } from './router-config.js';
import { defineRouterFaults } from './router-faults.js';
import { newRouterDurable, routerService, type RouterDurable } from './router-service.js';
import { newSystemState, type SystemState } from './system-state.js';

export interface RouterInstance {
  readonly name: string;
  readonly passive: boolean;
}

export interface RouterWorldSpec {
  readonly config: RouterConfig;
  readonly instances: readonly RouterInstance[];
  /** The state file as the scenario starts (from a user's SystemState.xml), or a missing one. */
  readonly initialState: SystemState | null;
  /** Each organisation's users and queues (by CRM server). */
  mailboxesOf(crmServer: string): readonly CrmMailbox[];
  /** Inbox items of a mailbox, for what is still waiting. */
  inbox(mailbox: string): ReadonlyArray<{ readonly storeId: number; readonly receivedAtMs: number; readonly key: string }>;
}

export interface RouterWorld {
  inFlight(): Map<string, string>;
}

export function spawnRouterWorld(engine: Engine, ledger: Ledger, spec: RouterWorldSpec): RouterWorld {
  defineRouterFaults(engine);
  const providers = incomingProviders(spec.config, spec.mailboxesOf);
  const outgoingProfiles = new Map(spec.config.outgoingProfiles.map((p) => [p.name, p]));
  const outgoing: OutgoingSenders[] = spec.config.deployments.map((d) => ({
    crmServer: d.crmServer, smtpServer: outgoingProfiles.get(d.outgoingProfile)?.server ?? '',
    owners: spec.mailboxesOf(d.crmServer).filter((m) => m.outgoing === 'email-router').map((m) => m.address),
  })).filter((o) => o.owners.length > 0);
  // The nodes of an Active/Passive cluster (any passive node) share one state file on the cluster's disk; services
  // installed side by side (all active, R13's unsupported setup) each keep their own.
  const cluster = spec.instances.some((i) => i.passive);
  const stateFor = (): SystemState => (cluster ? shared : copyState(spec.initialState));
  const shared = copyState(spec.initialState);
  const seen = new Set<string>();
  const handles = spec.instances.map((instance) => {
    const handle = engine.spawn<RouterDurable>(instance.name, routerService({ config: spec.config, providers, outgoing }, ledger), newRouterDurable(stateFor(), seen));
    if (instance.passive) engine.scheduleFault(0, { verb: 'down', target: instance.name });
    return handle;
  });
  const states = [...new Set(handles.map((h) => h.durable.state))];
  return {
    inFlight() {
      const where = new Map<string, string>();
      const stopped = new Set(handles.flatMap((h) => [...h.durable.stopped]));
      for (const provider of providers) {
        if (stopped.has(provider.deployment.crmServer)) continue;
        // Waiting: past the ThresholdDate of every service that reads the mailbox.
        const thresholds = states.map((s) => s.providers.get(provider.id) ?? { emailAddress: provider.mailbox, thresholdMs: null, doneAtThreshold: [], lastError: null });
        for (const item of spec.inbox(provider.mailbox)) {
          if (thresholds.every((t) => isNew(t, item))) where.set(item.key, `${provider.mailbox}, not yet processed by the router`);
        }
      }
      return where;
    },
  };
}

function copyState(state: SystemState | null): SystemState {
  const copy = newSystemState();
  if (state === null) return copy;
  copy.file = state.file;
  for (const [id, p] of state.providers) copy.providers.set(id, { ...p, doneAtThreshold: [...p.doneAtThreshold] });
  return copy;
}
