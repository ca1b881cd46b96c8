// Turns a scenario's `crm:` section into the CRM organisation's configuration and world specification.
import type { CrmOrgConfig, CrmRecord, RecordKind } from '../../fakes/crm/crm-config.js';
import type { CrmWorldSpec } from '../../fakes/crm/crm-world.js';
import type { CrmSection } from '../scenario/crm-schema.js';
import { runsOutlook } from '../scenario/crm-organisations.js';
import type { ExchangeSection } from '../scenario/exchange-schema.js';
import type { InjectedBug } from '../scenario/injected-bugs.js';

/** Records without an id get `<kind>-<n>` (1-based within their list). */
function recordsOf(section: CrmSection): CrmRecord[] {
  const lists: Array<[RecordKind, CrmSection['contacts']]> = [
    ['contact', section.contacts], ['account', section.accounts], ['lead', section.leads], ['other', section.others],
  ];
  return lists.flatMap(([kind, list]) => list.map((r, i) => ({ id: r.id ?? `${kind}-${i + 1}`, kind, address: r.address })));
}

/** `injectBug: no-dedup` switches CRM's duplicate check off (S8). */
export function crmConfigOf(section: CrmSection, exchange: ExchangeSection, injectBug?: InjectedBug): CrmOrgConfig {
  const { settings, outbound } = section;
  return {
    server: section.server,
    domain: section.domain ?? exchange.acceptedDomains[0] ?? 'crm.invalid',
    mailboxes: [
      ...section.users.map((u, i) => ({
        address: u.address, kind: 'user' as const, filter: u.filter, incoming: u.incoming, outgoing: u.outgoing,
        approved: u.approved, outlook: runsOutlook(u), userNumber: i + 1,
      })),
      ...section.queues.map((q) => ({
        address: q.address, kind: 'queue' as const, filter: q.filter, incoming: q.incoming, outgoing: q.outgoing,
        approved: q.approved, outlook: false, userNumber: 0,
      })),
    ],
    records: recordsOf(section),
    settings: {
      token: { prefix: settings.tokenPrefix, baseNumber: settings.tokenBaseNumber, userDigits: settings.tokenUserDigits, counterDigits: settings.tokenCounterDigits },
      trackInternalAsTwoActivities: settings.trackInternalAsTwoActivities,
      smartMatching: {
        enabled: settings.smartMatching.enabled, maxSubjectWords: settings.smartMatching.maxSubjectWords,
        minMatchingRecipients: settings.smartMatching.minMatchingRecipients, lookbackMs: settings.smartMatching.lookback,
      },
      deliverRechecksDuplicate: settings.deliverRechecksDuplicate,
      skipDuplicateCheck: injectBug === 'no-dedup',
      requireApproval: settings.requireApproval,
      outbound: {
        smtpServer: outbound.smtpServer ?? exchange.servers[0]?.name ?? null, pollIntervalMs: outbound.pollInterval,
        retryIntervalMs: outbound.retryInterval, maxDeliveryAttempts: outbound.maxDeliveryAttempts,
        sendingStatusDelayMs: outbound.sendingStatusDelay, statusUpdateDelayMs: outbound.statusUpdateDelay,
      },
    },
    emails: section.emails
      .map((e, index) => ({ e, index }))
      .sort((a, b) => a.e.at - b.e.at || a.index - b.index)
      .map(({ e }) => ({ atMs: e.at, from: e.from, to: e.to, cc: e.cc, subject: e.subject, regarding: e.regarding ?? null, sizeBytes: e.size })),
  };
}

export function crmWorldSpecOf(
  section: CrmSection, exchange: ExchangeSection, horizonMs: number,
  mailboxAccess: Pick<CrmWorldSpec, 'homeServerOf' | 'inboxAfter' | 'outboundTransport'>, injectBug?: InjectedBug,
): CrmWorldSpec {
  return {
    config: crmConfigOf(section, exchange, injectBug), horizonMs,
    outlook: { pollIntervalMs: section.outlook.pollInterval, checkDeliverGapMs: section.outlook.checkDeliverGap },
    ...mailboxAccess,
  };
}
