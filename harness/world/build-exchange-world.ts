// Turns a scenario's `exchange:`, `internet:` and `traffic:` sections into the Exchange world's specification.
import { EXCHANGE_ONLINE_LIMITS, type ExchangeConfig, type InboxRule, type MailboxConfig } from '../../fakes/exchange/exchange-config.js';
import type { InjectedBug } from '../scenario/injected-bugs.js';
import type { ExchangeWorldSpec, OutsideSenderSpec } from '../../fakes/exchange/exchange-world.js';
import { domainOf } from '../../fakes/mail/mail-message.js';
import { MessageIdUses } from '../../fakes/mail/reused-message-id.js';
import { RETRY_PROFILES } from '../../fakes/internet/retry-profile.js';
import type { ExplicitMessage, TrafficGenerator } from '../../fakes/internet/traffic.js';
import type { ExchangeSection, InternetSection, TrafficSection, UsersSection } from '../scenario/exchange-schema.js';
import type { PeopleConfig } from '../../fakes/exchange/people.js';
import { ruleUserAddresses } from '../scenario/rule-users.js';

export function exchangeConfigOf(section: ExchangeSection): ExchangeConfig {
  const rulesOf = new Map<string, InboxRule[]>();
  for (const rule of section.rules) {
    for (const user of ruleUserAddresses(rule.users, section.mailboxes)) {
      const made: InboxRule = rule.action === 'move'
        ? { action: 'move', folder: rule.folder ?? '', from: rule.from ?? null }
        : { action: rule.action, to: rule.to ?? '' };
      rulesOf.set(user, [...(rulesOf.get(user) ?? []), made]);
    }
  }
  const mailboxes: MailboxConfig[] = section.mailboxes.map((m) => ({ ...m, rules: rulesOf.get(m.address) ?? [] }));
  return {
    acceptedDomains: section.acceptedDomains,
    servers: section.servers.map((s) => ({
      name: s.name, site: s.site, ...(s.cluster === undefined ? {} : { cluster: { failoverDowntimeMs: s.cluster.failoverDowntime } }),
    })),
    databases: section.databases,
    mailboxes,
    mx: section.mx ?? section.servers.map((s) => s.name),
    settings: {
      assignMessageId: section.settings.assignMessageId,
      maxMessageSizeBytes: section.settings.maxMessageSize,
      transientRetryIntervalMs: section.settings.transientRetryInterval,
      intraSiteLatencyMs: section.settings.intraSiteLatency,
      interSiteLatencyMs: section.settings.interSiteLatency,
      safetyNetHoldMs: section.settings.safetyNetHold,
      messageExpirationMs: section.settings.messageExpiration,
      sendingLimits: section.settings.sendingLimits === 'exchange-online' ? EXCHANGE_ONLINE_LIMITS : null,
      junkProbability: section.settings.junkProbability,
    },
  };
}

/** The scenario's explicit messages sent from `domain`, in time order, as the models take them. */
function explicitMessagesFrom(traffic: TrafficSection | undefined, domain: string): ExplicitMessage[] {
  const keys = explicitKeys(traffic);
  return (traffic?.messages ?? [])
    .map((m, index) => ({ m, index }))
    .filter(({ m }) => domainOf(m.from) === domain)
    .sort((a, b) => a.m.at - b.m.at || a.index - b.index)
    .map(({ m, index }) => {
      const messageId = m.messageId === undefined ? `<message-${index + 1}@${domain}>` : m.messageId;
      return {
        atMs: m.at,
        ...(m.track ? { tracked: true } : {}),
        message: {
          key: keys[index] ?? messageId ?? `(no Message-ID: traffic.messages[${index}])`, messageId, from: m.from, to: m.to, cc: m.cc,
          subject: m.subject, sizeBytes: m.size ?? (m.body === undefined ? 20_000 : Buffer.byteLength(m.body) + 2_048),
          ...(m.inReplyTo === undefined ? {} : { inReplyTo: m.inReplyTo }),
          ...(m.references === undefined ? {} : { references: m.references }),
          ...(m.headers === undefined ? {} : { headers: m.headers }),
          ...(m.malformed ? { malformed: true } : {}),
        },
      };
    });
}

/**
 * Ledger keys of explicit messages that reuse the Message-ID of an earlier, different one (in sending order): those
 * get keys of their own, judged as `mailflow serve` judges its clients' (fakes/mail/reused-message-id.ts). Others
 * are absent: their key is their Message-ID.
 */
function explicitKeys(traffic: TrafficSection | undefined): Array<string | undefined> {
  const messages = traffic?.messages ?? [];
  const keys: Array<string | undefined> = [];
  const uses = new MessageIdUses();
  const order = messages.map((m, index) => ({ m, index })).sort((a, b) => a.m.at - b.m.at || a.index - b.index);
  for (const { m, index } of order) {
    if (m.messageId == null) continue;
    keys[index] = uses.keyFor(m.messageId, m.from, m.subject) ?? undefined;
  }
  return keys;
}

function peopleConfigOf(users: UsersSection | undefined, messages: ExplicitMessage[]): PeopleConfig | undefined {
  if (users === undefined && messages.length === 0) return undefined;
  const never = { probability: 0, meanDelayMs: 0 };
  const habit = (h: { probability: number; meanDelay: number } | undefined) => (h === undefined ? never : { probability: h.probability, meanDelayMs: h.meanDelay });
  return {
    read: habit(users?.read), file: habit(users?.file), fileFolder: users?.file.folder ?? 'Filed', delete: habit(users?.delete), reply: habit(users?.reply),
    track: habit(users?.track), moveBack: habit(users?.moveBack),
    retryIntervalMs: users?.retryInterval ?? 5 * 60_000, messages,
  };
}

export function exchangeWorldSpecOf(
  exchange: ExchangeSection, internet: InternetSection | undefined, traffic: TrafficSection | undefined, horizonMs: number,
  startEpochMs: number, users?: UsersSection, injectBug?: InjectedBug,
): ExchangeWorldSpec {
  const config = exchangeConfigOf(exchange);
  const userMailboxes = config.mailboxes.filter((m) => m.kind === 'user').map((m) => m.address);
  const internalMessages = config.acceptedDomains.flatMap((domain) => explicitMessagesFrom(traffic, domain))
    .sort((a, b) => a.atMs - b.atMs);
  const people = peopleConfigOf(users, internalMessages);
  const senders: OutsideSenderSpec[] = (internet?.senders ?? []).map((sender) => {
    const messages = explicitMessagesFrom(traffic, sender.domain);
    const generators: TrafficGenerator[] = (traffic?.generators ?? []).filter((g) => g.sender === sender.name).map((g) => ({
      name: g.name, from: `${g.name}@${sender.domain}`, ratePerHour: g.ratePerHour, count: g.count ?? Infinity, untilMs: Math.min(g.until ?? horizonMs, horizonMs),
      recipients: g.to === 'all-users' ? userMailboxes : g.to, fanOut: g.fanOut, sizeBytes: g.size, dailyCurve: g.dailyCurve ?? null,
    }));
    return {
      name: sender.name, domain: sender.domain, traffic: { messages, generators },
      profile: injectBug === 'no-sender-retry' ? { ...RETRY_PROFILES[sender.profile], dropsOnTransientFailure: true } : RETRY_PROFILES[sender.profile],
      replyRatio: sender.replyRatio, replyMeanDelayMs: sender.replyDelay,
    };
  });
  return { exchange: config, senders, horizonMs, startEpochMs, ...(people === undefined ? {} : { people }) };
}
