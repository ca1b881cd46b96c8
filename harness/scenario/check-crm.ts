// Refuses CRM organisations that cannot work with the scenario's Exchange: a user or queue CRM processes without an
// Exchange mailbox, a mailbox in two organisations (S13), an outbound SMTP server that does not exist, email from
// someone who is not a CRM user, a regarding record that does not exist, fault verbs aimed at the wrong actor.
import { outlookActorName } from '../../fakes/outlook/outlook-client.js';
import type { ConsistencyProblem } from './check-consistency.js';
import { crmOrganisations, organisationOf, runsOutlook, type CrmOrganisation } from './crm-organisations.js';
import { syncedBySss } from '../world/build-sss-world.js';
import { afterHorizon } from './after-horizon.js';
import { serverReferenceProblem } from './server-names.js';
import type { Scenario } from './schema.js';

type Path = Array<string | number>;

/** CRM verbs that act on a CRM server (the rest act on Outlook clients). */
const CRM_SERVER_VERBS: ReadonlySet<string> = new Set([
  'crmApiFault', 'clearCrmApiFault', 'switchToServerSideSync', 'deleteTrackedEmail', 'failActivityCreation', 'clearActivityCreationFailure',
]);

export function checkCrm(scenario: Scenario): ConsistencyProblem[] {
  const orgs = crmOrganisations(scenario);
  const { exchange } = scenario;
  const problems: ConsistencyProblem[] = [];
  if (orgs.length === 0 || exchange === undefined) {
    if ((scenario.users?.track.probability ?? 0) > 0) problems.push({ path: ['users', 'track'], message: 'tracking in Outlook needs a `crm:` organisation' });
    scenario.traffic?.messages.forEach((m, i) => {
      if (m.track) problems.push({ path: ['traffic', 'messages', i, 'track'], message: 'tracked mail needs a `crm:` organisation' });
    });
    return problems;
  }
  const actors = new Set([...exchange.servers.map((s) => s.name), ...(scenario.internet?.senders ?? []).map((s) => s.name)]);
  const seen = new Map<string, string>();
  const servers = new Set<string>();
  for (const org of orgs) {
    const server = org.section.server;
    if (actors.has(server) || servers.has(server)) problems.push({ path: [...org.path, 'server'], message: `'${server}' is already the name of another actor` });
    servers.add(server);
    problems.push(...checkOrganisation(scenario, org, actors, seen));
  }
  const outlooks = new Set(orgs.flatMap(({ section }) => section.users.filter(runsOutlook).map((u) => outlookActorName(u.address))));
  scenario.traffic?.messages.forEach((m, i) => {
    const user = organisationOf(scenario, m.from)?.section.users.find((u) => u.address === m.from);
    // S16: without the CRM client, a user of the organisation server-side sync serves tracks through the mailbox.
    const org = organisationOf(scenario, m.from)?.section.server;
    const throughSync = scenario.sss !== undefined && org !== undefined && org === (scenario.sss.crm ?? orgs[0]?.section.server)
      && user !== undefined && syncedBySss(user);
    if (m.track && (user === undefined || (!runsOutlook(user) && !throughSync))) {
      problems.push({ path: ['traffic', 'messages', i, 'track'], message: `'${m.from}' is not a CRM user who runs Outlook with the CRM client, or whose organisation uses server-side sync` });
    }
  });
  scenario.faults.forEach((fault, i) => {
    if (CRM_SERVER_VERBS.has(fault.verb)
      && fault.target !== undefined && !servers.has(fault.target)) {
      problems.push({ path: ['faults', i, 'target'], message: `'${fault.verb}' acts on a CRM server (${[...servers].join(', ')})` });
    }
    if ((fault.verb === 'goOffline' || fault.verb === 'goOnline') && fault.target !== undefined && !outlooks.has(fault.target)) {
      problems.push({ path: ['faults', i, 'target'], message: `'${fault.verb}' acts on an Outlook client (${[...outlooks].join(', ') || 'none in this scenario'})` });
    }
  });
  return problems;
}

/** One organisation's own checks; `seen` collects user and queue addresses across organisations. */
function checkOrganisation(scenario: Scenario, org: CrmOrganisation, actors: ReadonlySet<string>, seen: Map<string, string>): ConsistencyProblem[] {
  const { section: crm, path: at } = org;
  const exchange = scenario.exchange;
  const problems: ConsistencyProblem[] = [];
  const mailboxKind = new Map((exchange?.mailboxes ?? []).map((m) => [m.address, m.kind]));
  const users = new Map(crm.users.map((u) => [u.address, u]));
  const entries = [
    ...crm.users.map((u, i) => ({ address: u.address, path: [...at, 'users', i, 'address'], kind: 'user', processed: u.incoming !== 'none' || u.outlook === true })),
    ...crm.queues.map((q, i) => ({ address: q.address, path: [...at, 'queues', i, 'address'], kind: 'queue', processed: q.incoming !== 'none' })),
  ];
  for (const entry of entries) {
    const owner = seen.get(entry.address);
    if (owner !== undefined) {
      problems.push({ path: entry.path, message: owner === crm.server ? `'${entry.address}' is already a CRM user or queue` : `'${entry.address}' already belongs to CRM organisation '${owner}' (S13: one organisation per mailbox)` });
    }
    seen.set(entry.address, crm.server);
    const kind = mailboxKind.get(entry.address);
    if (entry.processed && kind === undefined) problems.push({ path: entry.path, message: `'${entry.address}' has no Exchange mailbox to process` });
    else if (kind !== undefined && kind !== entry.kind) problems.push({ path: entry.path, message: `'${entry.address}' is a ${kind} mailbox in Exchange, not a ${entry.kind}` });
  }
  const ids = new Set<string>();
  const kinds = { contacts: 'contact', accounts: 'account', leads: 'lead', others: 'other' } as const;
  (['contacts', 'accounts', 'leads', 'others'] as const).forEach((list) => crm[list].forEach((r, i) => {
    // The same default ids the world builder gives (build-crm-world.ts).
    const id = r.id ?? `${kinds[list]}-${i + 1}`;
    if (ids.has(id)) problems.push({ path: [...at, list, i, 'id'], message: `record id '${id}' is used twice` });
    ids.add(id);
  }));
  const { tokenBaseNumber, tokenUserDigits } = crm.settings;
  if (String(tokenBaseNumber + crm.users.length).length > tokenUserDigits) {
    problems.push({
      path: [...at, 'settings', 'tokenBaseNumber'],
      message: `base ${tokenBaseNumber} plus ${crm.users.length} users needs more than tokenUserDigits (${tokenUserDigits}) digits: users would share tokens (S11)`,
    });
  }
  // Spelt as its server is by then, when it names one in any case (server-names.ts).
  const smtp = crm.outbound.smtpServer;
  const smtpProblem = smtp === undefined ? null : serverReferenceProblem([...actors], smtp, 'no Exchange server or outside sender');
  if (smtpProblem !== null) problems.push({ path: [...at, 'outbound', 'smtpServer'], message: smtpProblem });
  crm.emails.forEach((email, i) => {
    const path: Path = [...at, 'emails', i];
    if (!users.has(email.from)) problems.push({ path: [...path, 'from'], message: `'${email.from}' is not a CRM user` });
    if (email.regarding !== undefined && !ids.has(email.regarding)) problems.push({ path: [...path, 'regarding'], message: `no record with id '${email.regarding}'` });
    if (email.at > scenario.horizon) problems.push({ path: [...path, 'at'], message: afterHorizon(email.at, scenario.horizon, 'CRM email is created') });
  });
  return problems;
}
