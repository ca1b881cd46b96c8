// zod's wording said as a scenario author needs it (the scenario-author review: "Too small: expected number to be
// >0", "Invalid input: expected number, received string", and all 37 verbs quoted for one misspelt verb).
import { describe, expect, it } from 'vitest';
import { inputProblems } from '../../helpers/input-problems.js';

const toy = (extra: string, toyFields = '') => `kind: scenario
name: ok
seed: 1
start: 2026-01-05T08:00:00Z
horizon: 1h
toy: {${toyFields}}
${extra}`;

describe('schema problems in plain words', () => {
  it('gives the value and the bound of a number out of range, and the expected type of a wrong one', () => {
    expect(inputProblems(toy('', ' batchSize: 0 '))).toEqual(['toy.batchSize: expected more than 0, got 0']);
    expect(inputProblems(toy('', ' messages: "20/h" '))).toEqual(["toy.messages: expected a number, got '20/h'"]);
    expect(inputProblems(toy('faults: { at: 1m }'))).toEqual(['faults: expected a list, got {"at":"1m"}']);
  });

  it('shows .inf and .nan as YAML writes them, not as the null JSON makes of them', () => {
    expect(inputProblems(toy('', ' batchSize: .inf '))).toEqual(['toy.batchSize: expected a number, got .inf']);
    expect(inputProblems(toy('', ' batchSize: -.inf '))).toEqual(['toy.batchSize: expected a number, got -.inf']);
    expect(inputProblems(toy('', ' batchSize: .nan '))).toEqual(['toy.batchSize: expected a number, got .nan']);
  });

  it('says one problem for a number past the safe integers: the field\'s own bound, not zod\'s beside it', () => {
    expect(inputProblems(toy('').replace('seed: 1', 'seed: 1e300'))).toEqual(['seed: expected at most 4294967295, got 1e+300']);
    // With no bound of its own, the safe-integer bound is the one said.
    expect(inputProblems(toy('', ' messages: 1e300 '))).toEqual(['toy.messages: expected at most 9007199254740991, got 1e+300']);
  });

  it('names the nearest choice for a misspelt one, lists a few choices, and does not quote thirty', () => {
    expect(inputProblems(toy('faults: [{ at: 1m, verb: crsh, target: mailbox }]'))).toEqual(["faults[0].verb: 'crsh' is not a choice here (did you mean 'crash'?)"]);
    expect(inputProblems(toy('faults: [{ at: 1m, verb: explode, target: mailbox }]'))[0])
      .toMatch(/^faults\[0\]\.verb: 'explode' is not one of the \d+ choices \(docs\/scenario-reference\.md lists them\)$/);
    expect(inputProblems(toy('expect: { checks: { liveness: ok } }'))).toEqual(["expect.checks.liveness: 'ok' is not one of pass, fail, unknown"]);
  });

  it('names the choices an unknown word is near in meaning or shares a word with, among many (the architecture review: `stop`)', () => {
    const verb = (word: string) => inputProblems(toy(`faults: [{ at: 1m, verb: ${word}, target: mailbox }]`))[0];
    // Other tools' word for an outage first, then the verbs that hold the word.
    expect(verb('stop')).toMatch(/^faults\[0\]\.verb: 'stop' is not one of the \d+ choices \(did you mean 'down' or 'stopInbound'\? docs\/scenario-reference\.md lists them\)$/);
    expect(verb('start')).toMatch(/\(did you mean 'up' or 'startInbound'\? /);
    expect(verb('reboot')).toMatch(/\(did you mean 'restart'\? /);
    expect(verb('enable')).toMatch(/\(did you mean 'otherOrgTestAndEnable' or 'testAndEnable'\? /);
    expect(verb('restoring')).toMatch(/\(did you mean 'restore' or 'restoreState'\? /);
    // At most three, in the order the choices are listed.
    expect(verb('fail')).toMatch(/\(did you mean 'failover', 'failActivityCreation' or 'clearActivityCreationFailure'\? /);
  });

  it('names the choice a word is part of among a few listed choices too (the trainer review: `incoming: forward`)', () => {
    expect(inputProblems(toy('crm: { users: [{ address: alice@contoso.example, incoming: forward }] }')))
      .toEqual(["crm.users[0].incoming: 'forward' is not one of none, outlook, forward-mailbox, email-router (did you mean 'forward-mailbox'?)"]);
  });
});
