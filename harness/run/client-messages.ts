// `mailflow serve --expect-messages N`: how many different messages the engineer's clients mean to deliver. A
// message a client gave up on before DATA (the server down, a 4xx at RCPT and no retry) leaves no trace in the
// model: there is no message and no Message-ID to record. Only the count the engineer declares can show it lost;
// every message that reached DATA is in the ledger, and one the fake Exchange accepted counts: a resend of one with
// a Message-ID once, one without a Message-ID at each arrival (to CRM too it is a new message each time).
import type { ExpectationResult } from '../../sim/check/verdict.js';
import type { RunOutcome } from './run-scenario.js';

/** The expectation's name in summaries, --json and JUnit. */
export const CLIENT_MESSAGES = 'serve.clientMessagesAccepted';

/** The outcome with `expected` client messages required: accepted ones among `clientKeys` (messages first seen at a listener). */
export function expectClientMessages(outcome: RunOutcome, clientKeys: ReadonlySet<string>, expected: number): RunOutcome {
  let accepted = 0;
  for (const key of clientKeys) if (outcome.ledger.get(key)?.firstAcceptedAtMs != null) accepted++;
  const met = accepted >= expected;
  const expectation: ExpectationResult = {
    name: CLIENT_MESSAGES, expected: `>= ${expected}`, actual: accepted, verdict: met ? 'pass' : 'fail',
    ...(met ? {} : { note: `${expected - accepted} of your clients' messages never accepted: a client that gave up before DATA leaves no other trace` }),
  };
  return { ...outcome, expectations: [...outcome.expectations, expectation], verdict: met ? outcome.verdict : 'fail' };
}
