// Refuses an Exchange topology that cannot exist, before any run: a database on an unknown server, a mailbox in an
// unknown database or outside the accepted domains, a rule forwarding to a mailbox that does not exist, ...
import type { ConsistencyProblem } from './check-consistency.js';
import type { Scenario } from './schema.js';
import type { ExchangeSection } from './exchange-schema.js';
import { afterHorizon } from './after-horizon.js';
import { ruleUserProblem } from './rule-users.js';

type Path = Array<string | number>;

/**
 * Verbs whose target is an Exchange server: those that act on one as a whole, and the organisation-wide ones any of
 * its servers takes (removing the forwarding rules, another organisation's Test & Enable, S13). A sender's or CRM's
 * name there was accepted and the run said PASS, the operation drawn on the report's timeline as done to it.
 */
const SERVER_VERBS = new Set(['stopInbound', 'startInbound', 'smtpFault', 'clearSmtpFault', 'removeInboxRules', 'otherOrgTestAndEnable']);

function duplicates<T>(items: readonly T[], keyOf: (item: T) => string, path: (i: number) => Path, what: string): ConsistencyProblem[] {
  const seen = new Set<string>();
  const problems: ConsistencyProblem[] = [];
  items.forEach((item, i) => {
    const key = keyOf(item);
    if (seen.has(key)) problems.push({ path: path(i), message: `${what} '${key}' is defined twice` });
    seen.add(key);
  });
  return problems;
}

export function checkExchange(scenario: Scenario): ConsistencyProblem[] {
  const exchange = scenario.exchange;
  if (exchange === undefined) return [];
  const problems: ConsistencyProblem[] = [];
  const servers = new Set(exchange.servers.map((s) => s.name));
  const databaseServer = new Map(exchange.databases.map((d) => [d.name, d.server]));
  const mailboxKind = new Map(exchange.mailboxes.map((m) => [m.address, m.kind]));
  const senders = new Set((scenario.internet?.senders ?? []).map((s) => s.name));
  const senderDomains = new Set((scenario.internet?.senders ?? []).map((s) => s.domain));

  problems.push(
    ...duplicates(exchange.servers, (s) => s.name, (i) => ['exchange', 'servers', i, 'name'], 'server'),
    ...duplicates(exchange.databases, (d) => d.name, (i) => ['exchange', 'databases', i, 'name'], 'database'),
    ...duplicates(exchange.mailboxes, (m) => m.address, (i) => ['exchange', 'mailboxes', i, 'address'], 'mailbox'),
    ...duplicates(scenario.internet?.senders ?? [], (s) => s.name, (i) => ['internet', 'senders', i, 'name'], 'sender'),
  );
  (scenario.internet?.senders ?? []).forEach((s, i) => {
    if (servers.has(s.name)) problems.push({ path: ['internet', 'senders', i, 'name'], message: `'${s.name}' is already an Exchange server's name` });
    if (exchange.acceptedDomains.includes(s.domain)) {
      problems.push({ path: ['internet', 'senders', i, 'domain'], message: `'${s.domain}' is one of the organisation's own domains` });
    }
  });
  exchange.servers.forEach((s, i) => {
    if (s.cluster?.mode === 'active-active') {
      problems.push({ path: ['exchange', 'servers', i, 'cluster', 'mode'], message: 'Active/Active Exchange clusters are not supported (only Active/Passive); run one active node' });
    }
  });
  exchange.databases.forEach((d, i) => {
    if (!servers.has(d.server)) problems.push({ path: ['exchange', 'databases', i, 'server'], message: `no server named '${d.server}'` });
  });
  exchange.mailboxes.forEach((m, i) => {
    if (!databaseServer.has(m.database)) problems.push({ path: ['exchange', 'mailboxes', i, 'database'], message: `no database named '${m.database}'` });
    const domain = m.address.slice(m.address.lastIndexOf('@') + 1);
    if (!exchange.acceptedDomains.includes(domain)) {
      problems.push({ path: ['exchange', 'mailboxes', i, 'address'], message: `'${domain}' is not an accepted domain (${exchange.acceptedDomains.join(', ')})` });
    }
  });
  exchange.rules.forEach((rule, i) => {
    problems.push(...ruleFieldProblems(rule).map(({ field, message }) => ({ path: ['exchange', 'rules', i, field], message })));
    if (rule.to !== undefined && !mailboxKind.has(rule.to)) problems.push({ path: ['exchange', 'rules', i, 'to'], message: `the rule forwards to '${rule.to}', which is not a mailbox of the organisation` });
    if (rule.users !== 'all') {
      rule.users.forEach((user, j) => {
        const problem = ruleUserProblem(user, mailboxKind);
        if (problem !== null) problems.push({ path: ['exchange', 'rules', i, 'users', j], message: problem });
      });
    }
  });
  (exchange.mx ?? []).forEach((mx, i) => {
    if (!servers.has(mx)) problems.push({ path: ['exchange', 'mx', i], message: `no server named '${mx}'` });
  });
  (scenario.traffic?.messages ?? []).forEach((m, i) => {
    const domain = m.from.slice(m.from.lastIndexOf('@') + 1);
    if (exchange.acceptedDomains.includes(domain)) {
      if (!mailboxKind.has(m.from)) problems.push({ path: ['traffic', 'messages', i, 'from'], message: `'${m.from}' is not a mailbox of the organisation` });
    } else if (!senderDomains.has(domain)) problems.push({ path: ['traffic', 'messages', i, 'from'], message: `no outside sender sends for '${domain}' (internet.senders)` });
  });
  // Outside senders stop at the horizon, and a person's listed message after it goes only if the drain is still
  // running then: either way not what the file says. Refused, as faults after the horizon are.
  for (const list of ['messages', 'eml'] as const) {
    (scenario.traffic?.[list] ?? []).forEach((m, i) => {
      if (m.at > scenario.horizon) problems.push({ path: ['traffic', list, i, 'at'], message: afterHorizon(m.at, scenario.horizon, 'traffic is sent') });
    });
  }
  (scenario.traffic?.generators ?? []).forEach((g, i) => {
    if (!senders.has(g.sender)) problems.push({ path: ['traffic', 'generators', i, 'sender'], message: `no outside sender named '${g.sender}'` });
  });
  scenario.faults.forEach((fault, i) => {
    if (fault.verb === 'smtpFault' && fault.dropReply === true && (fault.stage ?? 'end-of-data') !== 'end-of-data') {
      problems.push({ path: ['faults', i, 'dropReply'], message: 'a reply can only be lost after DATA (stage: end-of-data)' });
    }
    if (SERVER_VERBS.has(fault.verb) && fault.target !== undefined && !servers.has(fault.target)) {
      problems.push({ path: ['faults', i, 'target'], message: `'${fault.verb}' acts on an Exchange server; '${fault.target}' is not one` });
    }
    if (fault.verb === 'failover' && exchange.servers.find((s) => s.name === fault.target)?.cluster === undefined) {
      problems.push({ path: ['faults', i, 'target'], message: `'failover' needs a clustered server (exchange.servers[].cluster); '${fault.target ?? ''}' is not one` });
    }
    if (fault.verb === 'recoverServer' && !servers.has(fault.target ?? '')) {
      problems.push({ path: ['faults', i, 'target'], message: `'recoverServer' acts on an Exchange server; '${fault.target ?? ''}' is not one` });
    }
    if (!['dismount', 'mount', 'backup', 'restore', 'activateLaggedCopy', 'resubmitSafetyNet'].includes(fault.verb)) return;
    if (fault.database === undefined && fault.verb === 'resubmitSafetyNet') {
      if (!servers.has(fault.target ?? '')) problems.push({ path: ['faults', i, 'target'], message: `no Exchange server named '${fault.target ?? ''}'` });
    } else if (fault.database === undefined) {
      problems.push({ path: ['faults', i], message: `'${fault.verb}' needs a database` });
    } else if (databaseServer.get(fault.database) !== fault.target) {
      problems.push({ path: ['faults', i, 'database'], message: `no database '${fault.database}' on server '${fault.target ?? ''}'` });
    }
  });
  return problems;
}

/** A move rule files mail into `folder`; the other rules copy it `to` a mailbox: each has its own fields. */
function ruleFieldProblems(rule: ExchangeSection['rules'][number]): Array<{ field: string; message: string }> {
  if (rule.action === 'move') {
    return [
      ...(rule.folder === undefined ? [{ field: 'folder', message: 'a move rule needs the folder it files mail into' }] : []),
      ...(rule.to === undefined ? [] : [{ field: 'to', message: 'a move rule files mail into `folder`; `to` is for the rules that copy it' }]),
    ];
  }
  return [
    ...(rule.to === undefined ? [{ field: 'to', message: `a ${rule.action} rule needs \`to\`, where its copies go` }] : []),
    ...(['folder', 'from'] as const).filter((field) => rule[field] !== undefined).map((field) => ({ field, message: `\`${field}\` is for move rules` })),
  ];
}
