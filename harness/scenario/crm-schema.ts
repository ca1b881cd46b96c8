// The `crm:` section of a scenario: the CRM organisation (users, queues, email-enabled records), how each user and
// queue processes email (S9 filters, R4 access types, S3 approval), the organisation settings (S11 tokens, S12
// internal mail, S10 smart matching, the check-deliver re-check), CRM's own SMTP outbound (O1-O3, R6 numbers), the
// Outlook client (C1-C4) and the CRM email that people and workflows create.
import { z } from 'zod';
import { DEFAULT_CRM_SETTINGS } from '../../fakes/crm/crm-config.js';
import { durationMs, positiveDurationMs, timeAfterStartMs } from './duration.js';
import { sizeBytes } from './size.js';
import { countField, expandCounted } from './templates.js';
import { emailAddress } from './email-address.js';

const address = emailAddress;
const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, dot, dash or underscore').meta({ title: 'name' });
const filter = z.enum(['all', 'responses', 'leads-contacts-accounts', 'email-enabled', 'none']).default('responses')
  .describe('Which received mail CRM tracks for it (S9): all, responses to CRM email, mail from leads, contacts and accounts, from any email-enabled record, or none.');
const defaults = DEFAULT_CRM_SETTINGS;

const user = z.strictObject({
  address: address.describe('The user\'s primary email address: an Exchange user mailbox.'),
  filter,
  incoming: z.enum(['none', 'outlook', 'forward-mailbox', 'email-router']).default('outlook')
    .describe('Who brings the user\'s incoming mail to CRM (R4): Outlook, the router through the forward mailbox, or the router (or server-side sync) reading the user\'s own Inbox.'),
  outgoing: z.enum(['none', 'smtp', 'email-router', 'outlook']).default('smtp')
    .describe('Who sends the user\'s CRM email: the CRM server\'s own SMTP outbound, the router, the user\'s Outlook, or nobody (it stays Pending Send, O2).'),
  approved: z.boolean().default(true).describe('The email address is approved (S3); unapproved, nothing is tracked for it or sent from it when `requireApproval` is on (O2).'),
  outlook: z.boolean().optional().describe('Runs Outlook with the CRM client; default: when incoming or outgoing access is Outlook.'),
  count: countField(false),
});

const queue = z.strictObject({
  address: address.meta({ description: 'The queue\'s email address: an Exchange queue mailbox.', examples: ['support@contoso.example'] }),
  filter,
  incoming: z.enum(['none', 'forward-mailbox', 'email-router']).default('none').describe('Who brings the queue\'s incoming mail to CRM (R4: queues cannot use Outlook).'),
  outgoing: z.enum(['none', 'smtp', 'email-router']).default('none').describe('Who sends the queue\'s CRM email.'),
  approved: z.boolean().default(true).describe('The email address is approved (S3).'),
  count: countField(false),
});

const record = z.strictObject({
  id: id.optional().meta({ description: 'The record\'s id, as `regarding` refers to it; default: contact-1, account-1, ... by kind and position.', examples: ['carol'] }),
  address: address.meta({ description: 'The record\'s email address (S9 filters and correlation match on it).', examples: ['carol@fabrikam.example'] }),
});

const smartMatching = z.strictObject({
  enabled: z.boolean().default(defaults.smartMatching.enabled).describe('Correlate by subject and recipients when nothing else matched (S10; off by default).'),
  maxSubjectWords: z.number().int().min(1).max(20).default(defaults.smartMatching.maxSubjectWords).describe('Subject words hashed, after `word:` prefixes and tokens are stripped (S11).'),
  minMatchingRecipients: z.number().int().min(1).default(defaults.smartMatching.minMatchingRecipients).describe('Addresses an earlier email must share (S11).'),
  lookback: durationMs.default(defaults.smartMatching.lookbackMs).describe('How far back earlier emails are compared (S11: 90 days under load).'),
});

const settings = z.strictObject({
  tokenPrefix: z.string().min(1).max(20).regex(/^[A-Za-z0-9]+$/, 'letters and digits').default(defaults.token.prefix).describe('The tracking token\'s prefix (S11: 1-20 letters and digits).'),
  tokenBaseNumber: z.number().int().nonnegative().default(defaults.token.baseNumber).describe('The deployment\'s base number, added to each user\'s number in the token (S11).'),
  tokenUserDigits: z.number().int().min(1).max(10).default(defaults.token.userDigits).describe('Digits of the user number in the token (S11).'),
  tokenCounterDigits: z.number().int().min(1).max(9).default(defaults.token.counterDigits).describe('Digits of the per-user counter; it wraps from 999 to 000 with 3 (S11, field report 3).'),
  trackInternalAsTwoActivities: z.boolean().default(defaults.trackInternalAsTwoActivities).describe('"Track emails sent between users as two activities" (S12); off, mail between CRM users is refused as InternalEmailReject.'),
  smartMatching: smartMatching.describe('Smart matching (S10, S11).').default({
    enabled: defaults.smartMatching.enabled, maxSubjectWords: defaults.smartMatching.maxSubjectWords,
    minMatchingRecipients: defaults.smartMatching.minMatchingRecipients, lookback: defaults.smartMatching.lookbackMs,
  }),
  deliverRechecksDuplicate: z.boolean().default(defaults.deliverRechecksDuplicate).describe('DeliverIncomingEmail repeats the duplicate check; off, callers interleaving between check and deliver both create an activity (R13). [I]'),
  requireApproval: z.boolean().default(defaults.requireApproval).describe('Users\' and queues\' email addresses must be approved before mail is processed or sent (S3, O2).'),
});

const out = defaults.outbound;
const outbound = z.strictObject({
  smtpServer: z.string().min(1).optional().meta({ description: 'The SMTP server CRM hands its email to: an Exchange server, or an outside sender\'s MTA (`internet.senders`), by its name in any case, as host names are.', examples: ['ex1'] }),
  pollInterval: positiveDurationMs.default(out.pollIntervalMs).describe('How often the server sends what is Pending Send. [I]'),
  retryInterval: durationMs.default(out.retryIntervalMs).describe('After a failed attempt (no connection, a 4xx, a lost 250), the email waits this long in Pending Send (R6 PendingStatusDelay).'),
  maxDeliveryAttempts: z.number().int().positive().default(out.maxDeliveryAttempts).describe('Attempts before the email is Failed (R6 MaximumDeliveryAttempts, O1).'),
  sendingStatusDelay: positiveDurationMs.default(out.sendingStatusDelayMs).describe('An email stuck in Sending this long goes back to Pending Send and is sent again (R6 SendingStatusDelay).'),
  statusUpdateDelay: durationMs.default(out.statusUpdateDelayMs).describe('Between the 250 and the email\'s status Sent; a crash in between leaves it Sending. [I]'),
});

export const crmSchema = z.strictObject({
  server: id.default('crm').describe('The CRM server\'s name, as faults and router deployments refer to it.'),
  domain: z.string().min(1).optional().meta({ description: 'Domain of the Message-IDs CRM generates; default: the organisation\'s first accepted domain.', examples: ['contoso.example'] }),
  users: z.array(user).min(1).transform((entries, ctx) => expandCounted(entries, ctx, (entry) => entry)).describe('CRM users and how each one\'s email is processed (R4, S9).'),
  queues: z.array(queue).transform((entries, ctx) => expandCounted(entries, ctx, (entry) => entry)).default([]).describe('CRM queues (R4: they cannot use Outlook).'),
  contacts: z.array(record).default([]).describe('Contacts (S9: `leads-contacts-accounts` filters accept mail from them).'),
  accounts: z.array(record).default([]).describe('Accounts.'),
  leads: z.array(record).default([]).describe('Leads.'),
  others: z.array(record).default([]).describe('Other email-enabled records (custom entities; S9 `email-enabled`).'),
  settings: settings.describe('Organisation settings (S10-S12, S3).').default({
    tokenPrefix: defaults.token.prefix, tokenBaseNumber: defaults.token.baseNumber, tokenUserDigits: defaults.token.userDigits,
    tokenCounterDigits: defaults.token.counterDigits, trackInternalAsTwoActivities: defaults.trackInternalAsTwoActivities,
    smartMatching: {
      enabled: defaults.smartMatching.enabled, maxSubjectWords: defaults.smartMatching.maxSubjectWords,
      minMatchingRecipients: defaults.smartMatching.minMatchingRecipients, lookback: defaults.smartMatching.lookbackMs,
    },
    deliverRechecksDuplicate: defaults.deliverRechecksDuplicate, requireApproval: defaults.requireApproval,
  }),
  outbound: outbound.describe('CRM\'s own SMTP outbound (O1-O3), for users and queues whose outgoing access is `smtp`.').default({
    pollInterval: out.pollIntervalMs, retryInterval: out.retryIntervalMs, maxDeliveryAttempts: out.maxDeliveryAttempts,
    sendingStatusDelay: out.sendingStatusDelayMs, statusUpdateDelay: out.statusUpdateDelayMs,
  }),
  outlook: z.strictObject({
    pollInterval: positiveDurationMs.default(60_000).describe('How often Outlook looks at the Inbox and retries tracking that waits. [I]'),
    checkDeliverGap: durationMs.default(500).describe('Between a Check... call and its Deliver... call (C1). [I]'),
  }).default({ pollInterval: 60_000, checkDeliverGap: 500 }).describe('The Outlook client with CRM (C1-C4), one per user who runs it.'),
  emails: z.array(z.strictObject({
    at: timeAfterStartMs.describe('When it is created and sent, after the start.'),
    from: address.describe('The CRM user who sends it, by their outgoing access (CRM email from a queue is not modelled yet).'),
    to: z.array(address).min(1).meta({ description: 'Recipients.', examples: [['carol@fabrikam.example']] }),
    cc: z.array(address).default([]).describe('Copy recipients.'),
    subject: z.string().default('(no subject)').meta({ description: 'The subject; CRM adds its tracking token (S11).', examples: ['Your quote'] }),
    regarding: id.optional().meta({ description: 'The id of the record (contact, account, lead or other) the email is regarding.', examples: ['carol'] }),
    size: sizeBytes.default(20_000).describe('The size of the message.'),
  })).default([]).describe('CRM email created at given instants (a person in the web client, a workflow) and sent by the sender\'s outgoing access.'),
});

export type CrmSection = z.output<typeof crmSchema>;
