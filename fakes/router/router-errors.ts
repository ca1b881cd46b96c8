// What the E-mail Router wrote to its event log, grouped: a service that did not start (a corrupt state file,
// KB954522), and a provider's cycle that ended in an error (a mailbox it cannot read, CRM refusing it, a malformed
// message, R8-R10). The trace has each as a `router-error` note; summaries and reports need them grouped, since a
// 2-hour outage is 120 of the same line per mailbox (the incident review: only `--trace` said why 438 messages
// waited, and the event log is what a customer compares the replay with).

export interface RouterErrorGroup {
  /** The router instance (service) that wrote it. */
  readonly instance: string;
  /** The provider's mailbox, or null for the service as a whole. */
  readonly mailbox: string | null;
  readonly why: string;
  count: number;
  readonly firstAtMs: number;
  lastAtMs: number;
}

/** Errors of every instance, grouped by instance, mailbox and text, in the order each group first occurred. */
export class RouterErrorLog {
  private readonly groups = new Map<string, RouterErrorGroup>();

  add(atMs: number, instance: string, mailbox: string | null, why: string): void {
    const key = `${instance}\n${mailbox ?? ''}\n${why}`;
    const group = this.groups.get(key);
    if (group === undefined) this.groups.set(key, { instance, mailbox, why, count: 1, firstAtMs: atMs, lastAtMs: atMs });
    else {
      group.count++;
      group.lastAtMs = atMs;
    }
  }

  all(): RouterErrorGroup[] {
    return [...this.groups.values()].map((g) => ({ ...g }));
  }
}
