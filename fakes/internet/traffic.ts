// Traffic from one outside sender: explicit messages at given instants, and seeded generators (Poisson arrivals,
// recipients drawn from a list, fan-out to several recipients).
import type { Rng } from '../../sim/core/rng.js';
import { NO_ADDRESSES, type MailMessage, type SoleAddressLists } from '../mail/mail-message.js';

export interface ExplicitMessage {
  readonly atMs: number;
  readonly message: MailMessage;
  /** Sent from Outlook with "Track in CRM" (C1): a token in the subject, an outgoing activity. */
  readonly tracked?: boolean;
}

export interface TrafficGenerator {
  /** Name used in generated keys: `<name-n@domain>`. */
  readonly name: string;
  readonly from: string;
  readonly ratePerHour: number;
  /** At most this many messages (Infinity: until the horizon). */
  readonly count: number;
  /** No messages after this instant. */
  readonly untilMs: number;
  /** Recipients are drawn from these. */
  readonly recipients: readonly string[];
  /** Distinct recipients per message. */
  readonly fanOut: number;
  readonly sizeBytes: number;
  /** 24 relative weights, one per UTC hour of the day (ratePerHour is the daily average); null: flat. */
  readonly dailyCurve: readonly number[] | null;
}

/** The peak of a curve relative to its mean (1 for a flat rate). */
export function peakOf(curve: readonly number[] | null): number {
  if (curve === null) return 1;
  const mean = curve.reduce((a, b) => a + b, 0) / curve.length;
  return Math.max(...curve) / mean;
}

export interface SenderTraffic {
  /** Sorted by time. */
  readonly messages: readonly ExplicitMessage[];
  readonly generators: readonly TrafficGenerator[];
}

/**
 * The generator's n-th message. It comes from the Internet, so it is marked external already (transport need not copy
 * it to say so). A single recipient's To list is the shared one from `sole`.
 */
export function nextGeneratedMessage(generator: TrafficGenerator, n: number, rng: Rng, sole: SoleAddressLists): MailMessage {
  const domain = generator.from.slice(generator.from.lastIndexOf('@') + 1);
  const id = `<${generator.name}-${n}@${domain}>`;
  const to = recipientsFor(generator, rng, sole);
  return { key: id, messageId: id, from: generator.from, to, cc: NO_ADDRESSES, subject: `${generator.name} message ${n}`, sizeBytes: generator.sizeBytes, external: true };
}

/**
 * Distinct recipients for one message. One recipient of several is `pick`: the very draw `sample` would make, without
 * its bookkeeping. Several are cut to their number: the message keeps the list, and a sample grows it with room to spare.
 */
function recipientsFor(generator: TrafficGenerator, rng: Rng, sole: SoleAddressLists): readonly string[] {
  if (generator.fanOut === 1 && generator.recipients.length > 1) return sole.of(rng.pick(generator.recipients));
  const chosen = rng.sample(generator.recipients, generator.fanOut);
  return chosen.length === 1 ? sole.of(chosen[0] as string) : chosen.slice();
}
