// The lesson as a story in the terminal (`mailflow demo --narrate`), for trainers without a browser: the lesson's
// captions, the faults and operations, and the steps that matter to CRM (a copy to the forward mailbox, CRM's
// answer, an activity, a retry, a filing that leaves the message untracked, a loss), grouped by the second they happen. The
// command prints one beat per Enter (or all of them with --auto), or jumps ahead when told (narrationMove). Each step's
// line names its message; a step both lanes tell alike is told once, for both.
import { COUNTER_NAMES, type DemoData, type DemoLane, type DemoMessage, type DemoStep, type LaneId } from './demo-data.js';
import { deliveredFolder } from './step-view.js';
import { readDurationMs } from '../scenario/duration.js';

export interface Beat {
  readonly atMs: number;
  readonly lines: readonly string[];
  /** It holds a lesson caption or an operation: where `n` (next landmark) stops. */
  readonly landmark: boolean;
}

/** Steps worth telling a class about; reads, sends and plain deliveries would drown them. */
const TOLD_STEPS: ReadonlySet<string> = new Set(['evaluated', 'activity-created', 'bounced', 'untracked', 'reappeared', 'delay-notification']);

/** Fates a filing explains: left out of the root Inbox, or moved back behind the watermark (lane-view.ts fateOf). */
const FILING_FATES: ReadonlySet<string> = new Set(['untracked (not-in-root-inbox)', 'untracked (behind-watermark)']);

function told(step: DemoStep, message: DemoMessage): boolean {
  if (step.mark !== null) return true;
  if (TOLD_STEPS.has(step.step)) return true;
  // A filing matters to the story only when it is why no reader ever takes the message (S6): a person's ('moved'),
  // or a move rule's or the junk filter's as it is delivered (a delivery into a folder other than the Inbox).
  const filed = step.step === 'moved' || (step.step === 'delivered' && !['Inbox', null].includes(deliveredFolder(step.detail)));
  if (filed && FILING_FATES.has(message.fate)) return true;
  return step.step === 'delivered' && step.rules.includes('R2');
}

const LANE_TAG: Readonly<Record<LaneId | 'both', string>> = { router: 'router', sss: 'sync  ', both: 'both  ' };

/** Virtual time as the scenario's clock: `08:04:25`, with the date when the story spans days. */
export function clockOf(data: Pick<DemoData, 'start' | 'endMs'>, atMs: number): string {
  const iso = new Date(Date.parse(data.start) + atMs).toISOString();
  return data.endMs >= 86_400_000 ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso.slice(11, 19);
}

export function narrationBeats(data: DemoData): Beat[] {
  const entries: Array<{ atMs: number; order: number; line: string; landmark: boolean }> = [];
  let order = 0;
  const add = (atMs: number, line: string, landmark = false): void => {
    entries.push({ atMs, order: order++, line, landmark });
  };
  for (const caption of data.captions) add(caption.atMs, `${LANE_TAG[caption.lane]} >> ${caption.text}`, true);
  for (const op of data.operations) add(op.atMs, `${LANE_TAG[op.lane]} !! ${op.caption}${op.rules.length > 0 ? ` [${op.rules.join(', ')}]` : ''}`, true);
  for (const step of laneSteps(data.lanes)) add(step.atMs, `${LANE_TAG[step.lane]}    ${step.text}`);
  entries.sort((a, b) => a.atMs - b.atMs || a.order - b.order);
  const beats: Array<{ atMs: number; lines: string[]; landmark: boolean }> = [];
  // One beat per second of the clock the header shows: two beats under one `[08:01:36]` would read as a repeat.
  for (const entry of entries) {
    const last = beats[beats.length - 1];
    if (last !== undefined && Math.floor(last.atMs / 1000) === Math.floor(entry.atMs / 1000)) {
      last.lines.push(entry.line);
      last.landmark ||= entry.landmark;
    } else {
      beats.push({ atMs: entry.atMs, lines: [entry.line], landmark: entry.landmark });
    }
  }
  return beats;
}

/**
 * The steps each lane tells, with the message named so that ten messages from Carol to Ines can be told apart. A
 * step both lanes tell alike (the same message, instant and words: before a cutover, say, or a sender retrying
 * through a shared outage) is told once, for both.
 */
function laneSteps(lanes: readonly DemoLane[]): Array<{ atMs: number; lane: LaneId | 'both'; text: string }> {
  const told = lanes.map((lane) => tellsOf(lane));
  const [first = [], ...others] = told;
  const key = (t: { atMs: number; messageId: string; text: string }): string => `${t.atMs}\u0000${t.messageId}\u0000${t.text}`;
  const rest = others.flat();
  const unmatched = new Map<string, number>();
  for (const t of rest) unmatched.set(key(t), (unmatched.get(key(t)) ?? 0) + 1);
  const steps: Array<{ atMs: number; lane: LaneId | 'both'; text: string }> = [];
  for (const t of first) {
    const left = unmatched.get(key(t)) ?? 0;
    if (left > 0 && lanes.length === 2) {
      unmatched.set(key(t), left - 1);
      steps.push({ atMs: t.atMs, lane: 'both', text: t.text });
    } else {
      steps.push({ atMs: t.atMs, lane: t.lane, text: t.text });
    }
  }
  const shared = new Map<string, number>();
  for (const t of first) shared.set(key(t), (shared.get(key(t)) ?? 0) + 1);
  for (const t of rest) {
    const both = shared.get(key(t)) ?? 0;
    if (both > 0) shared.set(key(t), both - 1);
    else steps.push({ atMs: t.atMs, lane: t.lane, text: t.text });
  }
  return steps;
}

function tellsOf(lane: DemoLane): Array<{ atMs: number; lane: LaneId; messageId: string; text: string }> {
  // A sender retrying through an outage tries a dozen times: the class hears of the first attempt only.
  const retried = new Set<number>();
  const tells: Array<{ atMs: number; lane: LaneId; messageId: string; text: string }> = [];
  for (const [m, s] of lane.timeline) {
    const message = lane.messages[m];
    const step = message?.steps[s];
    if (message === undefined || step === undefined || !told(step, message)) continue;
    if (step.mark === 'retry') {
      if (retried.has(m)) continue;
      retried.add(m);
    }
    const name = message.name === undefined ? '' : `[${message.name}] `;
    tells.push({ atMs: step.atMs, lane: lane.id, messageId: message.messageId, text: `${name}${message.label}: ${step.caption}` });
  }
  return tells;
}

/** The closing lines: each lane's counters (equal to `mailflow demo --lane <id> --json`'s counts) and verdict. */
export function narrationEnding(data: DemoData): string[] {
  return data.lanes.flatMap((lane) => [
    `${LANE_TAG[lane.id]} ${lane.run.verdict.toUpperCase()}: ${COUNTER_NAMES.map((c) => `${c} ${lane.counters[c]}`).join(', ')}`,
    ...lane.run.unmet.map((why) => `${LANE_TAG[lane.id]}   not met: ${why}`),
  ]);
}

/** What Enter and the other keys do while the story waits (the command's prompt and docs/demo.md say the same). */
export const NARRATION_KEYS = 'Enter: next step; n: next caption or operation; 9:30 or 09:30:15: jump to that time; +20m: jump ahead; Ctrl-D: tell the rest';

export type NarrationMove =
  /** Tell beat `to` next (`to` past the one due when the line skips some). */
  | { readonly kind: 'tell'; readonly to: number }
  /** Tell nothing: say this, and wait for another line. */
  | { readonly kind: 'say'; readonly text: string };

const DAY_MS = 86_400_000;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * What a line typed while the story waits asks for. `next` is the index of the beat due; `nowMs` the time of the
 * last beat told (0 before the first). A time of day is the next time the clock shows it, at or after `nowMs`; a
 * `+duration` (as scenarios write them) counts from `nowMs`. Either tells the first beat at or after that instant.
 */
export function narrationMove(input: string, beats: readonly Beat[], next: number, nowMs: number, data: Pick<DemoData, 'start' | 'endMs'>): NarrationMove {
  const text = input.trim();
  if (text === '') return { kind: 'tell', to: next };
  const from = (targetMs: number, asked: string): NarrationMove => {
    const to = beats.findIndex((b, i) => i >= next && b.atMs >= targetMs);
    const last = beats[beats.length - 1];
    return to >= 0 ? { kind: 'tell', to }
      : { kind: 'say', text: `nothing happens from ${asked} on: the last step is at ${last === undefined ? clockOf(data, 0) : clockOf(data, last.atMs)}` };
  };
  if (/^n(ext)?$/i.test(text)) {
    const to = beats.findIndex((b, i) => i >= next && b.landmark);
    return to >= 0 ? { kind: 'tell', to } : { kind: 'say', text: 'no caption or operation is left; Enter goes on, Ctrl-D tells the rest' };
  }
  const clock = CLOCK.exec(text);
  if (clock !== null) {
    const [hours, minutes, seconds] = [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0)];
    if (hours > 23 || minutes > 59 || seconds > 59) return { kind: 'say', text: `${text} is no time of day` };
    const startAbs = Date.parse(data.start);
    const nowAbs = startAbs + nowMs;
    let target = nowAbs - (((nowAbs % DAY_MS) + DAY_MS) % DAY_MS) + ((hours * 60 + minutes) * 60 + seconds) * 1000;
    if (target < nowAbs) target += DAY_MS;
    return from(target - startAbs, clockOf({ start: data.start, endMs: data.endMs }, target - startAbs));
  }
  if (text.startsWith('+')) {
    const ms = readDurationMs(text.slice(1));
    if (typeof ms === 'number') return from(nowMs + ms, clockOf(data, nowMs + ms));
    return { kind: 'say', text: `${text}: ${typeof ms === 'string' ? `the duration ${ms}` : 'not a duration such as +20m or +1h30m'}` };
  }
  return { kind: 'say', text: `'${text}' means nothing here. ${NARRATION_KEYS}` };
}
