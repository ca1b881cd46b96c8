// Refuses a router setup that cannot work: profiles on servers that do not exist, a deployment for another CRM, a
// forward mailbox that is not one, users on Forward Mailbox whose mail no inbox rule forwards there (R1, R2), users
// on Email Router access without a router, router verbs aimed at something that is not a router.
import { ROUTER_FAULT_VERBS } from '../../fakes/router/router-faults.js';
import type { ConsistencyProblem } from './check-consistency.js';
import type { Scenario } from './schema.js';

export function checkRouter(scenario: Scenario): ConsistencyProblem[] {
  const { crm, exchange, router } = scenario;
  const problems: ConsistencyProblem[] = [];
  const routed = [
    ...(crm?.users ?? []).map((u, i) => ({ entry: u, path: ['crm', 'users', i] as Array<string | number> })),
    ...(crm?.queues ?? []).map((q, i) => ({ entry: q, path: ['crm', 'queues', i] as Array<string | number> })),
  ];
  if (router === undefined || crm === undefined || exchange === undefined) {
    if (router !== undefined) problems.push({ path: ['router'], message: 'the router needs a `crm:` organisation (and an exchange world)' });
    for (const { entry, path } of routed) {
      if (entry.incoming === 'forward-mailbox' || entry.incoming === 'email-router') problems.push({ path: [...path, 'incoming'], message: `'${entry.incoming}' needs a \`router:\` section` });
      if (entry.outgoing === 'email-router') problems.push({ path: [...path, 'outgoing'], message: `'email-router' needs a \`router:\` section` });
    }
    return problems;
  }
  const servers = new Set(exchange.servers.map((s) => s.name));
  const senders = new Set((scenario.internet?.senders ?? []).map((s) => s.name));
  const mailboxKind = new Map(exchange.mailboxes.map((m) => [m.address, m.kind]));
  router.incomingProfiles.forEach((p, i) => {
    if (!servers.has(p.server)) problems.push({ path: ['router', 'incomingProfiles', i, 'server'], message: `no Exchange server named '${p.server}'` });
  });
  router.outgoingProfiles.forEach((p, i) => {
    if (!servers.has(p.server) && !senders.has(p.server)) problems.push({ path: ['router', 'outgoingProfiles', i, 'server'], message: `no Exchange server or outside sender named '${p.server}'` });
  });
  const incoming = new Set(router.incomingProfiles.map((p) => p.name));
  const outgoing = new Set(router.outgoingProfiles.map((p) => p.name));
  router.deployments.forEach((d, i) => {
    const path = ['router', 'deployments', i];
    if (d.crm !== undefined && d.crm !== crm.server) problems.push({ path: [...path, 'crm'], message: `no CRM organisation '${d.crm}' (this scenario has '${crm.server}')` });
    if (!incoming.has(d.incomingProfile)) problems.push({ path: [...path, 'incomingProfile'], message: `no incoming profile '${d.incomingProfile}'` });
    if (!outgoing.has(d.outgoingProfile)) problems.push({ path: [...path, 'outgoingProfile'], message: `no outgoing profile '${d.outgoingProfile}'` });
    if (d.forwardMailbox !== undefined && mailboxKind.get(d.forwardMailbox.address) !== 'forward') {
      problems.push({ path: [...path, 'forwardMailbox', 'address'], message: `'${d.forwardMailbox.address}' is not a forward mailbox of the Exchange organisation` });
    }
  });
  // Profiles and deployments may come from router.configFile: they are checked once it is read.
  if (router.configFile !== undefined) return problems;
  const forwardMailboxes = router.deployments.flatMap((d) => (d.forwardMailbox === undefined ? [] : [d.forwardMailbox.address]));
  for (const { entry, path } of routed) {
    if (router.deployments.length === 0 && (entry.incoming === 'forward-mailbox' || entry.incoming === 'email-router' || entry.outgoing === 'email-router')) {
      problems.push({ path, message: 'the router has no deployment for this organisation' });
      continue;
    }
    if (entry.incoming !== 'forward-mailbox') continue;
    if (forwardMailboxes.length === 0) {
      problems.push({ path: [...path, 'incoming'], message: 'Forward Mailbox access needs a deployment with a forward mailbox' });
      continue;
    }
    // R1, R2: the Rule Deployment Wizard's rule must copy this mailbox's mail to the forward mailbox.
    const forwarded = exchange.rules.some((rule) => forwardMailboxes.includes(rule.to) && rule.action !== 'forward'
      && (rule.users === 'all' ? mailboxKind.get(entry.address) === 'user' : rule.users.includes(entry.address)));
    if (!forwarded) problems.push({ path: [...path, 'incoming'], message: `no inbox rule copies ${entry.address}'s mail to the forward mailbox (${forwardMailboxes.join(', ')})` });
  }
  const names = router.instances.map((r) => r.name);
  const taken = new Set([...servers, ...senders, crm.server]);
  router.instances.forEach((r, i) => {
    if (taken.has(r.name) || names.indexOf(r.name) !== i) problems.push({ path: ['router', 'instances', i, 'name'], message: `'${r.name}' is already the name of another actor` });
  });
  scenario.faults.forEach((fault, i) => {
    if ((ROUTER_FAULT_VERBS as readonly string[]).includes(fault.verb) && fault.target !== undefined && !names.includes(fault.target)) {
      problems.push({ path: ['faults', i, 'target'], message: `'${fault.verb}' acts on a router instance (${names.join(', ')})` });
    }
  });
  return problems;
}
