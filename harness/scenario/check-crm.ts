// Refuses a CRM organisation that cannot work with the scenario's Exchange: a user or queue CRM processes without an
// Exchange mailbox, an outbound SMTP server that does not exist, email from someone who is not a CRM user, a
// regarding record that does not exist, fault verbs aimed at the wrong kind of actor.
import { outlookActorName } from '../../fakes/outlook/outlook-client.js';
import type { ConsistencyProblem } from './check-consistency.js';
import type { Scenario } from './schema.js';

export function checkCrm(scenario: Scenario): ConsistencyProblem[] {
  const { crm, exchange } = scenario;
  const problems: ConsistencyProblem[] = [];
  if (crm === undefined || exchange === undefined) {
    if ((scenario.users?.track.probability ?? 0) > 0) problems.push({ path: ['users', 'track'], message: 'tracking in Outlook needs a `crm:` organisation' });
    scenario.traffic?.messages.forEach((m, i) => {
      if (m.track) problems.push({ path: ['traffic', 'messages', i, 'track'], message: 'tracked mail needs a `crm:` organisation' });
    });
    return problems;
  }
  const mailboxKind = new Map(exchange.mailboxes.map((m) => [m.address, m.kind]));
  const users = new Map(crm.users.map((u) => [u.address, u]));
  const seen = new Set<string>();
  const entries = [
    ...crm.users.map((u, i) => ({ address: u.address, path: ['crm', 'users', i, 'address'], kind: 'user', processed: u.incoming !== 'none' || u.outlook === true })),
    ...crm.queues.map((q, i) => ({ address: q.address, path: ['crm', 'queues', i, 'address'], kind: 'queue', processed: q.incoming !== 'none' })),
  ];
  for (const entry of entries) {
    if (seen.has(entry.address)) problems.push({ path: entry.path, message: `'${entry.address}' is already a CRM user or queue` });
    seen.add(entry.address);
    const kind = mailboxKind.get(entry.address);
    if (entry.processed && kind === undefined) problems.push({ path: entry.path, message: `'${entry.address}' has no Exchange mailbox to process` });
    else if (kind !== undefined && kind !== entry.kind) problems.push({ path: entry.path, message: `'${entry.address}' is a ${kind} mailbox in Exchange, not a ${entry.kind}` });
  }
  const ids = new Set<string>();
  const kinds = { contacts: 'contact', accounts: 'account', leads: 'lead', others: 'other' } as const;
  (['contacts', 'accounts', 'leads', 'others'] as const).forEach((list) => crm[list].forEach((r, i) => {
    // The same default ids the world builder gives (build-crm-world.ts).
    const id = r.id ?? `${kinds[list]}-${i + 1}`;
    if (ids.has(id)) problems.push({ path: ['crm', list, i, 'id'], message: `record id '${id}' is used twice` });
    ids.add(id);
  }));
  const { tokenBaseNumber, tokenUserDigits } = crm.settings;
  if (String(tokenBaseNumber + crm.users.length).length > tokenUserDigits) {
    problems.push({
      path: ['crm', 'settings', 'tokenBaseNumber'],
      message: `base ${tokenBaseNumber} plus ${crm.users.length} users needs more than tokenUserDigits (${tokenUserDigits}) digits: users would share tokens (S11)`,
    });
  }
  const actors = new Set([...exchange.servers.map((s) => s.name), ...(scenario.internet?.senders ?? []).map((s) => s.name)]);
  if (actors.has(crm.server)) problems.push({ path: ['crm', 'server'], message: `'${crm.server}' is already the name of an Exchange server or outside sender` });
  const smtp = crm.outbound.smtpServer;
  if (smtp !== undefined && !actors.has(smtp)) {
    problems.push({ path: ['crm', 'outbound', 'smtpServer'], message: `no Exchange server or outside sender named '${smtp}'` });
  }
  crm.emails.forEach((email, i) => {
    if (!users.has(email.from)) problems.push({ path: ['crm', 'emails', i, 'from'], message: `'${email.from}' is not a CRM user` });
    if (email.regarding !== undefined && !ids.has(email.regarding)) {
      problems.push({ path: ['crm', 'emails', i, 'regarding'], message: `no record with id '${email.regarding}'` });
    }
    if (email.at > scenario.horizon) problems.push({ path: ['crm', 'emails', i, 'at'], message: 'CRM email must be created before the horizon' });
  });
  scenario.traffic?.messages.forEach((m, i) => {
    const user = users.get(m.from);
    if (m.track && (user === undefined || !(user.outlook ?? user.incoming === 'outlook'))) {
      problems.push({ path: ['traffic', 'messages', i, 'track'], message: `'${m.from}' is not a CRM user who runs Outlook with the CRM client` });
    }
  });
  const outlooks = new Set(crm.users.filter((u) => u.outlook ?? u.incoming === 'outlook').map((u) => outlookActorName(u.address)));
  scenario.faults.forEach((fault, i) => {
    if ((fault.verb === 'crmApiFault' || fault.verb === 'clearCrmApiFault') && fault.target !== undefined && fault.target !== crm.server) {
      problems.push({ path: ['faults', i, 'target'], message: `'${fault.verb}' acts on the CRM server ('${crm.server}')` });
    }
    if ((fault.verb === 'goOffline' || fault.verb === 'goOnline') && fault.target !== undefined && !outlooks.has(fault.target)) {
      problems.push({ path: ['faults', i, 'target'], message: `'${fault.verb}' acts on an Outlook client (${[...outlooks].join(', ') || 'none in this scenario'})` });
    }
  });
  return problems;
}
