// Waits, in real time, until Postfix has delivered what a test expects into a Dovecot mailbox, and tells the ledger
// about each copy it finds there (the forward mailbox's copies are placements like any other, R2). Postfix delivers
// locally within milliseconds; the wait is bounded so a lost message fails the test instead of hanging it.
import type { Ledger } from '../../sim/ledger/ledger.js';
import type { MailboxKind } from '../../sim/ledger/records.js';
import { originalOf, type MailMessage } from '../../fakes/mail/mail-message.js';
import type { MailboxSession } from '../../fakes/wire/mailstore/mailbox-session.js';
import { messageFromMime } from '../../fakes/wire/mailstore/message-from-mime.js';

export interface SeenItem {
  readonly id: string;
  readonly message: MailMessage;
}

/** Every item in the mailbox, parsed, once it holds at least `count`; throws after `timeoutMs`. */
export async function waitForItems(open: () => Promise<MailboxSession>, count: number, timeoutMs = 10_000): Promise<SeenItem[]> {
  // Wall time on purpose: this waits on a real Dovecot (design.md: the harness drives real programs in real time).
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const session = await open();
    try {
      const items = await session.list();
      if (items.length >= count) {
        const seen: SeenItem[] = [];
        for (const item of items) seen.push({ id: item.id, message: await messageFromMime(await session.fetch(item.id)) });
        return seen;
      }
      if (Date.now() > deadline) throw new Error(`mailbox holds ${items.length} items, expected ${count} within ${timeoutMs} ms`);
    } finally {
      await session.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Records each item as a placement of the message it stands for (a forwarded copy: its original). */
export function recordPlacements(ledger: Ledger, mailbox: string, kind: MailboxKind, items: readonly SeenItem[], eligible: (m: MailMessage) => boolean): void {
  for (const { message } of items) {
    const original = originalOf(message);
    ledger.delivered(original.key, mailbox, kind, 'Inbox', eligible(original));
  }
}

/** What is still in a mailbox the router processes is in flight (design.md's `pending`, the `liveness` check). */
export function declareUnprocessed(ledger: Ledger, mailbox: string, items: readonly SeenItem[]): void {
  ledger.setInFlight(new Map(items.map(({ message }) => [originalOf(message).key, `${mailbox}, not processed yet`])));
}
