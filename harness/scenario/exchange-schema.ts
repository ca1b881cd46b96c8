// The `exchange:`, `internet:` and `traffic:` sections of a scenario: the organisation's topology and settings
// (X1-X5), the outside senders with their retry profiles, and the mail they send.
import { z } from 'zod';
import { DEFAULT_EXCHANGE_SETTINGS } from '../../fakes/exchange/exchange-config.js';
import { durationMs, positiveDurationMs, timeAfterStartMs } from './duration.js';
import { sizeBytes } from './size.js';
import { countField, expandCounted } from './templates.js';
import { MIN_RATE_PER_HOUR, minRateExact } from './time-bounds.js';
import { emailAddress } from './email-address.js';
import { refusingProtoKey } from './proto-key.js';

const name = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, dot, dash or underscore').meta({ title: 'name' });
const address = emailAddress;
const defaults = DEFAULT_EXCHANGE_SETTINGS;

export const exchangeSchema = z.strictObject({
  acceptedDomains: z.array(z.string().min(1).transform((d) => d.toLowerCase())).min(1)
    .meta({ description: 'Domains the organisation accepts mail for; mail to any other domain is relaying (550 5.7.1 without authentication).', examples: [['contoso.example']] }),
  servers: z.array(z.strictObject({
    name: name.describe('The server\'s name: faults, MX lists, databases and profiles refer to it.'),
    site: name.default('default').meta({ description: 'The site; hops between sites take `interSiteLatency`.', examples: ['hq'] }),
    cluster: z.strictObject({
      mode: z.enum(['active-passive', 'active-active']).describe('Only Active/Passive is supported (the seeds); Active/Active is refused before the run.'),
      failoverDowntime: durationMs.default(2 * 60_000).describe('How long a `failover` takes the service down before the passive node runs it. [I]'),
    }).optional().describe('A clustered server (Active/Passive); `failover` moves it to the passive node.'),
  })).min(1).describe('The Exchange servers.'),
  databases: z.array(z.strictObject({
    name: name.meta({ description: 'The database\'s name, as `database` in faults refers to it.', examples: ['db1'] }),
    server: name.describe('The server that holds it.'),
  })).min(1).describe('Mailbox databases, each on one server (X3: backups and restores are per database).'),
  mailboxes: z.array(z.strictObject({
    address: address.describe('The mailbox\'s address, in one of `acceptedDomains`.'),
    kind: z.enum(['user', 'queue', 'forward']).default('user').describe('A person\'s mailbox, a queue\'s, or the E-mail Router\'s forward mailbox (R2).'),
    database: z.union([name, z.array(name).min(1)]).meta({ description: 'The database that holds it; with `count`, a list is dealt out round-robin.', examples: ['db1'] }),
    count: countField(true),
  })).min(1).transform((entries, ctx) => expandCounted(entries, ctx, (entry, n) => {
    const { database, ...rest } = entry;
    if (typeof database === 'string') return { ...rest, database };
    if (n === null && database.length > 1) ctx.addIssue({ code: 'custom', message: `a list of databases goes with count (${entry.address})` });
    return { ...rest, database: database[((n ?? 1) - 1) % database.length] ?? '' };
  })).describe('The mailboxes.'),
  rules: z.array(z.strictObject({
    action: z.enum(['forward-as-attachment', 'redirect', 'forward', 'move']).default('forward-as-attachment')
      .describe('`forward-as-attachment` is what the Rule Deployment Wizard deploys (R1): the copy carries the original; `redirect` sends the same message; `forward` makes a new one; `move` files the message into `folder` as it arrives, so it is never in the root Inbox (S6, R4).'),
    to: address.optional().meta({ description: 'Where the copies go, usually the forward mailbox (every action but `move`).', examples: ['crm@contoso.example'] }),
    // Exchange's folder names ignore case: `inbox` is the Inbox.
    folder: z.string().min(1).refine((f) => f.trim().toLowerCase() !== 'inbox', 'a folder other than the Inbox').optional()
      .meta({ description: '`move`: the folder the message lands in instead of the Inbox.', examples: ['Projects'] }),
    from: z.string().regex(/^([^@\s]+)?@[^@\s]+$/, 'an address, or @ and a domain').transform((a) => a.toLowerCase()).optional()
      .meta({ description: '`move`: only mail from this address, or from this domain (`@fabrikam.example`); default: all mail.', examples: ['@fabrikam.example'] }),
    users: z.union([z.literal('all'), z.array(address).min(1)]).default('all').meta({ description: 'The user mailboxes the rule is deployed to: `all`, or a list (the wizard\'s global-deployment option). An entry with `{n}` stands for every mailbox whose address is the entry with `{n}` a number from 1 up, not zero-padded, as a counted line writes them (`sales{n}@contoso.example`: sales1@, sales2@, ...; every `{n}` of an entry the same number); it must stand for at least one mailbox, and only user mailboxes.', examples: [['paul@contoso.example', 'sales{n}@contoso.example']] }),
  })).default([]).describe('Inbox rules, run on each message as it is delivered: rules that copy it `to` a mailbox (R1, R2; copies made by a rule are never processed by rules again) and rules that `move` it into a `folder` (S6). [I] Every rule runs: none stops the others. The example below shows every field at once; a copying rule takes `to`, a move rule `folder` and `from`.'),
  mx: z.array(name).min(1).optional().describe('The servers outside senders connect to, in order; default: every server.'),
  settings: z.strictObject({
    assignMessageId: z.boolean().default(defaults.assignMessageId).describe('Transport stamps a Message-ID on mail that arrives without one, once, so every copy shares it.'),
    maxMessageSize: sizeBytes.default(defaults.maxMessageSizeBytes).describe('Larger messages are refused at end of data (552 5.3.4). [I]'),
    transientRetryInterval: positiveDurationMs.default(defaults.transientRetryIntervalMs).describe('How often a server retries delivery to a dismounted database (X1).'),
    intraSiteLatency: durationMs.default(defaults.intraSiteLatencyMs).describe('One hop between servers of the same site. [I]'),
    interSiteLatency: durationMs.default(defaults.interSiteLatencyMs).describe('One hop between servers of different sites. [I]'),
    safetyNetHold: durationMs.default(defaults.safetyNetHoldMs).describe('How long Safety Net keeps delivered mail for resubmission (X2).'),
    messageExpiration: positiveDurationMs.default(defaults.messageExpirationMs).describe('Mail stuck in a server\'s own queue this long is returned with an NDR (X1).'),
    sendingLimits: z.enum(['none', 'exchange-online']).default('none').describe('Sending limits per mailbox: `exchange-online` is 30 messages a minute, 10,000 recipients a day, 500 per message (field report 8).'),
    junkProbability: z.number().min(0).max(1).default(defaults.junkProbability).describe('Share of Internet mail the junk filter puts in Junk (S6: never processed by server-side sync).'),
  }).describe('Transport settings, with the documented defaults.').default({
    junkProbability: defaults.junkProbability,
    sendingLimits: 'none',
    safetyNetHold: defaults.safetyNetHoldMs,
    messageExpiration: defaults.messageExpirationMs,
    assignMessageId: defaults.assignMessageId, maxMessageSize: defaults.maxMessageSizeBytes,
    transientRetryInterval: defaults.transientRetryIntervalMs, intraSiteLatency: defaults.intraSiteLatencyMs,
    interSiteLatency: defaults.interSiteLatencyMs,
  }),
});

export const internetSchema = z.strictObject({
  senders: z.array(z.strictObject({
    name: name.meta({ description: 'The sender\'s MTA, as faults, generators and `crm.outbound.smtpServer` refer to it.', examples: ['fabrikam'] }),
    domain: z.string().min(1).transform((d) => d.toLowerCase()).meta({ description: 'The mail domain it sends for and receives.', examples: ['fabrikam.example'] }),
    profile: z.enum(['exchange', 'rfc5321']).default('exchange').describe('Its retry schedule (X1): `exchange` retries 4 x 1 min, 6 x 5 min, then every 10 or 15 min and expires after 2 days; `rfc5321` every 30 min for 5 days.'),
    replyRatio: z.number().min(0).max(1).default(0).describe('Share of mail received from the organisation (CRM mail among it) that this sender answers, In-Reply-To the original.'),
    replyDelay: durationMs.default(2 * 3_600_000).describe('Mean delay before such a reply.'),
  })).min(1).describe('Outside organisations, each with an MTA queue on disk that retries (X1).'),
});

export const trafficSchema = z.strictObject({
  messages: z.array(z.strictObject({
    at: timeAfterStartMs.describe('When it is sent, after the start.'),
    from: address.meta({ description: 'The sender: an outside address (its domain\'s sender sends it) or a user of the organisation (sent through their home server).', examples: ['carol@fabrikam.example'] }),
    to: z.array(address).min(1).describe('Recipients.'),
    cc: z.array(address).default([]).describe('Copy recipients.'),
    subject: z.string().default('(no subject)').meta({ description: 'The Subject header (tracking tokens are found in it, S11).', examples: ['Your quote CRM:0001001'] }),
    body: z.string().optional().describe('The text of the message; only its length matters to the model (the size defaults to it plus 2 KB of headers).'),
    size: sizeBytes.optional().describe('The message size; default: the body\'s length plus 2 KB of headers.'),
    messageId: z.string().nullable().optional().meta({ description: 'The Message-ID header; `null` sends the message without one. Default: one the sender makes up. Two entries with the same one and another From or Subject are two messages sharing it: CRM tracks the one it reads first, the other is untracked `message-id-reused` (S8); with the same From and Subject they are one message.', examples: ['<quote-1@fabrikam.example>'] }),
    inReplyTo: z.string().optional().meta({ description: 'The In-Reply-To header: the Message-ID answered (S10 correlation).', examples: ['<crm-1.1@contoso.example>'] }),
    references: z.array(z.string()).optional().meta({ description: 'The References header, oldest first.', examples: [['<crm-1.1@contoso.example>']] }),
    headers: refusingProtoKey(z.record(z.string(), z.string())).optional().meta({ description: 'Other headers, by name (a Thread-Index for conversation-index correlation, S10).', examples: [{ 'Thread-Index': 'AQHZ' }] }),
    track: z.boolean().default(false).describe('Sent from Outlook with "Track in CRM" (C1): a token in the subject and an outgoing activity. Users only.'),
    malformed: z.boolean().default(false).describe('A broken MIME structure no software can parse: the router fails on it every cycle (R10).'),
  })).default([]).describe('Single messages, sent at given instants.'),
  eml: z.array(z.strictObject({
    at: timeAfterStartMs.describe('When it is sent, after the start.'),
    file: z.string().min(1).meta({ description: 'The .eml file, relative to the scenario file (its real place, when the scenario is reached through a symlink). Its size is counted with CRLF line endings, as SMTP carries it.', examples: ['mail/quote.eml'] }),
    to: z.array(address).min(1).optional().describe('Envelope recipients; default: the message\'s To and Cc.'),
  })).default([]).describe('Real messages replayed from .eml files (parsed with mailparser).'),
  generators: z.array(z.strictObject({
    name: name.meta({ description: 'The generator\'s name, for the trace.', examples: ['customers'] }),
    sender: name.meta({ description: 'The outside sender that sends this traffic (its `internet.senders` name).', examples: ['fabrikam'] }),
    ratePerHour: z.number().min(MIN_RATE_PER_HOUR, { error: (issue) => `expected at least ${minRateExact('', 'hour')}, got ${String(issue.input)}` })
      .meta({ description: `Mean messages per hour (a Poisson process, seeded); at least ${minRateExact('', 'hour')}.`, examples: [120] }),
    count: z.number().int().positive().optional().describe('Stop after this many messages; default: no limit.'),
    until: timeAfterStartMs.optional().describe('No messages after this instant; default: the horizon.'),
    to: z.union([z.literal('all-users'), z.array(address).min(1)]).default('all-users').describe('Recipients are drawn from these, or from every user mailbox.'),
    fanOut: z.number().int().positive().default(1).describe('Recipients per message.'),
    size: sizeBytes.default(20_000).describe('The size of each message.'),
    dailyCurve: z.array(z.number().nonnegative()).length(24).refine((c) => c.some((w) => w > 0), 'needs at least one hour above 0').optional()
      .meta({ description: '24 relative weights, one per UTC hour (a working day, say); `ratePerHour` stays the daily average.', examples: [[0, 0, 0, 0, 0, 0, 0, 1, 3, 4, 4, 3, 2, 3, 4, 4, 3, 2, 1, 0, 0, 0, 0, 0]] }),
  })).default([]).describe('Seeded random traffic from outside senders.'),
});

export type ExchangeSection = z.output<typeof exchangeSchema>;
export type InternetSection = z.output<typeof internetSchema>;
export type TrafficSection = z.output<typeof trafficSchema>;

const habit = z.strictObject({
  probability: z.number().min(0).max(1).default(0).describe('Chance per received message.'),
  meanDelay: durationMs.default(3_600_000).describe('Mean delay after the message arrives (exponential).'),
});

/** How the organisation's people treat received mail (S6 makes filing matter). Probabilities per received message. */
export const usersSchema = z.strictObject({
  read: habit.default({ probability: 0, meanDelay: 3_600_000 }).describe('Read a received message.'),
  file: habit.extend({ folder: z.string().min(1).default('Filed').describe('The folder people file into.') })
    .default({ probability: 0, meanDelay: 3_600_000, folder: 'Filed' }).describe('Move a received message out of the Inbox into a folder (S6: server-side sync then never sees it).'),
  delete: habit.default({ probability: 0, meanDelay: 3_600_000 }).describe('Delete a received message (to Deleted Items).'),
  reply: habit.default({ probability: 0, meanDelay: 3_600_000 }).describe('Reply to a received message.'),
  track: habit.default({ probability: 0, meanDelay: 3_600_000 }).describe('Click "Track in CRM" on a received message: in Outlook with the CRM client (C1), or with the App for Outlook for users on server-side sync without it (C4, S16); nobody else tracks.'),
  moveBack: habit.default({ probability: 0, meanDelay: 3_600_000 })
    .describe('Move a message back to the Inbox: out of Junk ("Not junk"), or out of the folder it was filed into (the delay then counts from the filing). S6: server-side sync never processes it if later mail was processed while it was away (the watermark passed it).'),
  retryInterval: positiveDurationMs.default(5 * 60_000).describe('While their mailbox server cannot be reached, people try again this often (Outlook\'s Outbox). [I]'),
});

export type UsersSection = z.output<typeof usersSchema>;
