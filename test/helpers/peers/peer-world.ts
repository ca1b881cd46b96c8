// The small organisation the peer tests run: two CRM users on Forward Mailbox (R4) whose rules copy their mail to
// the forward mailbox, a contact and a lead outside, and the logins to reach each mailbox on the peers over POP3 or
// IMAP. The same shapes as the model's scenarios, so the model's rules decide what is tracked.
import { DEFAULT_CRM_SETTINGS, type CrmEmailSpec, type CrmMailbox, type CrmOrgConfig } from '../../../fakes/crm/crm-config.js';
import type { MailboxSession } from '../../../fakes/wire/mailstore/mailbox-session.js';
import { openImapMailbox } from '../../../fakes/wire/mailstore/imap-mailbox.js';
import { openPop3Mailbox } from '../../../fakes/wire/mailstore/pop3-mailbox.js';
import type { PeerMessage } from '../../../harness/peers/peer-traffic.js';

export const PAUL = 'paul@contoso.test';
export const ANNA = 'anna@contoso.test';
export const FORWARD = 'crm@contoso.test';
export const CAROL = 'carol@fabrikam.test';
export const LEE = 'lee@fabrikam.test';
export const STRANGER = 'dave@elsewhere.test';

/** Every mailbox the peers hold (and login they accept). */
export const PEER_MAILBOXES: readonly string[] = [PAUL, ANNA, FORWARD, CAROL, LEE];

export type Protocol = 'pop3' | 'imap';

function user(address: string, userNumber: number): CrmMailbox {
  // S9: mail from leads, contacts and accounts is tracked; a stranger's is not.
  return { address, kind: 'user', filter: 'leads-contacts-accounts', incoming: 'forward-mailbox', outgoing: 'smtp', approved: true, outlook: false, userNumber };
}

export function peerOrgConfig(emails: readonly CrmEmailSpec[] = []): CrmOrgConfig {
  return {
    server: 'crm', domain: 'contoso.test', mailboxes: [user(PAUL, 1), user(ANNA, 2)],
    records: [{ id: 'carol', kind: 'contact', address: CAROL }, { id: 'lee', kind: 'lead', address: LEE }],
    settings: DEFAULT_CRM_SETTINGS, emails,
  };
}

/** Where a mail store takes mail and serves it: Postfix + Dovecot here, or a container elsewhere. */
export interface MailEndpoints {
  readonly host: string;
  readonly smtpPort: number;
  readonly imapPort: number;
  readonly pop3Port: number;
  readonly password: string;
}

/** Opens `address`'s Inbox over `protocol`. */
export function opener(store: MailEndpoints, address: string, protocol: Protocol): () => Promise<MailboxSession> {
  const port = protocol === 'pop3' ? store.pop3Port : store.imapPort;
  const login = { host: store.host, port, user: address, password: store.password };
  return () => (protocol === 'pop3' ? openPop3Mailbox(login) : openImapMailbox(login));
}

/**
 * Mail from outside: five messages from the contact, one to both users (so both rules forward it: one Message-ID,
 * two copies in the forward mailbox, S8), one from a stranger (refused, S9). The first has lines starting with "."
 * (POP3 byte-stuffing must give them back intact).
 */
export function incomingTraffic(): PeerMessage[] {
  const from = (n: number, to: string[], sender = CAROL): PeerMessage => ({
    messageId: `<order-${n}@fabrikam.test>`, from: sender, to, subject: `Order ${n}`, text: `Order ${n}.\n`,
  });
  return [
    { ...from(1, [PAUL]), text: 'Order 1.\n.a line that starts with a dot\n..and one with two\n.\n' },
    from(2, [ANNA]), from(3, [PAUL]), from(4, [ANNA]), from(5, [PAUL]),
    from(6, [PAUL, ANNA]),
    from(7, [PAUL], STRANGER),
  ];
}
