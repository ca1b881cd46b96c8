// Refuses a router setup that cannot work: profiles on servers that do not exist, a deployment for an organisation the
// scenario does not have, a forward mailbox that is not one (or serves two deployments), users on Forward Mailbox
// whose mail no inbox rule copies there (R1, R2), router access without a router, router verbs aimed elsewhere.
// Several router installs (one per site) each follow the rules; a forward mailbox serves one deployment in all.
import { ROUTER_FAULT_VERBS } from '../../fakes/router/router-faults.js';
import type { ConsistencyProblem } from './check-consistency.js';
import { crmOrganisations } from './crm-organisations.js';
import { formatPath } from './input-error.js';
import { routerInstalls, routerInstanceNames, type RouterInstall } from './routers.js';
import type { Scenario } from './schema.js';
import type { ExchangeSection } from './exchange-schema.js';
import { ruleNamesUser } from './rule-users.js';
import { serverReferenceProblem } from './server-names.js';

type Path = Array<string | number>;

export function checkRouter(scenario: Scenario): ConsistencyProblem[] {
  const { exchange } = scenario;
  const installs = routerInstalls(scenario);
  const orgs = crmOrganisations(scenario);
  const problems: ConsistencyProblem[] = [];
  const routed = orgs.flatMap(({ section, path }) => [
    ...section.users.map((entry, i) => ({ entry, crm: section.server, path: [...path, 'users', i] as Path })),
    ...section.queues.map((entry, i) => ({ entry, crm: section.server, path: [...path, 'queues', i] as Path })),
  ]);
  if (installs.length === 0 || orgs.length === 0 || exchange === undefined) {
    if (installs.length > 0) problems.push({ path: ['router'], message: 'the router needs a `crm:` organisation (and an exchange world)' });
    // "Server-Side Synchronization or Email Router": with server-side sync in the scenario, no router is needed.
    if (scenario.sss !== undefined) return [...problems, ...forwardWithoutRouter(scenario, routed), ...syncNeverTakesOver(scenario, routed)];
    for (const { entry, path } of routed) {
      if (entry.incoming === 'forward-mailbox' || entry.incoming === 'email-router') problems.push({ path: [...path, 'incoming'], message: `'${entry.incoming}' needs a \`router:\` section, or server-side sync that takes over (an \`sss:\` section and a switchToServerSideSync fault or a cutover, R14)` });
      if (entry.outgoing === 'email-router') problems.push({ path: [...path, 'outgoing'], message: `'email-router' needs a \`router:\` section, or server-side sync that takes over (an \`sss:\` section and a switchToServerSideSync fault or a cutover, R14)` });
    }
    return problems;
  }
  const servers = new Set(exchange.servers.map((s) => s.name));
  const senders = new Set((scenario.internet?.senders ?? []).map((s) => s.name));
  const crmServers = orgs.map((o) => o.section.server);
  const mailboxKind = new Map(exchange.mailboxes.map((m) => [m.address, m.kind]));
  /** Forward mailbox -> the deployment (its path) that reads it, across installs: one forward mailbox each (R12). */
  const forwardUsedBy = new Map<string, string>();
  const taken = new Set<string>([...servers, ...senders, ...crmServers]);
  for (const install of installs) problems.push(...checkInstall(install, { servers, senders, crmServers, mailboxKind, forwardUsedBy, taken }));
  const names = routerInstanceNames(scenario);
  scenario.faults.forEach((fault, i) => {
    if ((ROUTER_FAULT_VERBS as readonly string[]).includes(fault.verb) && fault.target !== undefined && !names.includes(fault.target)) {
      problems.push({ path: ['faults', i, 'target'], message: `'${fault.verb}' acts on a router instance (${names.join(', ')})` });
    }
  });
  // Profiles and deployments may come from a configFile: they are checked once it is read.
  if (installs.some(({ section }) => section.configFile !== undefined)) return problems;
  const deployments = installs.flatMap(({ section, path }) => section.deployments.map((d, i) => ({ d, path: [...path, 'deployments', i] })));
  const routedAddresses = new Map(routed.map(({ entry, crm }) => [entry.address, crm]));
  for (const { d, path } of deployments) {
    d.users?.forEach((address, j) => {
      if (routedAddresses.get(address) !== (d.crm ?? crmServers[0])) problems.push({ path: [...path, 'users', j], message: `'${address}' is not a user or queue of organisation '${d.crm ?? crmServers[0]}'` });
    });
  }
  /** The deployments that serve a user or queue: its organisation's, where the deployment lists it or lists none. */
  const deploymentsOf = (crm: string, address: string) => deployments.map(({ d }) => d)
    .filter((d) => (d.crm ?? crmServers[0]) === crm && (d.users === undefined || d.users.includes(address)));
  for (const { entry, crm, path } of routed) {
    const usesRouter = entry.incoming === 'forward-mailbox' || entry.incoming === 'email-router' || entry.outgoing === 'email-router';
    if (!usesRouter) continue;
    if (deploymentsOf(crm, entry.address).length === 0) {
      problems.push({ path, message: `the router has no deployment for organisation '${crm}' that serves ${entry.address}` });
      continue;
    }
    // Two installs reading one Inbox race on it (R13); within one install, instances share the work or stand by.
    const readers = installs.filter(({ section }) => section.deployments.some((d) => (d.crm ?? crmServers[0]) === crm && (d.users === undefined || d.users.includes(entry.address))));
    if (entry.incoming === 'email-router' && readers.length > 1) {
      problems.push({ path: [...path, 'incoming'], message: `${entry.address}'s Inbox would be read by ${readers.map((r) => formatPath(r.path)).join(' and ')} (R13: both track it); list it in one deployment's users` });
    }
    if (entry.incoming !== 'forward-mailbox') continue;
    const forwardMailboxes = deploymentsOf(crm, entry.address).flatMap((d) => (d.forwardMailbox === undefined ? [] : [d.forwardMailbox.address]));
    if (forwardMailboxes.length === 0) {
      problems.push({ path: [...path, 'incoming'], message: 'Forward Mailbox access needs a deployment with a forward mailbox' });
      continue;
    }
    // R1, R2: the Rule Deployment Wizard's rule must copy this mailbox's mail to its organisation's forward mailbox.
    if (!copiedByRule(exchange, forwardMailboxes, entry.address, mailboxKind)) problems.push({ path: [...path, 'incoming'], message: `no inbox rule copies ${entry.address}'s mail to the forward mailbox (${forwardMailboxes.join(', ')})` });
  }
  return problems;
}

interface Known {
  readonly servers: ReadonlySet<string>;
  readonly senders: ReadonlySet<string>;
  readonly crmServers: readonly string[];
  readonly mailboxKind: ReadonlyMap<string, string>;
  readonly forwardUsedBy: Map<string, string>;
  /** Actor names already used (instance names are added as they are met). */
  readonly taken: Set<string>;
}

/** One router install: its profiles, its deployments (one per organisation, R3) and its instances' names. */
function checkInstall({ section: router, path: at }: RouterInstall, known: Known): ConsistencyProblem[] {
  const problems: ConsistencyProblem[] = [];
  const servers = [...known.servers, ...known.senders];
  // Spelt as its server is by then, when it names one in any case, as a router file's EmailServerUrl (server-names.ts).
  router.incomingProfiles.forEach((p, i) => {
    const problem = serverReferenceProblem(servers, p.server, 'no Exchange server', (name) => known.servers.has(name));
    if (problem !== null) problems.push({ path: [...at, 'incomingProfiles', i, 'server'], message: problem });
  });
  router.outgoingProfiles.forEach((p, i) => {
    const problem = serverReferenceProblem(servers, p.server, 'no Exchange server or outside sender');
    if (problem !== null) problems.push({ path: [...at, 'outgoingProfiles', i, 'server'], message: problem });
  });
  const incoming = new Set(router.incomingProfiles.map((p) => p.name));
  const outgoing = new Set(router.outgoingProfiles.map((p) => p.name));
  const deploymentOf = new Map<string, number>();
  const { crmServers } = known;
  router.deployments.forEach((d, i) => {
    const path = [...at, 'deployments', i];
    const crm = d.crm ?? crmServers[0] ?? '';
    if (deploymentOf.has(crm)) problems.push({ path, message: `organisation '${crm}' already has deployment ${deploymentOf.get(crm)}: one deployment per organisation (R3)` });
    deploymentOf.set(crm, i);
    if (d.crm === undefined && crmServers.length > 1) problems.push({ path, message: `name the organisation (\`crm:\`): the scenario has ${crmServers.join(', ')}` });
    if (d.crm !== undefined && !crmServers.includes(d.crm)) problems.push({ path: [...path, 'crm'], message: `no CRM organisation '${d.crm}' (the scenario has ${crmServers.join(', ')})` });
    if (!incoming.has(d.incomingProfile)) problems.push({ path: [...path, 'incomingProfile'], message: `no incoming profile '${d.incomingProfile}'` });
    if (!outgoing.has(d.outgoingProfile)) problems.push({ path: [...path, 'outgoingProfile'], message: `no outgoing profile '${d.outgoingProfile}'` });
    if (d.forwardMailbox === undefined) return;
    const address = d.forwardMailbox.address;
    if (known.mailboxKind.get(address) !== 'forward') problems.push({ path: [...path, 'forwardMailbox', 'address'], message: `'${address}' is not a forward mailbox of the Exchange organisation` });
    const other = known.forwardUsedBy.get(address);
    if (other !== undefined) problems.push({ path: [...path, 'forwardMailbox', 'address'], message: `'${address}' already serves ${other}: one forward mailbox per deployment (R12)` });
    known.forwardUsedBy.set(address, formatPath(path));
  });
  router.instances.forEach((r, i) => {
    if (known.taken.has(r.name)) problems.push({ path: [...at, 'instances', i, 'name'], message: `'${r.name}' is already the name of another actor` });
    known.taken.add(r.name);
  });
  return problems;
}

/** Does an inbox rule copy this mailbox's mail to one of the forward mailboxes, carrying the original (R1, R2)? */
function copiedByRule(exchange: ExchangeSection, forwardMailboxes: readonly string[], address: string, kindOf: ReadonlyMap<string, string>): boolean {
  return exchange.rules.some((rule) => rule.to !== undefined && forwardMailboxes.includes(rule.to) && rule.action !== 'forward' && rule.action !== 'move'
    && ruleNamesUser(rule.users, address, kindOf.get(address)));
}

/**
 * Forward Mailbox access with server-side sync and no router: the user's mail reaches CRM only through a forward
 * mailbox that sync reads (`sss.mailboxes`) and an inbox rule copying it there (R1, R2). Without them the model would
 * read the user's own Inbox, which is what `incoming: email-router` means (R4, S1).
 */
/**
 * Without a router, server-side sync processes an organisation's Email Router access only once "Process Email Using"
 * is server-side sync (R14): without a switch or a cutover nothing would read that mail, and every message would end
 * `unexplained` after a three-day drain. Said once, not once per user (a plan makes thousands).
 */
function syncNeverTakesOver(scenario: Scenario, routed: ReadonlyArray<{ entry: { address: string; incoming: string; outgoing?: string }; crm: string; path: Path }>): ConsistencyProblem[] {
  const sss = scenario.sss;
  if (sss === undefined) return [];
  const served = sss.crm ?? crmOrganisations(scenario)[0]?.section.server;
  const needsProcessing = routed.filter(({ entry }) => entry.incoming === 'email-router' || entry.incoming === 'forward-mailbox' || entry.outgoing === 'email-router');
  const problems: ConsistencyProblem[] = [];
  const other = needsProcessing.find(({ crm }) => crm !== served);
  if (other !== undefined) {
    problems.push({ path: [...other.path, 'incoming'], message: `Email Router access needs a \`router:\` section: server-side sync serves organisation '${served ?? ''}', not '${other.crm}'` });
  }
  const switched = sss.cutover !== undefined || scenario.faults.some((f) => f.verb === 'switchToServerSideSync' && f.target === served);
  const first = needsProcessing.find(({ crm }) => crm === served);
  if (!switched && first !== undefined) {
    const count = needsProcessing.filter(({ crm }) => crm === served).length;
    problems.push({
      path: ['sss'],
      message: `server-side sync never takes over, and there is no router: "Process Email Using" stays Email Router (R14), so nothing processes the mail of ${count === 1 ? 'the user or queue' : `${count} users and queues`} on Email Router access (${formatPath(first.path)}). Add { at: 0s, verb: switchToServerSideSync, target: ${served ?? 'crm'} } to faults, an sss.cutover, or a router: section`,
    });
  }
  return problems;
}

function forwardWithoutRouter(scenario: Scenario, routed: ReadonlyArray<{ entry: { address: string; incoming: string }; path: Path }>): ConsistencyProblem[] {
  const exchange = scenario.exchange;
  if (exchange === undefined) return [];
  const kindOf = new Map(exchange.mailboxes.map((m) => [m.address, m.kind]));
  const forwardMailboxes = (scenario.sss?.mailboxes ?? []).map((m) => m.address).filter((a) => kindOf.get(a) === 'forward');
  return routed.filter(({ entry }) => entry.incoming === 'forward-mailbox').flatMap(({ entry, path }) => {
    if (copiedByRule(exchange, forwardMailboxes, entry.address, kindOf)) return [];
    const what = forwardMailboxes.length === 0 ? 'no forward mailbox is read by server-side sync (list one in sss.mailboxes)'
      : `no inbox rule copies ${entry.address}'s mail to ${forwardMailboxes.join(', ')}`;
    return [{ path: [...path, 'incoming'], message: `Forward Mailbox access without the router: ${what}; or use incoming: email-router, sync reading the user's own Inbox (R1, R2, R4)` }];
  });
}