// The lesson as a story in the terminal (`mailflow demo --narrate`), for trainers without a browser: the lesson's
// captions, the faults and operations, and the steps that matter to CRM (a copy to the forward mailbox, CRM's
// answer, an activity, a retry, a filing that sync will miss, a loss), grouped by the instant they happen. The
// command prints one beat per Enter (or all of them with --auto).
import { COUNTER_NAMES, type DemoData, type DemoLane, type DemoStep, type LaneId } from './demo-data.js';

export interface Beat {
  readonly atMs: number;
  readonly lines: readonly string[];
}

/** Steps worth telling a class about; reads, sends and plain deliveries would drown them. */
const TOLD_STEPS: ReadonlySet<string> = new Set(['evaluated', 'activity-created', 'bounced', 'untracked', 'reappeared', 'delay-notification']);

function told(step: DemoStep): boolean {
  if (step.mark !== null) return true;
  if (TOLD_STEPS.has(step.step)) return true;
  return (step.step === 'delivered' && step.rules.includes('R2')) || step.step === 'moved';
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
  for (const entry of entries) {
    const last = beats[beats.length - 1];
    if (last !== undefined && last.atMs === entry.atMs) (last.lines as string[]).push(entry.line);
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
    if (message === undefined || step === undefined || !told(step)) continue;
    if (step.mark === 'retry') {
      if (retried.has(m)) continue;
      retried.add(m);
    }
    add(step.atMs, `${LANE_TAG[lane.id]}    ${message.label}: ${step.caption}`);
  }
}

/** The closing lines: each lane's counters (equal to `mailflow demo --lane <id> --json`'s counts) and verdict. */
export function narrationEnding(data: DemoData): string[] {
  return data.lanes.map((lane) => `${LANE_TAG[lane.id]} ${lane.run.verdict.toUpperCase()}: ${COUNTER_NAMES.map((c) => `${c} ${lane.counters[c]}`).join(', ')}`);
}
