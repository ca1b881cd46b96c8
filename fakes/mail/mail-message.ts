// A mail message as the models pass it around: the headers that matter for routing and tracking, and a ledger key
// that follows the message everywhere even when it carries no Message-ID (X: transport may leave it without one).

export interface MailMessage {
  /**
   * The ledger's key for this message: its Message-ID when it was submitted with one, otherwise a key the sender
   * made up. Never changes as the message is relayed, copied or forwarded as an attachment.
   */
  readonly key: string;
  /** The Message-ID header, or null when the message has none (transport may assign one on arrival). */
  readonly messageId: string | null;
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  readonly sizeBytes: number;
  readonly inReplyTo?: string;
  readonly references?: readonly string[];
  /** Other headers the scenario sets (X-headers, Thread-Index, ...), passed along untouched. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Arrived from the Internet over unauthenticated SMTP (junk filtering looks only at such mail). */
  readonly external?: boolean;
  /** Set on copies made by an inbox rule, so no rule forwards them again (Exchange's rule-loop guard). */
  readonly viaRule?: boolean;
  /** A message software cannot parse (a broken MIME structure): the router fails on it every cycle (R10). */
  readonly malformed?: boolean;
  /** For a copy forwarded as an attachment: the original message, Message-ID and all (R1, R2). */
  readonly attached?: MailMessage;
}

/** The message a copy stands for: the original inside a forward-as-attachment wrapper, or the message itself. */
export function originalOf(message: MailMessage): MailMessage {
  return message.attached ?? message;
}

/**
 * An empty address list every message without Cc (or To) can share: at a million messages, one empty array each is
 * memory for nothing. Frozen, so no holder can change what the others see.
 */
export const NO_ADDRESSES: readonly string[] = Object.freeze([]);

/**
 * One frozen single-address list per address, for messages to one recipient: a run's generated traffic sends a
 * million of them to ten thousand mailboxes, and each message keeps its To list as long as any mailbox holds it.
 */
export class SoleAddressLists {
  private readonly lists = new Map<string, readonly string[]>();

  of(address: string): readonly string[] {
    let list = this.lists.get(address);
    if (list === undefined) this.lists.set(address, (list = Object.freeze([address])));
    return list;
  }
}

/** To and Cc, in that order. Readonly: without Cc it is the message's own To list, not a copy. */
export function recipientsOf(message: MailMessage): readonly string[] {
  if (message.cc.length === 0) return message.to;
  if (message.to.length === 0) return message.cc;
  return [...message.to, ...message.cc];
}

export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).toLowerCase();
}
