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
  scenario.faults.forEach((fault, i) => {
    const actions = ACTIONS[fault.verb];
    if (actions === undefined) return;
    const path = ['faults', i];
    if (fault.action === undefined || !actions.includes(fault.action)) problems.push({ path: [...path, 'action'], message: `'${fault.verb}' needs an action: ${actions.join(', ')}` });
    if (fault.item === undefined) {
      problems.push({ path, message: `'${fault.verb}' needs an item (at least its id)` });
      return;
    }
    if (fault.action === 'create' && fault.item.entity === undefined) problems.push({ path: [...path, 'item', 'entity'], message: 'a new item or record needs an entity: appointment, contact or task' });
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
      if (!org?.users.some((user) => user.address === u.address)) problems.push({ path: ['sss', 'act', 'users', j, 'address'], message: `'${u.address}' is not a user of the organisation server-side sync serves` });
    });
  }
  return problems;
}
