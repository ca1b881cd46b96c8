// Refuses a server-side sync setup that cannot work: no organisation to serve, profiles on servers that do not exist,
// mailbox records for addresses that are neither a CRM user or queue nor a forward mailbox, deleting processed mail
// where S1 does not allow it, a cutover that does not fit before the horizon or names as failing a mailbox it never
// tests, verbs aimed at something else.
import { SSS_FAULT_VERBS } from '../../fakes/sss/sss-faults.js';
import type { ConsistencyProblem } from './check-consistency.js';
import { crmOrganisations } from './crm-organisations.js';
import { cutoverMailboxesAtMost } from './cutover-mailboxes.js';
import { didYouMean } from './closest-name.js';
import { routerInstanceNames } from './routers.js';
import type { Scenario, ScenarioFault } from './schema.js';
import { formatDurationMs } from './duration.js';
import { serverReferenceProblem } from './server-names.js';

const MINUTE_MS = 60_000;

export function checkSss(scenario: Scenario): ConsistencyProblem[] {
  const { sss, exchange } = scenario;
  if (sss === undefined) return [];
  const orgs = crmOrganisations(scenario);
  if (orgs.length === 0 || exchange === undefined) return [{ path: ['sss'], message: 'server-side sync needs a `crm:` organisation (and an exchange world)' }];
  const problems: ConsistencyProblem[] = [];
  const servers = orgs.map((o) => o.section.server);
  if (sss.crm === undefined && servers.length > 1) problems.push({ path: ['sss'], message: `name the organisation (\`crm:\`): the scenario has ${servers.join(', ')}` });
  const org = orgs.find((o) => o.section.server === (sss.crm ?? servers[0]));
  if (org === undefined) return [...problems, { path: ['sss', 'crm'], message: `no CRM organisation '${sss.crm}'` }];
  const exchangeServers = new Set(exchange.servers.map((s) => s.name));
  const kind = new Map(exchange.mailboxes.map((m) => [m.address, m.kind]));
  const crmKind = new Map([...org.section.users.map((u) => [u.address, 'user'] as const), ...org.section.queues.map((q) => [q.address, 'queue'] as const)]);
  const profiles = new Set(sss.profiles.map((p) => p.name));
  // Spelt as its server is by then, when it names one in any case (server-names.ts).
  sss.profiles.forEach((p, i) => {
    const problem = serverReferenceProblem([...exchangeServers], p.server, 'no Exchange server');
    if (problem !== null) problems.push({ path: ['sss', 'profiles', i, 'server'], message: problem });
  });
  sss.mailboxes.forEach((m, i) => {
    const path = ['sss', 'mailboxes', i];
    const what = crmKind.get(m.address) ?? (kind.get(m.address) === 'forward' ? 'forward' : undefined);
    if (what === undefined) problems.push({ path: [...path, 'address'], message: `'${m.address}' is neither a user or queue of '${org.section.server}' nor a forward mailbox` });
    if (m.profile !== undefined && !profiles.has(m.profile)) problems.push({ path: [...path, 'profile'], message: `no profile '${m.profile}'` });
    if (m.deleteAfterProcessing && what === 'user') problems.push({ path: [...path, 'deleteAfterProcessing'], message: 'only forward and queue mailboxes may delete processed mail (S1)' });
  });
  if (sss.enabled !== 'all') problems.push(...enabledProblems(scenario, sss.enabled, org.section.server));
  const cutover = sss.cutover;
  if (cutover !== undefined && cutover.at > scenario.horizon) problems.push({ path: ['sss', 'cutover', 'at'], message: 'the cutover must start before the horizon' });
  if (cutover !== undefined) problems.push(...failingProblems(scenario, cutover.failing, org.section.server));
  // 0 runs every batch at the switch on purpose; a few milliseconds is a bare number meant as hours or minutes.
  if (cutover !== undefined && cutover.batchInterval > 0 && cutover.batchInterval < MINUTE_MS) {
    problems.push({
      path: ['sss', 'cutover', 'batchInterval'],
      message: `${formatDurationMs(cutover.batchInterval)} is under a minute, where a cutover's batches are minutes to hours apart (a bare number is milliseconds: write a unit, like 5h or 30m; 0 enables every batch at the switch)`,
    });
  }
  const actors = new Set([sss.name]);
  if (exchangeServers.has(sss.name) || servers.includes(sss.name) || routerInstanceNames(scenario).includes(sss.name)) {
    problems.push({ path: ['sss', 'name'], message: `'${sss.name}' is already the name of another actor` });
  }
  scenario.faults.forEach((fault, i) => {
    if ((SSS_FAULT_VERBS as readonly string[]).includes(fault.verb) && fault.target !== undefined && !actors.has(fault.target)) {
      problems.push({ path: ['faults', i, 'target'], message: `'${fault.verb}' acts on the server-side sync service ('${sss.name}')` });
    }
    if (fault.verb === 'setProcessEmailFrom') problems.push(...processEmailFromProblems(fault, ['faults', i], profiles));
  });
  return problems;
}

/**
 * Addresses of a list that name no mailbox sync keeps a record for, said at the address as a fault's unknown mailbox
 * is (check-fault-fields.ts), with the nearest record's address when one is a slip away:
 * - `enabled`: such an address (a user on Outlook access, a misspelt one) cannot be tested and enabled (S1, S3); the
 *   run made it a record with no email server profile, disabled at its first cycle, and said so only among the
 *   disabled mailboxes at the end, far from the slip (the contributor review);
 * - a cutover's `failing`: the cutover never tests it, so the run had no failing mailbox and passed as if Test &
 *   Enable had worked everywhere.
 */
function unrecordedProblems(scenario: Scenario, list: readonly string[], path: Array<string | number>, said: (address: string, hint: string) => string): ConsistencyProblem[] {
  const records = cutoverMailboxesAtMost(scenario);
  return list.flatMap((address, j) => (records.has(address) ? [] : [{ path: [...path, j], message: said(address, didYouMean(address, records)) }]));
}

/**
 * S2a: the operation sets an instant, so it needs one; without it the run used to set "not a number", which every
 * comparison took as no limit at all (all the Inbox due again). A profile it names must exist, or it changes nothing.
 */
function processEmailFromProblems(fault: ScenarioFault, path: Array<string | number>, profiles: ReadonlySet<string>): ConsistencyProblem[] {
  const problems: ConsistencyProblem[] = [];
  if (fault.processEmailFrom === undefined) problems.push({ path, message: `'setProcessEmailFrom' needs processEmailFrom: the instant the profile's mail is processed from (S2a): 2h after the start, or -1d before it` });
  if (fault.profile !== undefined && !profiles.has(fault.profile)) {
    problems.push({ path: [...path, 'profile'], message: `no email server profile '${fault.profile}'${didYouMean(fault.profile, profiles)}` });
  }
  return problems;
}

function enabledProblems(scenario: Scenario, enabled: readonly string[], server: string): ConsistencyProblem[] {
  return unrecordedProblems(scenario, enabled, ['sss', 'enabled'], (address, hint) => `server-side sync has no mailbox record for '${address}' to enable${hint}: it keeps records for the users and queues of '${server}' on Email Router or Forward Mailbox access (\`incoming: email-router\` or \`forward-mailbox\`, or \`outgoing: email-router\`; users default to \`outlook\`), the forward mailboxes of its routers' deployments and sss.mailboxes`);
}

function failingProblems(scenario: Scenario, failing: readonly string[], server: string): ConsistencyProblem[] {
  return unrecordedProblems(scenario, failing, ['sss', 'cutover', 'failing'], (address, hint) => `'${address}' is not a mailbox the cutover tests and enables${hint}: it enables the users and queues of '${server}' on Email Router or Forward Mailbox access, the forward mailboxes of its routers' deployments and sss.mailboxes`);
}
