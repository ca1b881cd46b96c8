// Arbitrary traffic: a few bursts of messages from outside, each burst a handful of messages seconds apart to one or
// two recipients. Bursts keep the router and the sync busy for a while, which is where crashes and outages hurt.
import fc from 'fast-check';
import { SENDER } from './fuzz-shape.js';
import { checkWholeNumber, MIN_MAX_MESSAGES } from './arb-options.js';

export interface FuzzBurst {
  /** When the burst starts, in minutes after the start. */
  readonly atMinute: number;
  readonly messages: number;
  /** Seconds between two messages of the burst. */
  readonly gapSeconds: number;
  /** Recipients per message (the same message to two people is one Message-ID, S8). */
  readonly fanOut: number;
  /** Which recipient the burst starts with. */
  readonly firstRecipient: number;
}

export const TRAFFIC_WINDOW_MINUTES = 60;

/** Bursts of at most `maxMessages` messages each (at most 8); `messagesOf` keeps the first `maxMessages` in all. */
export function arbBursts(maxMessages: number): fc.Arbitrary<FuzzBurst[]> {
  checkWholeNumber('arbBursts', 'maxMessages', maxMessages, MIN_MAX_MESSAGES, '--max-messages');
  const burst = fc.record({
    atMinute: fc.integer({ min: 1, max: TRAFFIC_WINDOW_MINUTES }),
    messages: fc.integer({ min: 1, max: Math.max(1, Math.min(8, maxMessages)) }),
    gapSeconds: fc.integer({ min: 0, max: 30 }),
    fanOut: fc.integer({ min: 1, max: 2 }),
    firstRecipient: fc.nat({ max: 7 }),
  });
  return fc.array(burst, { minLength: 1, maxLength: 4 });
}

/** The bursts as `traffic.messages`, at most `maxMessages` of them, in time order. */
export function messagesOf(bursts: readonly FuzzBurst[], recipients: readonly string[], maxMessages: number) {
  // A bound of 0 or less would slice the traffic away (or from the end) without a word.
  checkWholeNumber('messagesOf', 'maxMessages', maxMessages, MIN_MAX_MESSAGES, '--max-messages');
  const messages = bursts.flatMap((burst, b) => Array.from({ length: burst.messages }, (_, j) => {
    const to = Array.from({ length: Math.min(burst.fanOut, recipients.length) }, (_, r) => recipients[(burst.firstRecipient + j + r) % recipients.length] ?? '');
    const atSeconds = burst.atMinute * 60 + j * burst.gapSeconds;
    return { atSeconds, from: `customer${b + 1}@${SENDER.domain}`, to, subject: `Order ${b + 1}-${j + 1}` };
  }));
  return messages
    .slice(0, maxMessages)
    .sort((a, b) => a.atSeconds - b.atSeconds)
    .map(({ atSeconds, ...m }) => ({ at: `${atSeconds}s`, ...m }));
}
