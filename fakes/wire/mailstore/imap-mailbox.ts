// A mailbox's Inbox read over IMAP with imapflow, standing in for the router's EWS access to Exchange (folder and item
// id, R3): items by UID with their INTERNALDATE, source by UID, and a delete that expunges at once (R10).
import { ImapFlow } from 'imapflow';
import type { MailboxLogin, MailboxSession, StoredItem } from './mailbox-session.js';

export async function openImapMailbox(login: MailboxLogin): Promise<MailboxSession> {
  const client = new ImapFlow({
    host: login.host, port: login.port, secure: false, auth: { user: login.user, pass: login.password }, logger: false,
    socketTimeout: login.timeoutMs ?? 10_000,
  });
  await client.connect();
  const lock = await client.getMailboxLock('INBOX');
  return {
    protocol: 'imap',
    async list(): Promise<StoredItem[]> {
      const mailbox = client.mailbox;
      if (mailbox === false || mailbox.exists === 0) return [];
      const items: StoredItem[] = [];
      for await (const message of client.fetch('1:*', { uid: true, internalDate: true })) {
        // A flag change made meanwhile by another session (a POP3 RETR sets \Seen) arrives as a FETCH without UID.
        if (typeof message.uid !== 'number') continue;
        const received = message.internalDate;
        items.push({ id: String(message.uid), receivedAtMs: received instanceof Date ? received.getTime() : null });
      }
      return items;
    },
    async fetch(id) {
      const message = await client.fetchOne(id, { source: true }, { uid: true });
      if (message === false || message.source === undefined) throw new Error(`IMAP: no item with UID ${id}`);
      return message.source;
    },
    async delete(id) {
      if (!await client.messageDelete(id, { uid: true })) throw new Error(`IMAP: could not delete UID ${id}`);
    },
    async close() {
      lock.release();
      await client.logout();
    },
    abandon() {
      client.close();
    },
  };
}
