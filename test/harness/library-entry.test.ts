// The library entry as an engineer's suite imports it: by package name, compiled (npm test builds first), with the
// documented exports usable together: load or generate a scenario, run it, judge it, use the matchers.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRequire } from 'node:module';

type Library = typeof import('../../harness/index.js');
type Matchers = typeof import('../../harness/testing/vitest-matchers.js');

const library = (await import('mailflow-sim' as string)) as Library;
const { mailflowMatchers } = (await import('mailflow-sim/vitest' as string)) as Matchers;
expect.extend(mailflowMatchers);

describe("import from 'mailflow-sim'", () => {
  it('loads and runs a shipped scenario, and the matchers judge the outcome', () => {
    const outcome = library.runScenario(library.loadScenarioFile('scenarios/baseline-sss.yaml'));
    expect(outcome.verdict).toBe('pass');
    expect(outcome).toHaveNoLostMail();
    expect(library.CHECK_NAMES).toContain('no-lost-mail');
  });

  it('finds the shipped scenarios by name (shippedScenario) and lets them be resolved as mailflow-sim/scenarios/*', () => {
    const path = library.shippedScenario('baseline-sss');
    expect(library.runScenario(library.loadScenarioFile(path)).verdict).toBe('pass');
    // The package's exports allowed ./package.json alone among its files: a resolver refused this.
    expect(createRequire(import.meta.url).resolve('mailflow-sim/scenarios/baseline-sss.yaml')).toBe(path);
  });

  it('generates scenarios with arbScenario that parse, print as YAML and run', () => {
    const [input] = fc.sample(library.arbScenario({ paths: ['router'], maxMessages: 3 }), { seed: 5, numRuns: 1 });
    if (input === undefined) throw new Error('no sample');
    const scenario = library.parseScenarioText(String(input), 'sample.yaml');
    expect(scenario.router).toBeDefined();
    expect(library.judgeCase(input).failed).toBe(false);
  });

  it('reports bad input as InputError with the field path', () => {
    let error: unknown;
    try {
      library.parseScenarioText('kind: scenario\nname: Bad Name\n', 'bad.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(library.InputError);
    expect(String((error as Error).message)).toMatch(/bad\.yaml:2:\d+: name: lower-case letters/);
  });
});
