// Settings of the toy world (a sender, a mailbox, a consumer): the foundation's thin slice through every layer,
// small but real. The Exchange, CRM, router and server-side sync models replace it in later issues.

export interface ToyConfig {
  /** Messages the sender submits (fewer if the horizon comes first). */
  readonly messages: number;
  /** Mean gap between submissions; gaps are exponential (Poisson traffic). */
  readonly meanIntervalMs: number;
  /** No new submissions after this instant (retries of queued mail go on). */
  readonly horizonMs: number;
  /** Gap between delivery attempts while the mailbox refuses connections. */
  readonly retryIntervalMs: number;
  /** After this long in the sender's queue a message is returned to its author as an NDR (bounced). */
  readonly expiryMs: number;
  /** The consumer polls the mailbox this often. */
  readonly pollIntervalMs: number;
  /** Items the consumer takes per poll. */
  readonly batchSize: number;
  /** Mean time the consumer spends on one item (exponential). */
  readonly processingMeanMs: number;
}

export const TOY_ACTORS = { sender: 'sender', mailbox: 'mailbox', consumer: 'consumer' } as const;
