// Finds a mailbox's home (server, database) in the organisation's directory, remembering the last one asked after.
// Clients ask after one mailbox several times in a row: server-side sync's cycle reads its OrgID, its Inbox and its
// tracked items, and each request that reaches the wrong server is proxied to the right one, which asks again. At
// scale (10,000 mailboxes, a cycle each every 5 minutes) each directory look-up is a cache miss in a large map; with
// this memory a cycle makes one instead of three to six. The directory never changes during a run.
import { lowerCase } from '../mail/lower-case.js';
import type { MailboxHome } from './exchange-config.js';

export class HomeLookup {
  private lastAsked: string | null = null;
  private lastKey = '';
  private lastHome: MailboxHome | undefined = undefined;

  constructor(private readonly directory: ReadonlyMap<string, MailboxHome>) {}

  /** The mailbox's home, or undefined when the organisation has no such mailbox. Then `key` is its directory key. */
  find(address: string): MailboxHome | undefined {
    if (address !== this.lastAsked) {
      this.lastKey = lowerCase(address);
      this.lastHome = this.directory.get(this.lastKey);
      this.lastAsked = address;
    }
    return this.lastHome;
  }

  /** The lower-case address `find` last looked up (the directory's key for it). */
  get key(): string {
    return this.lastKey;
  }
}
