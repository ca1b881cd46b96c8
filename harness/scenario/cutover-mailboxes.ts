// The mailboxes a cutover can test and enable, known from the scenario's sections before any file is read: what
// bounds its batches in time (check-time-bounds.ts) and what its `failing` list may name (check-sss.ts).
import { crmOrganisations } from './crm-organisations.js';
import { syncedBySss } from '../world/build-sss-world.js';
import type { Scenario } from './schema.js';

/**
 * build-sss-world.ts enables the organisation's users and queues with a mailbox record, the forward mailboxes of its
 * router deployments, and the records `sss.mailboxes` adds. Router files are not read yet, so every forward mailbox
 * of the Exchange organisation counts when there is a router at all, whichever deployment names it (a file's must be
 * one of them, check-router.ts): a superset, so what is not in it is certainly no mailbox of the cutover.
 */
export function cutoverMailboxesAtMost(scenario: Scenario): ReadonlySet<string> {
  const orgs = crmOrganisations(scenario);
  const org = orgs.find(({ section }) => section.server === scenario.sss?.crm) ?? orgs[0];
  return new Set([
    ...(org?.section.users ?? []).filter(syncedBySss).map((u) => u.address),
    ...(org?.section.queues ?? []).filter(syncedBySss).map((q) => q.address),
    ...(scenario.router === undefined ? [] : (scenario.exchange?.mailboxes ?? []).filter((m) => m.kind === 'forward').map((m) => m.address)),
    ...(scenario.sss?.mailboxes ?? []).map((m) => m.address),
  ]);
}
