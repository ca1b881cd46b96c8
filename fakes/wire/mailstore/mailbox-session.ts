// What the router needs of a mailbox on a real mail server, whatever the protocol (POP3, as the product read forward
// mailboxes; IMAP, standing in for EWS): the items oldest first, each one's bytes, deleting an item once processed
// (R10), and ending the session cleanly, or abandoning it as a crashed process would.

/** One item in the mailbox: a protocol id stable across sessions (POP3 UIDL, IMAP UID), and when the store got it. */
export interface StoredItem {
  readonly id: string;
  /** The store's received instant (IMAP INTERNALDATE) in epoch ms; null where the protocol has none (POP3). */
  readonly receivedAtMs: number | null;
}

export interface MailboxSession {
  readonly protocol: 'pop3' | 'imap';
  list(): Promise<StoredItem[]>;
  /** The item's raw RFC 5322 bytes. */
  fetch(id: string): Promise<Buffer>;
  delete(id: string): Promise<void>;
  /** Ends the session politely; deletions take effect (POP3 commits them only here, in its UPDATE state). */
  close(): Promise<void>;
  /** Drops the connection without a goodbye, as a crashed process does: a POP3 server forgets this session's DELEs. */
  abandon(): void;
}

export interface MailboxLogin {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** Socket inactivity limit, ms. */
  readonly timeoutMs?: number;
}
