// The `crm:` section of a scenario: the CRM organisation (users, queues, email-enabled records), how each user and
// queue processes email (S9 filters, R4 access types, S3 approval), the organisation settings (S11 tokens, S12
// internal mail, S10 smart matching, the check-deliver re-check), CRM's own SMTP outbound (O1-O3, R6 numbers), the
// Outlook client (C1-C4) and the CRM email that people and workflows create.
import { z } from 'zod';
import { DEFAULT_CRM_SETTINGS } from '../../fakes/crm/crm-config.js';
import { durationMs, positiveDurationMs } from './duration.js';
import { sizeBytes } from './size.js';

const address = z.string().regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'an email address').transform((a) => a.toLowerCase());
const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, dot, dash or underscore');
const filter = z.enum(['all', 'responses', 'leads-contacts-accounts', 'email-enabled', 'none']).default('responses');
const defaults = DEFAULT_CRM_SETTINGS;

const user = z.strictObject({
  address,
  filter,
  /** Who brings the user's incoming mail to CRM (R4): Outlook, the router through the forward mailbox, or the router
   * reading the user's own Inbox. */
  incoming: z.enum(['none', 'outlook', 'forward-mailbox', 'email-router']).default('outlook'),
  /** Who sends the user's CRM email: the CRM server's own SMTP outbound, the router, the user's Outlook, or nobody
   * (it stays Pending Send, O2). */
  outgoing: z.enum(['none', 'smtp', 'email-router', 'outlook']).default('smtp'),
  approved: z.boolean().default(true),
  /** Runs Outlook with the CRM client; default: when incoming or outgoing access is Outlook. */
  outlook: z.boolean().optional(),
});

const queue = z.strictObject({
  address,
  filter,
  /** R4: queues cannot use Outlook. */
  incoming: z.enum(['none', 'forward-mailbox', 'email-router']).default('none'),
  outgoing: z.enum(['none', 'smtp', 'email-router']).default('none'),
  approved: z.boolean().default(true),
});

const record = z.strictObject({ id: id.optional(), address });

const smartMatching = z.strictObject({
  enabled: z.boolean().default(defaults.smartMatching.enabled),
  maxSubjectWords: z.number().int().min(1).max(20).default(defaults.smartMatching.maxSubjectWords),
  minMatchingRecipients: z.number().int().min(1).default(defaults.smartMatching.minMatchingRecipients),
  lookback: durationMs.default(defaults.smartMatching.lookbackMs),
});

const settings = z.strictObject({
  tokenPrefix: z.string().min(1).max(20).regex(/^[A-Za-z0-9]+$/, 'letters and digits').default(defaults.token.prefix),
  tokenBaseNumber: z.number().int().nonnegative().default(defaults.token.baseNumber),
  tokenUserDigits: z.number().int().min(1).max(10).default(defaults.token.userDigits),
  tokenCounterDigits: z.number().int().min(1).max(9).default(defaults.token.counterDigits),
  trackInternalAsTwoActivities: z.boolean().default(defaults.trackInternalAsTwoActivities),
  smartMatching: smartMatching.default({
    enabled: defaults.smartMatching.enabled, maxSubjectWords: defaults.smartMatching.maxSubjectWords,
    minMatchingRecipients: defaults.smartMatching.minMatchingRecipients, lookback: defaults.smartMatching.lookbackMs,
  }),
  deliverRechecksDuplicate: z.boolean().default(defaults.deliverRechecksDuplicate),
  requireApproval: z.boolean().default(defaults.requireApproval),
});

const out = defaults.outbound;
const outbound = z.strictObject({
  /** The SMTP server CRM hands its email to: an Exchange server, or an outside sender's MTA (`internet.senders`). */
  smtpServer: z.string().min(1).optional(),
  pollInterval: positiveDurationMs.default(out.pollIntervalMs),
  retryInterval: durationMs.default(out.retryIntervalMs),
  maxDeliveryAttempts: z.number().int().positive().default(out.maxDeliveryAttempts),
  sendingStatusDelay: positiveDurationMs.default(out.sendingStatusDelayMs),
  statusUpdateDelay: durationMs.default(out.statusUpdateDelayMs),
});

export const crmSchema = z.strictObject({
  /** The CRM server's name, as faults target it. */
  server: id.default('crm'),
  /** Domain of the Message-IDs CRM generates; default: the organisation's first accepted domain. */
  domain: z.string().min(1).optional(),
  users: z.array(user).min(1),
  queues: z.array(queue).default([]),
  contacts: z.array(record).default([]),
  accounts: z.array(record).default([]),
  leads: z.array(record).default([]),
  /** Other email-enabled records (custom entities). */
  others: z.array(record).default([]),
  settings: settings.default({
    tokenPrefix: defaults.token.prefix, tokenBaseNumber: defaults.token.baseNumber, tokenUserDigits: defaults.token.userDigits,
    tokenCounterDigits: defaults.token.counterDigits, trackInternalAsTwoActivities: defaults.trackInternalAsTwoActivities,
    smartMatching: {
      enabled: defaults.smartMatching.enabled, maxSubjectWords: defaults.smartMatching.maxSubjectWords,
      minMatchingRecipients: defaults.smartMatching.minMatchingRecipients, lookback: defaults.smartMatching.lookbackMs,
    },
    deliverRechecksDuplicate: defaults.deliverRechecksDuplicate, requireApproval: defaults.requireApproval,
  }),
  outbound: outbound.default({
    pollInterval: out.pollIntervalMs, retryInterval: out.retryIntervalMs, maxDeliveryAttempts: out.maxDeliveryAttempts,
    sendingStatusDelay: out.sendingStatusDelayMs, statusUpdateDelay: out.statusUpdateDelayMs,
  }),
  outlook: z.strictObject({
    /** How often Outlook looks at the Inbox and retries tracking that waits. [I] */
    pollInterval: positiveDurationMs.default(60_000),
    /** Between a Check... call and its Deliver... call. [I] */
    checkDeliverGap: durationMs.default(500),
  }).default({ pollInterval: 60_000, checkDeliverGap: 500 }),
  /** CRM email created at given instants (a person in the web client, a workflow) and sent by the sender's outgoing access. */
  emails: z.array(z.strictObject({
    at: durationMs,
    from: address,
    to: z.array(address).min(1),
    cc: z.array(address).default([]),
    subject: z.string().default('(no subject)'),
    /** A record id (contact, account, lead or other) the email is regarding. */
    regarding: id.optional(),
    size: sizeBytes.default(20_000),
  })).default([]),
});

export type CrmSection = z.output<typeof crmSchema>;
