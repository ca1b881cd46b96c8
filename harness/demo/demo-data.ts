// The trainer view's data: what `mailflow demo` hands the page and the terminal narrator. Two lanes (the router
// architecture and server-side sync) run the same traffic and faults; each lane is the ledger of its own run, turned
// into places (the boxes a lane draws) and message steps (a message moving from box to box at a virtual instant).
// Plain JSON: the page embeds it as is, so everything here is serialisable and deterministic.

export const LANE_IDS = ['router', 'sss'] as const;
export type LaneId = (typeof LANE_IDS)[number];

/** The counters each lane shows; at the end of the run they equal `mailflow run --json`'s counts of that lane. */
export const COUNTER_NAMES = ['tracked', 'tossed', 'duplicatesPrevented', 'untracked', 'lost'] as const;
export type CounterName = (typeof COUNTER_NAMES)[number];

/**
 * Where a box stands: a lane is drawn in four columns, left to right, as mail flows in: the Internet's senders,
 * Exchange (its servers' transport and the mailboxes on them), the processor (the router or the sync service), CRM.
 */
export type PlaceColumn = 'internet' | 'exchange' | 'processor' | 'crm';

export type PlaceKind = 'internet' | 'transport' | 'user-mailbox' | 'queue-mailbox' | 'forward-mailbox' | 'router' | 'sss' | 'crm';

export interface DemoPlace {
  /** Stable within a lane: `internet`, `server:ex1`, `mailbox:paul@contoso.example`, `router:router`, `sss`, `crm`. */
  readonly id: string;
  readonly label: string;
  readonly kind: PlaceKind;
  readonly column: PlaceColumn;
  /** For mailboxes and transport: the Exchange server that holds them (so a page can group them and grey them out
   * while the server is down); null elsewhere. */
  readonly server: string | null;
}

/** What became of a step for the lane's counters, when it changed one. */
export type StepMark = 'tracked' | 'tossed' | 'duplicate-prevented' | 'retry' | 'bounced' | 'lost' | 'untracked';

export interface DemoStep {
  /** Virtual milliseconds since the scenario's start. */
  readonly atMs: number;
  /** The ledger's step name (`delivered`, `evaluated`, `activity-created`, ...) and its text, as `mailflow run` prints paths. */
  readonly step: string;
  readonly detail: string;
  /** The place the message is at once the step has happened (a DemoPlace id of the same lane). */
  readonly place: string;
  /** One sentence for a class: what just happened, in plain words. */
  readonly caption: string;
  /** Rule ids (docs/domain.md) that explain the step; may be empty. */
  readonly rules: readonly string[];
  readonly mark: StepMark | null;
  /** CRM's CheckIncomingEmail reason code and its name, on `evaluated` steps (S8); null elsewhere. */
  readonly reason: { readonly code: number; readonly name: string } | null;
  /**
   * Set on steps that change nothing for CRM (a person opening the message, a processed copy deleted): a caption
   * that shows the latest happening should prefer a step without it. Absent otherwise.
   */
  readonly minor?: true;
}

export interface DemoMessage {
  readonly messageId: string;
  /** Short, for the page: `customers@fabrikam.example -> paul@contoso.example`. */
  readonly label: string;
  /**
   * Tells messages of one sender and recipient apart: the subject as the scenario writes it (quoted, shortened), else
   * the Message-ID's left part (`carol-3`), else `#` and the message's number in its lane. The same in both lanes.
   */
  readonly name?: string;
  readonly steps: readonly DemoStep[];
  /** How it ended, in a few words: `tracked`, `tossed (NoCorrelationMatch)`, `untracked (not-in-root-inbox)`, `lost`, ... */
  readonly fate: string;
}

/** One counter going up by one at an instant: the page replays these to show the counters at any time. */
export interface CounterEvent {
  readonly atMs: number;
  readonly counter: CounterName;
  /** Index into the lane's `messages`; -1 for a message the page does not show (see `sampled`). */
  readonly message: number;
}

/** The run summary of the lane's variant: the same object `mailflow demo --lane <id> --json` prints. */
export interface LaneRunSummary {
  readonly scenario: string;
  readonly verdict: string;
  readonly counts: Readonly<Record<string, unknown>>;
  /** What made the verdict other than pass: checks that said other than expected, expectations not met. */
  readonly unmet: readonly string[];
}

export interface DemoLane {
  readonly id: LaneId;
  readonly title: string;
  readonly places: readonly DemoPlace[];
  readonly messages: readonly DemoMessage[];
  /** Every step of every message in time order (ties: message order, then step order): [message index, step index]. */
  readonly timeline: ReadonlyArray<readonly [message: number, step: number]>;
  readonly counterEvents: readonly CounterEvent[];
  /** The counters at the end of the run (the sum of `counterEvents` per counter). */
  readonly counters: Readonly<Record<CounterName, number>>;
  readonly run: LaneRunSummary;
  /**
   * When server-side sync had a mailbox disabled (S3, S4): from the failed Test & Enable or the errors to the Test &
   * Enable that enabled it, or the run's end. Lesson 2's point, which the drawing did not show. Absent: none.
   */
  readonly disabled?: ReadonlyArray<{ readonly place: string; readonly fromMs: number; readonly toMs: number; readonly why: string }>;
  /** Each drawn mailbox's reads by the lane's readers and how far they had read (R8, S5, S6). Absent: none. */
  readonly reads?: readonly DemoReads[];
}

/** Who reads mail for CRM: the E-mail Router or server-side sync (the lane's processor place of that id). */
export type ReaderId = 'router' | 'sss';

/**
 * One reader's reads of one mailbox's Inbox, and how far it had got: the router's ThresholdDate for the mailbox (R8)
 * or sync's watermark (S6), the received time of the last item it processed. Times are virtual ms since the start.
 * Compact, as a lesson has thousands of reads: `reads` and `failed` are the first time and then the gaps after it.
 */
export interface DemoReads {
  /** The mailbox (a DemoPlace id of the lane). */
  readonly place: string;
  readonly by: ReaderId;
  /** Each read that reached the mailbox (R8: a provider's cycle; S5: a cycle; S3: a Test & Enable's test read). */
  readonly reads: readonly number[];
  /** Each read that did not (its server down, its database dismounted, the connection refused); absent: none. */
  readonly failed?: readonly number[];
  /** [when, up to]: each change of the position, in time order; up to null is none (0001-01-01, R8; no watermark, S6). */
  readonly upTo: ReadonlyArray<readonly [atMs: number, upToMs: number | null]>;
}

/** A fault or an operation from the scenario (shared by both lanes or one lane's own, such as its cutover steps). */
export interface DemoOperation {
  readonly atMs: number;
  readonly lane: LaneId | 'both';
  readonly verb: string;
  readonly target: string | null;
  readonly caption: string;
  readonly rules: readonly string[];
}

/** A lesson's own caption, written for a class (the scenario's `demo.captions`). */
export interface DemoCaption {
  readonly atMs: number;
  readonly lane: LaneId | 'both';
  readonly text: string;
}

export interface DemoData {
  readonly scenario: string;
  readonly title: string;
  readonly description: string;
  /** The scenario's start (ISO 8601 UTC): virtual time 0, for showing wall-clock-like times. */
  readonly start: string;
  /** The later of the two lanes' ends: the scrubber's range. */
  readonly endMs: number;
  readonly lanes: readonly [DemoLane, DemoLane];
  readonly operations: readonly DemoOperation[];
  readonly captions: readonly DemoCaption[];
  /** Set when a lane had more messages than a page animates: how many each lane shows of how many. */
  readonly sampled: { readonly shown: number; readonly total: number } | null;
}
