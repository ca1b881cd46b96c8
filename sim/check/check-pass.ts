// A checker as one pass over the ledger: it sees each message once, in first-seen order, then says what it found.
// All checkers (and the counts) share one pass (all-checks.ts), so each message's life is read from the ledger's
// path log once per run rather than once per checker: at a million messages, that pass is a good part of a run.
import type { Ledger } from '../ledger/ledger.js';
import type { MessageLife } from '../ledger/records.js';
import type { CheckResult } from './check-result.js';

export interface LifeVisitor {
  /** `inFlightAt` is where the ledger says the message still is at the end, if anywhere. */
  visit(life: MessageLife, inFlightAt: string | undefined): void;
}

export interface CheckPass extends LifeVisitor {
  result(): CheckResult;
}

/** Shows every message to each visitor, one message at a time. */
export function visitLives(ledger: Ledger, visitors: readonly LifeVisitor[]): void {
  for (const life of ledger.messages()) {
    const inFlightAt = ledger.inFlightAt(life.messageId);
    for (const visitor of visitors) visitor.visit(life, inFlightAt);
  }
}

/** One checker's pass on its own (each checker's `checkX`, for tests and callers that want one check). */
export function runPass(ledger: Ledger, pass: CheckPass): CheckResult {
  visitLives(ledger, [pass]);
  return pass.result();
}
