// A small CRM organisation for tests of the CRM model's pure functions: two users, a queue, a contact, an account,
// a lead, with settings overridable per test.
import { DEFAULT_CRM_SETTINGS, type CrmMailbox, type CrmRecord, type CrmSettings } from '../../fakes/crm/crm-config.js';
import { crmDirectory } from '../../fakes/crm/crm-directory.js';
import type { CrmOrg } from '../../fakes/crm/check-incoming.js';
import type { MailMessage } from '../../fakes/mail/mail-message.js';

export function crmMailbox(address: string, overrides: Partial<CrmMailbox> = {}): CrmMailbox {
  return { address, kind: 'user', filter: 'responses', incoming: 'outlook', outgoing: 'smtp', approved: true, outlook: true, userNumber: 1, ...overrides };
}

export const PAUL = 'paul@contoso.com';
export const ANNA = 'anna@contoso.com';
export const SALES = 'sales@contoso.com';
export const CONTACT = 'carol@fabrikam.com';
export const ACCOUNT = 'info@fabrikam.com';
export const LEAD = 'lee@prospect.com';
export const STRANGER = 'someone@elsewhere.com';

export function testOrg(
  settings: Partial<CrmSettings> = {}, mailboxes: Partial<Record<string, Partial<CrmMailbox>>> = {},
): CrmOrg {
  const records: CrmRecord[] = [
    { id: 'contact-1', kind: 'contact', address: CONTACT },
    { id: 'account-1', kind: 'account', address: ACCOUNT },
    { id: 'lead-1', kind: 'lead', address: LEAD },
  ];
  return {
    directory: crmDirectory({
      mailboxes: [
        crmMailbox(PAUL, { userNumber: 1, ...mailboxes[PAUL] }),
        crmMailbox(ANNA, { userNumber: 2, ...mailboxes[ANNA] }),
        crmMailbox(SALES, { kind: 'queue', filter: 'all', outgoing: 'none', userNumber: 0, ...mailboxes[SALES] }),
      ],
      records,
    }),
    settings: { ...DEFAULT_CRM_SETTINGS, ...settings },
  };
}

let n = 0;
export function mail(overrides: Partial<MailMessage> = {}): MailMessage {
  const id = overrides.messageId === undefined ? `<m-${++n}@fabrikam.com>` : overrides.messageId;
  return { key: id ?? `(none ${++n})`, messageId: id, from: CONTACT, to: [PAUL], cc: [], subject: 'Hello', sizeBytes: 1000, ...overrides };
}
