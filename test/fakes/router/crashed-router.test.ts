// A router service that crashed holds nothing in flight: what its cycle had not finished is read again after a
// restart, or, with the item already deleted (the injected delete-before-create defect), lost. Before, a crashed
// service's claims kept the run "not at rest" and the loss showed only as liveness failing.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../harness/scenario/load-scenario.js';
import { runScenario } from '../../../harness/run/run-scenario.js';

describe('a crashed router', () => {
  it('leaves the message it was working on untracked, not in flight', () => {
    const outcome = runScenario(loadScenarioFile('test/fixtures/fuzz/crashed-router-holds-nothing.yaml'));
    const verdict = (name: string) => outcome.checks.find((c) => c.name === name)?.verdict;
    expect(verdict('no-untracked-mail')).toBe('fail');
    expect(verdict('liveness')).toBe('pass');
    expect(outcome.counts.pending).toBe(0);
  });
});
