// Turns a scenario's `exchange:`, `internet:` and `traffic:` sections into the Exchange world's specification.
import type { ExchangeConfig, InboxRule, MailboxConfig } from '../../fakes/exchange/exchange-config.js';
import type { ExchangeWorldSpec, OutsideSenderSpec } from '../../fakes/exchange/exchange-world.js';
import { domainOf } from '../../fakes/mail/mail-message.js';
import { RETRY_PROFILES } from '../../fakes/internet/retry-profile.js';
import type { ExplicitMessage, TrafficGenerator } from '../../fakes/internet/traffic.js';
import type { ExchangeSection, InternetSection, TrafficSection } from '../scenario/exchange-schema.js';

export function exchangeConfigOf(section: ExchangeSection): ExchangeConfig {
  const userAddresses = section.mailboxes.filter((m) => m.kind === 'user').map((m) => m.address);
  const rulesOf = new Map<string, InboxRule[]>();
  for (const rule of section.rules) {
    for (const user of rule.users === 'all' ? userAddresses : rule.users) {
      rulesOf.set(user, [...(rulesOf.get(user) ?? []), { action: rule.action, to: rule.to }]);
    }
  }
  const mailboxes: MailboxConfig[] = section.mailboxes.map((m) => ({ ...m, rules: rulesOf.get(m.address) ?? [] }));
  return {
    acceptedDomains: section.acceptedDomains,
    servers: section.servers,
    databases: section.databases,
    mailboxes,
    mx: section.mx ?? section.servers.map((s) => s.name),
    settings: {
      assignMessageId: section.settings.assignMessageId,
      maxMessageSizeBytes: section.settings.maxMessageSize,
      transientRetryIntervalMs: section.settings.transientRetryInterval,
      intraSiteLatencyMs: section.settings.intraSiteLatency,
      interSiteLatencyMs: section.settings.interSiteLatency,
    },
  };
}

export function exchangeWorldSpecOf(
  exchange: ExchangeSection, internet: InternetSection | undefined, traffic: TrafficSection | undefined, horizonMs: number,
): ExchangeWorldSpec {
  const config = exchangeConfigOf(exchange);
  const users = config.mailboxes.filter((m) => m.kind === 'user').map((m) => m.address);
  const senders: OutsideSenderSpec[] = (internet?.senders ?? []).map((sender) => {
    const messages: ExplicitMessage[] = (traffic?.messages ?? [])
      .map((m, index) => ({ m, index }))
      .filter(({ m }) => domainOf(m.from) === sender.domain)
      .sort((a, b) => a.m.at - b.m.at || a.index - b.index)
      .map(({ m, index }) => {
        const made = `<message-${index + 1}@${sender.domain}>`;
        const messageId = m.messageId === undefined ? made : m.messageId;
        return {
          atMs: m.at,
          message: {
            key: messageId ?? `(no Message-ID: traffic.messages[${index}])`, messageId, from: m.from, to: m.to, cc: m.cc,
            subject: m.subject, sizeBytes: m.size, ...(m.inReplyTo === undefined ? {} : { inReplyTo: m.inReplyTo }),
          },
        };
      });
    const generators: TrafficGenerator[] = (traffic?.generators ?? []).filter((g) => g.sender === sender.name).map((g) => ({
      name: g.name, from: `${g.name}@${sender.domain}`, ratePerHour: g.ratePerHour, count: g.count ?? Infinity, untilMs: Math.min(g.until ?? horizonMs, horizonMs),
      recipients: g.to === 'all-users' ? users : g.to, fanOut: g.fanOut, sizeBytes: g.size,
    }));
    return { name: sender.name, profile: RETRY_PROFILES[sender.profile], traffic: { messages, generators } };
  });
  return { exchange: config, senders, horizonMs };
}
