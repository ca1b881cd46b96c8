// Resolves email addresses to CRM parties: the users and queues that receive and send CRM email, and the other
// email-enabled records (contacts, accounts, leads, others) a sender can match (S9).
import type { CrmMailbox, CrmOrgConfig, CrmRecord, RecordKind } from './crm-config.js';

export type Party =
  | { readonly kind: 'user' | 'queue'; readonly address: string; readonly mailbox: CrmMailbox }
  | { readonly kind: RecordKind; readonly address: string; readonly record: CrmRecord };

export interface CrmDirectory {
  /** The user or queue with this address, if any. */
  mailbox(address: string): CrmMailbox | undefined;
  /** Who this address belongs to: a user or queue first, then the first record that has it. */
  party(address: string): Party | undefined;
  record(id: string): CrmRecord | undefined;
}

export function crmDirectory(config: Pick<CrmOrgConfig, 'mailboxes' | 'records'>): CrmDirectory {
  const mailboxes = new Map(config.mailboxes.map((m) => [m.address.toLowerCase(), m]));
  const records = new Map<string, CrmRecord>();
  const recordById = new Map(config.records.map((r) => [r.id, r]));
  for (const record of config.records) {
    const address = record.address.toLowerCase();
    if (!records.has(address)) records.set(address, record);
  }
  return {
    mailbox: (address) => mailboxes.get(address.toLowerCase()),
    party(address) {
      const key = address.toLowerCase();
      const mailbox = mailboxes.get(key);
      if (mailbox !== undefined) return { kind: mailbox.kind, address: key, mailbox };
      const record = records.get(key);
      return record === undefined ? undefined : { kind: record.kind, address: key, record };
    },
    record: (id) => recordById.get(id),
  };
}
