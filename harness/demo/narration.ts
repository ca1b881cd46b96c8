// The lesson as a story in the terminal (`mailflow demo --narrate`), for trainers without a browser: the lesson's
// captions, the faults and operations, and the steps that matter to CRM (a copy to the forward mailbox, CRM's
// answer, an activity, a retry, a filing that leaves the message untracked, a loss), grouped by the second they happen. The
// command prints one beat per Enter (or all of them with --auto).
import { COUNTER_NAMES, type DemoData, type DemoLane, type DemoMessage, type DemoStep, type LaneId } from './demo-data.js';

export interface Beat {
  readonly atMs: number;
  readonly lines: readonly string[];
}

/** Steps worth telling a class about; reads, sends and plain deliveries would drown them. */
const TOLD_STEPS: ReadonlySet<string> = new Set(['evaluated', 'activity-created', 'bounced', 'untracked', 'reappeared', 'delay-notification']);

/** Fates a filing explains: left out of the root Inbox, or moved back behind the watermark (lane-view.ts fateOf). */
const FILING_FATES: ReadonlySet<string> = new Set(['untracked (not-in-root-inbox)', 'untracked (behind-watermark)']);

function told(step: DemoStep, message: DemoMessage): boolean {
  if (step.mark !== null) return true;
  if (TOLD_STEPS.has(step.step)) return true;
  if (step.step === 'delivered') return step.rules.includes('R2');
  // A filing matters to the story only when it is why no reader ever takes the message (S6).
  return step.step === 'moved' && FILING_FATES.has(message.fate);
}

const LANE_TAG: Readonly<Record<LaneId | 'both', string>> = { router: 'router', sss: 'sync  ', both: 'both  ' };

/** Virtual time as the scenario's clock: `08:04:25`, with the date when the story spans days. */
export function clockOf(data: Pick<DemoData, 'start' | 'endMs'>, atMs: number): string {
  const iso = new Date(Date.parse(data.start) + atMs).toISOString();
  return data.endMs >= 86_400_000 ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso.slice(11, 19);
}

export function narrationBeats(data: DemoData): Beat[] {
  const entries: Array<{ atMs: number; order: number; line: string }> = [];
  let order = 0;
  const add = (atMs: number, line: string): void => {
    entries.push({ atMs, order: order++, line });
  };
  for (const caption of data.captions) add(caption.atMs, `${LANE_TAG[caption.lane]} >> ${caption.text}`);
  for (const op of data.operations) add(op.atMs, `${LANE_TAG[op.lane]} !! ${op.caption}${op.rules.length > 0 ? ` [${op.rules.join(', ')}]` : ''}`);
  for (const lane of data.lanes) addLaneSteps(lane, add);
  entries.sort((a, b) => a.atMs - b.atMs || a.order - b.order);
  const beats: Beat[] = [];
  // One beat per second of the clock the header shows: two beats under one `[08:01:36]` would read as a repeat.
  for (const entry of entries) {
    const last = beats[beats.length - 1];
    if (last !== undefined && Math.floor(last.atMs / 1000) === Math.floor(entry.atMs / 1000)) (last.lines as string[]).push(entry.line);
    else beats.push({ atMs: entry.atMs, lines: [entry.line] });
  }
  return beats;
}

function addLaneSteps(lane: DemoLane, add: (atMs: number, line: string) => void): void {
  // A sender retrying through an outage tries a dozen times: the class hears of the first attempt only.
  const retried = new Set<number>();
  for (const [m, s] of lane.timeline) {
    const message = lane.messages[m];
    const step = message?.steps[s];
    if (message === undefined || step === undefined || !told(step, message)) continue;
    if (step.mark === 'retry') {
      if (retried.has(m)) continue;
      retried.add(m);
    }
    add(step.atMs, `${LANE_TAG[lane.id]}    ${message.label}: ${step.caption}`);
  }
}

/** The closing lines: each lane's counters (equal to `mailflow demo --lane <id> --json`'s counts) and verdict. */
export function narrationEnding(data: DemoData): string[] {
  return data.lanes.flatMap((lane) => [
    `${LANE_TAG[lane.id]} ${lane.run.verdict.toUpperCase()}: ${COUNTER_NAMES.map((c) => `${c} ${lane.counters[c]}`).join(', ')}`,
    ...lane.run.unmet.map((why) => `${LANE_TAG[lane.id]}   not met: ${why}`),
  ]);
}
