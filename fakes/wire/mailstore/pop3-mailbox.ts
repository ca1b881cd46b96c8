// A mailbox read over POP3, as the router's POP3 provider read its forward mailbox (R3, R10: POP3 always deletes).
// Items are named by UIDL (stable across sessions); DELE marks an item and QUIT removes it, so a session that dies
// before QUIT leaves every item it read in the mailbox for the next session.
import type { MailboxLogin, MailboxSession, StoredItem } from './mailbox-session.js';
import { Pop3Client } from './pop3-client.js';

export async function openPop3Mailbox(login: MailboxLogin): Promise<MailboxSession> {
  const client = await Pop3Client.connect(login);
  const numbers = new Map<string, number>();
  const numberOf = (id: string): number => {
    const number = numbers.get(id);
    if (number === undefined) throw new Error(`POP3: no item ${id} in this session's listing`);
    return number;
  };
  return {
    protocol: 'pop3',
    async list(): Promise<StoredItem[]> {
      const listing = await client.uidl();
      numbers.clear();
      for (const { number, uid } of listing) numbers.set(uid, number);
      return listing.map(({ uid }) => ({ id: uid, receivedAtMs: null }));
    },
    fetch: (id) => client.retr(numberOf(id)),
    delete: (id) => client.dele(numberOf(id)),
    close: () => client.quit(),
    abandon: () => client.destroy(),
  };
}
