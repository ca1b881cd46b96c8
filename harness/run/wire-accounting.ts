// What a lost 250 did to a wire session's clients (review F4), for the summary and --json: the messages the fake
// Exchange took although their client never heard the 250 (the client saw a failure, the mail was delivered), and
// the extra mailbox copies resends put into people's mailboxes (X1: the client must send again; each copy is
// delivered). The scenario's own fan-out (one message, several recipients) is not extra: only copies beyond the first
// per mailbox, within a message or across its resend chain (fakes/wire/resend-chains.ts), are counted.
import type { Ledger } from '../../sim/ledger/ledger.js';

/** How many offenders each list names; the counts are complete. */
export const WIRE_OFFENDERS_SHOWN = 5;

export interface WireAccounting {
  /** Client messages accepted although the client never heard the 250 (a `dropReply` fault). */
  readonly replyLost: { readonly count: number; readonly first: readonly string[] };
  /** Client messages that were resends with a new Message-ID of an earlier one (each names its chain's first). */
  readonly resentWithNewMessageId: { readonly count: number; readonly first: ReadonlyArray<{ readonly messageId: string; readonly resendOf: string }> };
  /** Mailbox copies beyond the first per (email, mailbox): what resends added to people's mailboxes. */
  readonly extraCopies: { readonly count: number; readonly first: ReadonlyArray<{ readonly messageId: string; readonly mailbox: string; readonly copies: number }> };
  /** Client messages refused for good (5xx; counted `bounced`): the client must tell their authors. */
  readonly refusedForGood: number;
}

const NO_REPLY = 'end-of-data: no reply after DATA';

export function wireAccounting(ledger: Ledger): WireAccounting {
  const replyLost: string[] = [];
  const resent: Array<{ messageId: string; resendOf: string }> = [];
  /** Per email (its chain's first message), copies per mailbox. */
  const copies = new Map<string, Map<string, number>>();
  let refusedForGood = 0;
  for (const life of ledger.messages()) {
    if (!life.fromWireClient) continue;
    if (life.bouncedAtMs !== null && life.firstAcceptedAtMs === null) refusedForGood++;
    if (life.resendOf !== null) resent.push({ messageId: life.messageId, resendOf: life.resendOf });
    if (life.firstAcceptedAtMs !== null && life.path.some((s) => s.step === 'smtp-attempt' && s.detail.startsWith(NO_REPLY))) replyLost.push(life.messageId);
    const email = life.resendOf ?? life.messageId;
    let perMailbox = copies.get(email);
    if (perMailbox === undefined) copies.set(email, (perMailbox = new Map()));
    for (const [mailbox, n] of life.deliveries) perMailbox.set(mailbox, (perMailbox.get(mailbox) ?? 0) + n);
  }
  const extra: Array<{ messageId: string; mailbox: string; copies: number }> = [];
  let extraCount = 0;
  for (const [messageId, perMailbox] of copies) {
    for (const [mailbox, n] of perMailbox) {
      if (n < 2) continue;
      extraCount += n - 1;
      extra.push({ messageId, mailbox, copies: n });
    }
  }
  return {
    replyLost: { count: replyLost.length, first: replyLost.slice(0, WIRE_OFFENDERS_SHOWN) },
    resentWithNewMessageId: { count: resent.length, first: resent.slice(0, WIRE_OFFENDERS_SHOWN) },
    extraCopies: { count: extraCount, first: extra.slice(0, WIRE_OFFENDERS_SHOWN) },
    refusedForGood,
  };
}

/** The summary's lines for the section (none when no client sent anything that needs saying). */
export function wireAccountingLines(wire: WireAccounting): string[] {
  const out: string[] = [];
  const { replyLost, resentWithNewMessageId: resent, extraCopies, refusedForGood } = wire;
  if (replyLost.count > 0) {
    out.push(`    ${replyLost.count} of your clients' messages taken although their 250 was lost (the client saw a failure; delivered): ${replyLost.first.join(', ')}${more(replyLost.count, replyLost.first.length)}`);
  }
  if (resent.count > 0) {
    out.push(`    ${resent.count} sent again with a new Message-ID after a lost 250 (one email to the author, two to CRM, S8): ${resent.first.map((r) => `${r.messageId} resends ${r.resendOf}`).join(', ')}${more(resent.count, resent.first.length)}`);
  }
  if (extraCopies.count > 0) {
    out.push(`    ${extraCopies.count} extra mailbox ${extraCopies.count === 1 ? 'copy' : 'copies'} from resends: ${extraCopies.first.map((c) => `${c.messageId} ${c.copies}x in ${c.mailbox}`).join(', ')}${extraCopies.first.length === WIRE_OFFENDERS_SHOWN ? ', ...' : ''}`);
  }
  if (refusedForGood > 0) out.push(`    ${refusedForGood} refused for good (5xx, counted bounced): your client must tell their authors`);
  return out.length === 0 ? [] : ['  your SMTP clients (wire, docs/wire.md):', ...out];
}

function more(count: number, shown: number): string {
  return count > shown ? `, and ${count - shown} more` : '';
}
