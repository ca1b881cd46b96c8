// Turns a scenario's `router:` section into the router's configuration and world specification.
import type { RouterConfig } from '../../fakes/router/router-config.js';
import type { RouterWorldSpec } from '../../fakes/router/router-world.js';
import { newSystemState, type SystemState } from '../../fakes/router/system-state.js';
import type { RouterSection } from '../scenario/router-schema.js';
import type { InjectedBug } from '../scenario/injected-bugs.js';

/**
 * `defaultCrm` is the organisation a deployment serves when it names none (a scenario with one organisation);
 * `injectBug` may make the router let go of items before their activity exists (FinishOrder).
 */
export function routerConfigOf(section: RouterSection, defaultCrm: string, injectBug?: InjectedBug): RouterConfig {
  const s = section.settings;
  return {
    finishOrder: injectBug === 'delete-before-create' ? 'delete-first' : injectBug === 'threshold-before-create' ? 'threshold-first' : 'create-first',
    system: {
      maxThreads: s.maxThreads, maxThreadExecutionMs: s.maxThreadExecution, schedulingPeriodMs: s.schedulingPeriod,
      configRefreshPeriodMs: s.configRefreshPeriod, configUpdatePeriodMs: s.configUpdatePeriod, logLevel: s.logLevel,
    },
    overrides: {
      cacheCapacity: s.cacheCapacity, pendingStatusDelayMs: s.pendingStatusDelay, sendingStatusDelayMs: s.sendingStatusDelay,
      maximumDeliveryAttempts: s.maximumDeliveryAttempts, ewsRetrieveMessageCount: s.ewsRetrieveMessageCount,
      batchSize: s.batchSize, requestBatchSize: s.requestBatchSize,
    },
    timings: { mailboxPollIntervalMs: s.mailboxPollInterval, crmCallMs: s.crmCall, outgoingPollIntervalMs: s.outgoingPollInterval },
    incomingProfiles: section.incomingProfiles,
    outgoingProfiles: section.outgoingProfiles,
    deployments: section.deployments.map((d) => ({
      crmServer: d.crm ?? defaultCrm, incomingProfile: d.incomingProfile, outgoingProfile: d.outgoingProfile,
      forwardMailbox: d.forwardMailbox ?? null, users: d.users ?? null,
    })),
  };
}

export function routerWorldSpecOf(
  section: RouterSection, defaultCrm: string, access: Pick<RouterWorldSpec, 'mailboxesOf' | 'inbox' | 'outsideInbox'>, injectBug?: InjectedBug,
): RouterWorldSpec {
  return { config: routerConfigOf(section, defaultCrm, injectBug), instances: instancesOf(section, injectBug), initialState: initialStateOf(section, defaultCrm), ...access };
}

/**
 * `injectBug: two-active-routers` gives each active instance a twin `<name>-twin`: a second service on the same
 * mailboxes with a state file of its own (R13). In an Active/Passive install the twin shares the cluster's file.
 */
function instancesOf(section: RouterSection, injectBug: InjectedBug | undefined): RouterSection['instances'] {
  if (injectBug !== 'two-active-routers') return section.instances;
  const twins = section.instances.filter((i) => !i.passive).map((i) => ({ name: `${i.name}-twin`, passive: false }));
  return [...section.instances, ...twins];
}

/** The scenario's `router.state` as the state file the service finds at its first start; null: no file yet. */
export function initialStateOf(section: RouterSection, defaultCrm: string): SystemState | null {
  if (section.state === undefined) return null;
  const state = newSystemState();
  state.file = section.state.file;
  const crmOf = new Map(section.deployments.map((d) => [d.forwardMailbox?.address, d.crm ?? defaultCrm]));
  for (const saved of section.state.providers) {
    // Provider ids are `<crm>/<mailbox>` (providers.ts); the file knows providers by mailbox only.
    const id = `${crmOf.get(saved.mailbox) ?? defaultCrm}/${saved.mailbox}`;
    state.providers.set(id, { emailAddress: saved.mailbox, thresholdMs: saved.threshold, doneAtThreshold: [], retry: [], lastError: saved.lastError ?? null });
  }
  return state;
}
