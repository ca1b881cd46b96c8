// `mailflow serve --expect-messages N`: how many different messages the engineer's clients mean to deliver. A
// message a client gave up on before DATA (the server down, a 4xx at RCPT and no retry) leaves no trace in the
// model: there is no message and no Message-ID to record. Only the count the engineer declares can show it lost;
// every message that reached DATA is in the ledger, and one the fake Exchange accepted counts: a resend of one with
// a Message-ID once, and a resend with a new Message-ID (or none) after a lost 250 once with the message it repeats
// (its resend chain, fakes/wire/resend-chains.ts): otherwise a resend could stand in for a message never delivered.
import type { ExpectationResult } from '../../sim/check/verdict.js';
import type { RunOutcome } from './run-scenario.js';

/** The expectation's name in summaries, --json and JUnit. */
export const CLIENT_MESSAGES = 'serve.clientMessagesAccepted';

/** The outcome with `expected` client messages required: accepted ones among `clientKeys` (messages first seen at a listener). */
export function expectClientMessages(outcome: RunOutcome, clientKeys: ReadonlySet<string>, expected: number): RunOutcome {
  const emails = new Set<string>();
  for (const key of clientKeys) {
    const life = outcome.ledger.get(key);
    if (life?.firstAcceptedAtMs != null) emails.add(life.resendOf ?? key);
  }
  const accepted = emails.size;
  const met = accepted >= expected;
  const expectation: ExpectationResult = {
    name: CLIENT_MESSAGES, expected: `>= ${expected}`, actual: accepted, verdict: met ? 'pass' : 'fail',
    ...(met ? {} : { note: `${expected - accepted} of your clients' messages never accepted: a client that gave up before DATA leaves no other trace` }),
  };
  return { ...outcome, expectations: [...outcome.expectations, expectation], verdict: met ? outcome.verdict : 'fail' };
}
