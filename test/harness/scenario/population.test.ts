// A scenario's mailboxes, CRM users and queues are capped in all, and the cap is checked on the file's data before the
// schema expands a single `count` line: thirty lines of `count: 1000000` (2.5 KB) made `validate` run 5 minutes, reach
// 4.7 GB and die of V8's out-of-memory abort.
import { describe, expect, it } from 'vitest';
import { loadLesson } from '../../../harness/demo/lane-variants.js';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { InputError, formatProblem } from '../../../harness/scenario/input-error.js';
import { MAX_POPULATION, populationProblems } from '../../../harness/scenario/population.js';
import { scenarioSchema } from '../../../harness/scenario/schema.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../helpers/cli.js';

const OVER = 'over the 250,000 a scenario may have (scenarios/scale.yaml has 20,000): use smaller counts, or split the organisation into scenarios of its sites';

const text = (mailboxes: string, users: string) => `kind: scenario
name: many
seed: 1
start: 2026-01-05T08:00:00Z
horizon: 1h
exchange:
  acceptedDomains: [contoso.example]
  servers: [{ name: ex1 }]
  databases: [{ name: db1, server: ex1 }]
  mailboxes:
${mailboxes}
crm:
  users:
${users}
`;

/** The problems as the CLI prints them, and how long finding them took. */
function refused(yaml: string): { problems: string[]; ms: number } {
  const started = performance.now();
  try {
    parseScenarioText(yaml, 'many.yaml');
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { problems: error.problems.map(formatProblem), ms: performance.now() - started };
  }
  return { problems: [], ms: performance.now() - started };
}

describe('the population cap', () => {
  it('refuses thirty lines of count: 250000 at once, at the line that takes the total past the cap, with the total', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `    - { address: "u{n}-${i}@contoso.example", database: db1, count: 250000 }`).join('\n');
    const { problems, ms } = refused(text(lines, '    - { address: boss@contoso.example }'));
    expect(problems).toEqual([`many.yaml:12:66: exchange.mailboxes[1].count: the scenario's mailboxes, CRM users and queues come to 7,500,001 after \`count\`, ${OVER}`]);
    // Expanding 7.5 million entries takes minutes; refusing them, the time to read the YAML.
    expect(ms).toBeLessThan(5_000);
  });

  it('counts a count past the most one line may have at its word, so that the total is said', () => {
    const { problems } = refused(text('    - { address: "u{n}@contoso.example", database: db1, count: 1000000 }', '    - { address: boss@contoso.example }'));
    expect(problems).toEqual([`many.yaml:11:64: exchange.mailboxes[0].count: the scenario's mailboxes, CRM users and queues come to 1,000,001 after \`count\`, ${OVER}`]);
  });

  it('adds mailboxes, users and queues of every organisation, and says it at the line that goes over', () => {
    const data = (lastQueue: unknown) => ({
      exchange: { mailboxes: [{ address: 'u{n}@c.example', count: 100_000 }] },
      crm: [{ users: [{ count: 50_000 }] }, { users: [{ count: 50_000 }], queues: [{ count: 49_999 }, lastQueue] }],
    });
    // 100,000 + 50,000 + 50,000 + 49,999 + 1 is the cap itself: taken.
    expect(populationProblems(data({ address: 'q@c.example' }))).toEqual([]);
    expect(populationProblems(data({ address: 'q{n}@c.example', count: 2 }))).toEqual([
      { path: ['crm', 1, 'queues', 1, 'count'], message: `the scenario's mailboxes, CRM users and queues come to 250,001 after \`count\`, ${OVER}` },
    ]);
    // A line with no count is one entry, and is named itself when it is the one that goes over.
    const single = { exchange: { mailboxes: [{ count: MAX_POPULATION }, { address: 'x@c.example' }] }, crm: { users: [] } };
    expect(populationProblems(single).map((p) => p.path)).toEqual([['exchange', 'mailboxes', 1]]);
  });

  it('leaves a count that is no whole number to the schema, as one entry', () => {
    const data = { exchange: { mailboxes: [{ count: MAX_POPULATION }, { count: 'lots' }, { count: 1e300 }, { count: -5 }] } };
    expect(populationProblems(data).map((p) => p.message)).toEqual([expect.stringContaining('come to 250,003 after')]);
  });

  it('stops data given to the schema directly before it expands a list past the cap', () => {
    const data = {
      kind: 'scenario', name: 'direct', seed: 1, start: '2026-01-05T08:00:00Z', horizon: '1h',
      exchange: {
        acceptedDomains: ['contoso.example'], servers: [{ name: 'ex1' }], databases: [{ name: 'db1', server: 'ex1' }],
        mailboxes: [200_000, 200_000, 200_000].map((count, i) => ({ address: `u{n}-${i}@contoso.example`, database: 'db1', count })),
      },
    };
    const started = performance.now();
    const parsed = scenarioSchema.safeParse(data);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(parsed.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['exchange', 'mailboxes', 1, 'count'], `the entries of this list come to 600,000 after \`count\`, ${OVER}`],
    ]);
  });

  it('holds in each lane of a lesson, said at the lane\'s own line', async () => {
    const lesson = readFileSync(join(repoRoot, 'scenarios/lesson-1-forward-mailbox.yaml'), 'utf8');
    const sync = lesson.indexOf('        - { address: ines@contoso.example, database: db1 }', lesson.indexOf('demo:'));
    expect(sync).toBeGreaterThan(0);
    const big = `${lesson.slice(0, sync)}        - { address: "x{n}@contoso.example", database: db1, count: 250000 }\n${lesson.slice(sync)}`;
    const file = join(mkdtempSync(join(tmpdir(), 'mailflow-population-')), 'lesson.yaml');
    writeFileSync(file, big);
    const error = await loadLesson(file).then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      `demo.sss.exchange.mailboxes[2].count: the scenario's mailboxes, CRM users and queues come to 250,006 after \`count\`, ${OVER}`,
    ]);
  });
});
