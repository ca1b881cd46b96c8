// Refuses appointment, contact and task operations (S15) that cannot be carried out: an `exchangeItem` without a
// mailbox on its target server, a `crmRecord` aimed at something that is not a CRM organisation, an action the verb
// does not have, a new item or record without an entity, a new record without an owning user of that organisation,
// `sss.act.users` that are not users with a mailbox record, and `expect.act` without `sss.act`.
import { ACT_ACTIONS_EXCHANGE } from '../../fakes/exchange/act-faults.js';
import { ACT_ACTIONS_CRM } from '../../fakes/crm/act-faults.js';
import type { ConsistencyProblem } from './check-consistency.js';
import { crmOrganisations } from './crm-organisations.js';
import type { Scenario } from './schema.js';

const ACTIONS: Readonly<Record<string, readonly string[]>> = { exchangeItem: ACT_ACTIONS_EXCHANGE, crmRecord: ACT_ACTIONS_CRM };

export function checkActOperations(scenario: Scenario): ConsistencyProblem[] {
  const problems: ConsistencyProblem[] = [];
  const exchange = scenario.exchange;
  const orgs = new Map(crmOrganisations(scenario).map((o) => [o.section.server, o.section]));
  const serverOfDatabase = new Map(exchange?.databases.map((d) => [d.name, d.server]) ?? []);
  const serverOfMailbox = new Map(exchange?.mailboxes.map((m) => [m.address, serverOfDatabase.get(m.database)]) ?? []);
  const created = new Map<string, number>();
  scenario.faults.forEach((fault, i) => {
    if (fault.verb === 'otherOrgTestAndEnable') {
      const named = fault.mailboxes ?? (fault.mailbox === undefined ? [] : [fault.mailbox]);
      if (named.length === 0) problems.push({ path: ['faults', i], message: `'otherOrgTestAndEnable' needs a mailbox or mailboxes (S13)` });
      named.forEach((m) => { if (!serverOfMailbox.has(m)) problems.push({ path: ['faults', i], message: `no Exchange mailbox ${m}` }); });
      if (fault.organisation === undefined) problems.push({ path: ['faults', i], message: `'otherOrgTestAndEnable' needs the organisation that takes the mailbox` });
    }
    const actions = ACTIONS[fault.verb];
    if (actions === undefined) return;
    const path = ['faults', i];
    if (fault.action === undefined || !actions.includes(fault.action)) problems.push({ path: [...path, 'action'], message: `'${fault.verb}' needs an action: ${actions.join(', ')}` });
    if (fault.item === undefined) {
      problems.push({ path, message: `'${fault.verb}' needs an item (at least its id)` });
      return;
    }
    if (fault.action === 'create' && fault.item.entity === undefined) problems.push({ path: [...path, 'item', 'entity'], message: 'a new item or record needs an entity: appointment, contact or task' });
    // Ids a person gives are unique where they live: per mailbox in Exchange, per organisation in CRM.
    const where = `${fault.verb} ${fault.verb === 'exchangeItem' ? fault.mailbox : fault.target} ${fault.action === 'copy' ? fault.item.copyId : fault.item.id}`;
    if (fault.action === 'create' || (fault.action === 'copy' && fault.item.copyId !== undefined)) {
      const earlier = created.get(where);
      if (earlier !== undefined) problems.push({ path: [...path, 'item'], message: `faults[${earlier}] already creates '${fault.action === 'copy' ? fault.item.copyId : fault.item.id}' there` });
      created.set(where, i);
    }
    if (fault.verb === 'exchangeItem') {
      const home = fault.mailbox === undefined ? undefined : serverOfMailbox.get(fault.mailbox);
      if (fault.mailbox === undefined || home === undefined) problems.push({ path: [...path, 'mailbox'], message: `'exchangeItem' needs a mailbox of the Exchange organisation` });
      else if (fault.target !== undefined && home !== fault.target) problems.push({ path: [...path, 'target'], message: `${fault.mailbox} is on server '${home}', not '${fault.target}'` });
      return;
    }
    const org = fault.target === undefined ? undefined : orgs.get(fault.target);
    if (org === undefined) {
      problems.push({ path: [...path, 'target'], message: `'crmRecord' acts on a CRM organisation (${[...orgs.keys()].join(', ')})` });
      return;
    }
    const owner = fault.item.owner;
    if (fault.action === 'create' && (owner === undefined || !org.users.some((u) => u.address === owner))) {
      problems.push({ path: [...path, 'item', 'owner'], message: `a new record needs an owner: a user of '${org.server}'` });
    }
  });
  const sss = scenario.sss;
  if (scenario.expect.act !== undefined && sss?.act === undefined) problems.push({ path: ['expect', 'act'], message: 'expects appointment, contact and task counts, but `sss.act` does not synchronize them' });
  if (sss?.act?.users !== undefined) {
    const org = orgs.get(sss.crm ?? [...orgs.keys()][0] ?? '');
    sss.act.users.forEach((u, j) => {
      // Like the mailbox records sss-config builds: users whose email server-side sync processes or sends.
      const user = org?.users.find((candidate) => candidate.address === u.address);
      const synced = user !== undefined && (user.incoming === 'email-router' || user.incoming === 'forward-mailbox' || user.outgoing === 'email-router'
        || sss.mailboxes.some((m) => m.address === u.address));
      if (!synced) problems.push({ path: ['sss', 'act', 'users', j, 'address'], message: `'${u.address}' is not a user with a server-side sync mailbox record` });
    });
  }
  return problems;
}
