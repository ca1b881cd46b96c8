// The incoming cycles under way in one server-side sync service (memory only; a crash forgets them, S5): per mailbox
// the items its cycle still has to work through, per email server profile how many of its mailboxes are being read
// (S2: at most `maxConcurrentConnections` at once), and which cycle works on each message. [I] The service never works
// on one message in two mailboxes at once (a user's Inbox and the forward mailbox can hold the same message): the
// second leaves its copy, which the first tracks.
//
// At scale most cycles find nothing to do (10,000 mailboxes, a cycle each every 5 minutes), so the counts are kept as
// they change rather than recounted per cycle, and a cycle releases only the claims it made.

interface Cycle<T> {
  readonly items: readonly T[];
  /** The index of the item being worked on. */
  next: number;
  readonly profile: string | undefined;
  /** Message keys this cycle claimed. */
  readonly claimed: string[];
}

export class SyncCycles<T> {
  private readonly cycles = new Map<string, Cycle<T>>();
  /** Profile name -> mailboxes of it whose cycle is under way. */
  private readonly busy = new Map<string | undefined, number>();
  /** Message key -> the mailbox whose cycle claimed it. */
  private readonly claims = new Map<string, string>();

  /** `profileOf`: the name of the mailbox's email server profile (it never changes during a run). */
  constructor(private readonly profileOf: (mailbox: string) => string | undefined) {}

  running(mailbox: string): boolean {
    return this.cycles.has(mailbox);
  }

  /** How many mailboxes of this profile have a cycle under way (S2). */
  busyIn(profile: string): number {
    return this.busy.get(profile) ?? 0;
  }

  /** A cycle begins with the items it read; call only with at least one (an empty cycle just ends). */
  start(mailbox: string, items: readonly T[]): void {
    const profile = this.profileOf(mailbox);
    this.cycles.set(mailbox, { items, next: 0, profile, claimed: [] });
    this.busy.set(profile, (this.busy.get(profile) ?? 0) + 1);
  }

  /** The item the mailbox's cycle works on now; undefined once it has none left (or none runs). */
  current(mailbox: string): T | undefined {
    const cycle = this.cycles.get(mailbox);
    return cycle?.items[cycle.next];
  }

  /** The current item is done (or left alone): on to the next. */
  advance(mailbox: string): void {
    const cycle = this.cycles.get(mailbox);
    if (cycle !== undefined) cycle.next++;
  }

  /** Claims a message for the mailbox's running cycle; false when another mailbox's cycle holds it (or none runs). */
  claim(mailbox: string, key: string): boolean {
    const cycle = this.cycles.get(mailbox);
    const holder = this.claims.get(key);
    if (cycle === undefined || (holder !== undefined && holder !== mailbox)) return false;
    if (holder === undefined) {
      this.claims.set(key, mailbox);
      cycle.claimed.push(key);
    }
    return true;
  }

  /** The cycle ends (done, or stopped by an error): its claims are released and its profile has one more free slot. */
  end(mailbox: string): void {
    const cycle = this.cycles.get(mailbox);
    if (cycle === undefined) return;
    this.cycles.delete(mailbox);
    for (const key of cycle.claimed) if (this.claims.get(key) === mailbox) this.claims.delete(key);
    const busy = (this.busy.get(cycle.profile) ?? 1) - 1;
    if (busy === 0) this.busy.delete(cycle.profile);
    else this.busy.set(cycle.profile, busy);
  }
}
