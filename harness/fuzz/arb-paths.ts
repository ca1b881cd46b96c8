// The processing path of a generated organisation, as the `crm:`, `router:` and `sss:` sections: the E-mail Router
// (users through the forward mailbox, R2, or read directly), server-side sync from the start (R14), or a cutover from
// the router to server-side sync in batches (S14).
import fc from 'fast-check';
import { CRM_SERVER, FORWARD_MAILBOX, QUEUE, SSS, serverName, type CrmInput, type FaultInput, type FuzzPath, type ScenarioInput } from './fuzz-shape.js';
import { usersOf, type FuzzTopology } from './arb-topology.js';

export interface FuzzCutover {
  readonly atMinute: number;
  readonly batchSize: number;
  readonly batchIntervalMinutes: number;
  readonly queuesFirst: boolean;
  readonly forwardRules: 'keep' | 'remove-per-batch' | 'remove-at-end';
}

export interface FuzzProcessing {
  readonly path: FuzzPath;
  /** One CRM web-service round trip for the router, in ms: the gap between check, deliver and delete (R13). */
  readonly crmCallMs: number;
  readonly cutover: FuzzCutover;
}

export function arbProcessing(paths: readonly FuzzPath[]): fc.Arbitrary<FuzzProcessing> {
  return fc.record({
    path: fc.constantFrom(...paths),
    crmCallMs: fc.constantFrom(200, 1_000, 5_000, 15_000, 30_000),
    cutover: fc.record({
      atMinute: fc.integer({ min: 10, max: 120 }),
      batchSize: fc.integer({ min: 1, max: 3 }),
      batchIntervalMinutes: fc.integer({ min: 5, max: 60 }),
      queuesFirst: fc.boolean(),
      forwardRules: fc.constantFrom('keep' as const, 'remove-per-batch' as const, 'remove-at-end' as const),
    }),
  });
}

export function usesRouter(path: FuzzPath): boolean {
  return path !== 'sss';
}

/** The `crm:` section: every user and the queue with filter `all`, so all their mail is meant to be tracked. */
export function crmSection(topology: FuzzTopology, processing: FuzzProcessing): CrmInput {
  const direct = processing.path === 'sss';
  return {
    server: CRM_SERVER,
    users: usersOf(topology).map((address, i) => ({
      address, filter: 'all' as const,
      incoming: !direct && topology.forwardMailboxUsers[i] === true ? 'forward-mailbox' as const : 'email-router' as const,
    })),
    queues: topology.queue ? [{ address: QUEUE, incoming: 'email-router' as const, filter: 'all' as const }] : [],
  };
}

export function routerSection(processing: FuzzProcessing): ScenarioInput['router'] {
  if (!usesRouter(processing.path)) return undefined;
  return {
    incomingProfiles: [{ name: 'exchange-in', server: serverName(0) }],
    outgoingProfiles: [{ name: 'smtp-out', server: serverName(0) }],
    deployments: [{ incomingProfile: 'exchange-in', outgoingProfile: 'smtp-out', forwardMailbox: { address: FORWARD_MAILBOX } }],
    settings: { crmCall: `${processing.crmCallMs}ms` },
  };
}

export function sssSection(processing: FuzzProcessing): ScenarioInput['sss'] {
  const profiles = [{ name: 'exchange', server: serverName(0) }];
  if (processing.path === 'sss') return { name: SSS, profiles, enabled: 'all' };
  if (processing.path === 'router') return undefined;
  const c = processing.cutover;
  return {
    name: SSS, profiles,
    mailboxes: [{ address: FORWARD_MAILBOX, deleteAfterProcessing: true }],
    cutover: {
      at: `${c.atMinute}m`, processEmailFrom: { before: '24h' }, batchSize: c.batchSize, batchInterval: `${c.batchIntervalMinutes}m`,
      queuesFirst: c.queuesFirst, forwardRules: c.forwardRules,
    },
  };
}

/** Server-side sync from the start: "Process Email Using" is server-side sync at 0 s (R14). */
export function pathOperations(processing: FuzzProcessing): FaultInput[] {
  return processing.path === 'sss' ? [{ at: '0s', verb: 'switchToServerSideSync', target: CRM_SERVER }] : [];
}
