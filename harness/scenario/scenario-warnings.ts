// What a valid scenario says but very likely does not mean, said on stderr without stopping the run:
// - a recipient in an accepted domain that is no mailbox, one slip away from one that is (`pual@` for `paul@`).
//   Exchange refuses it (550 5.1.1) and the message bounces, which a scenario may well want (a bounce to show); but a
//   typo shows only as one message fewer tracked, far from its cause (the trainer review);
// - a server-side sync with no mailbox to read: CRM users default to Outlook access, so `sss: { enabled: all }` over
//   users written without `incoming:` enables no one, and a run that meant to show sync shows Outlook tracking (or
//   nothing) instead (the contributor review). A scenario may mean it (sync with every user still on Outlook).
// What the router files it names say (a state file the router reads as corrupt, ThresholdDates after the start,
// providers for mailboxes it does not have) the scenario as written cannot: load-router-files.ts, which reads them,
// returns those warnings, and loading says them after these (loadScenarioWithFiles).
import type { Scenario } from './schema.js';
import type { FieldProblem } from './load-scenario.js';
import { closestName } from './closest-name.js';
import { cutoverMailboxesAtMost } from './cutover-mailboxes.js';

export function scenarioWarnings(scenario: Scenario): FieldProblem[] {
  const { exchange } = scenario;
  if (exchange === undefined) return [];
  return [...recipientWarnings(scenario, exchange), ...syncWarnings(scenario)];
}

function syncWarnings(scenario: Scenario): FieldProblem[] {
  if (scenario.sss === undefined || cutoverMailboxesAtMost(scenario).size > 0) return [];
  return [{
    path: ['sss'],
    message: 'server-side sync has no mailbox to read: no CRM user or queue has Email Router or Forward Mailbox access (`incoming: email-router` or `forward-mailbox`, or `outgoing: email-router`; users default to `outlook`), and there is no router\'s forward mailbox or sss.mailboxes entry, so it enables and tracks nothing',
  }];
}

function recipientWarnings(scenario: Scenario, exchange: NonNullable<Scenario['exchange']>): FieldProblem[] {
  const mailboxes = new Set(exchange.mailboxes.map((m) => m.address));
  const accepted = new Set(exchange.acceptedDomains);
  const warnings: FieldProblem[] = [];
  const check = (address: string, path: readonly (string | number)[]): void => {
    if (mailboxes.has(address) || !accepted.has(address.slice(address.lastIndexOf('@') + 1))) return;
    const meant = closestName(address, mailboxes);
    if (meant !== undefined) warnings.push({ path, message: `'${address}' is no mailbox of the organisation: Exchange refuses it (550 5.1.1) and the message bounces (did you mean '${meant}'?)` });
  };
  const traffic = scenario.traffic;
  traffic?.messages.forEach((m, i) => {
    m.to.forEach((a, j) => check(a, ['traffic', 'messages', i, 'to', j]));
    m.cc.forEach((a, j) => check(a, ['traffic', 'messages', i, 'cc', j]));
  });
  traffic?.eml.forEach((m, i) => m.to?.forEach((a, j) => check(a, ['traffic', 'eml', i, 'to', j])));
  traffic?.generators.forEach((g, i) => {
    if (g.to !== 'all-users') g.to.forEach((a, j) => check(a, ['traffic', 'generators', i, 'to', j]));
  });
  return warnings;
}
