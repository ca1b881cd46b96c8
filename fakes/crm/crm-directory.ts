// Resolves email addresses to CRM parties: the users and queues that receive and send CRM email, and the other
// email-enabled records (contacts, accounts, leads, others) a sender can match (S9).
import type { CrmMailbox, CrmOrgConfig, CrmRecord, RecordKind } from './crm-config.js';
import { lowerCase } from '../mail/lower-case.js';

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
  const recordById = new Map(config.records.map((r) => [r.id, r]));
  // Built once: CRM resolves the sender of every message it judges, and the parties never change during a run.
  const parties = new Map<string, Party>();
  for (const record of config.records) {
    const address = record.address.toLowerCase();
    if (!parties.has(address)) parties.set(address, { kind: record.kind, address, record });
  }
  for (const [address, mailbox] of mailboxes) parties.set(address, { kind: mailbox.kind, address, mailbox });
  // The last user or queue asked after: CheckIncomingEmail and DeliverIncomingEmail each ask after the recipients
  // and the receiving mailbox, usually one and the same, and at scale each look-up is a miss in a large map.
  let lastAsked: string | null = null;
  let lastMailbox: CrmMailbox | undefined;
  return {
    mailbox: (address) => {
      if (address !== lastAsked) {
        lastMailbox = mailboxes.get(lowerCase(address));
        lastAsked = address;
      }
      return lastMailbox;
    },
    party: (address) => parties.get(lowerCase(address)),
    record: (id) => recordById.get(id),
  };
}
