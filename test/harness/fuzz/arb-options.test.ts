// arbScenario's options out of bounds are refused before anything is drawn, naming the option and its bounds (those
// of mailflow fuzz's flags): left to fast-check, maxMessages 0 drew scenarios without traffic, where every property
// passes proving nothing, -1 quietly dropped a message, and the rest failed inside fast-check naming no option.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arbScenario, type ArbScenarioOptions } from '../../../harness/fuzz/arb-scenario.js';
import { arbBursts, messagesOf } from '../../../harness/fuzz/arb-traffic.js';

/** Options as JavaScript callers (or a cast) may pass them. */
const loose = (options: Record<string, unknown>) => options as ArbScenarioOptions;

describe('arbScenario options', () => {
  it.each([
    [{ maxMessages: 0 }, /^arbScenario: maxMessages must be a whole number, at least 1 \(as mailflow fuzz --max-messages\), got 0$/],
    [{ maxMessages: -1 }, /maxMessages must be a whole number, at least 1 .*got -1$/],
    [{ maxMessages: 1.5 }, /maxMessages must be a whole number, at least 1 .*got 1\.5$/],
    [{ maxMessages: Number.NaN }, /maxMessages .*got NaN$/],
    [loose({ maxMessages: '5' }), /maxMessages .*got '5'$/],
    [{ maxFaults: -1 }, /^arbScenario: maxFaults must be a whole number, at least 0 \(as mailflow fuzz --max-faults\), got -1$/],
    [{ maxFaults: 0.5 }, /maxFaults .*got 0\.5$/],
    [{ paths: [] }, /^arbScenario: paths must list one or more of router, sss, cutover \(as mailflow fuzz --paths\), got \[\]$/],
    [loose({ paths: ['routr'] }), /paths must list one or more of router, sss, cutover .*got \["routr"\]$/],
    [loose({ paths: 'router' }), /paths must list .*got 'router'$/],
    [loose({ injectBug: 'nope' }), /^arbScenario: injectBug must be one of no-dedup, .*got 'nope'$/],
    [loose({ habits: 'yes' }), /^arbScenario: habits must be true or false, got 'yes'$/],
  ])('refuses %j, naming the option and its bounds', (options, message) => {
    expect(() => arbScenario(options)).toThrow(message);
  });

  it('takes the least bounds the CLI takes, and scenarios then have traffic', () => {
    for (const input of fc.sample(arbScenario({ maxMessages: 1, maxFaults: 0, paths: ['sss'] }), { seed: 1, numRuns: 30 })) {
      expect(input.traffic?.messages).toHaveLength(1);
    }
  });

  it('is checked by the parts an engineer uses alone, too', () => {
    expect(() => arbBursts(0)).toThrow(/^arbBursts: maxMessages must be a whole number, at least 1/);
    // -1 sliced the last message off without a word.
    expect(() => messagesOf([], ['a@contoso.example'], -1)).toThrow(/^messagesOf: maxMessages must be a whole number, at least 1 .*got -1$/);
  });
});
