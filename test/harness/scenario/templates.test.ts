// `count` entries: one scenario line for many mailboxes, users or queues; problems found in an expanded entry point
// at the line it came from.
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { inputProblems } from '../../helpers/input-problems.js';

const text = (mailboxes: string, users: string) => `kind: scenario
name: many
seed: 1
start: 2026-01-05T08:00:00Z
horizon: 1h
exchange:
  acceptedDomains: [contoso.example]
  servers: [{ name: ex1 }]
  databases: [{ name: db1, server: ex1 }, { name: db2, server: ex1 }, { name: db3, server: ex1 }]
  mailboxes:
    - { address: boss@contoso.example, database: db1 }
${mailboxes}
crm:
  users:
    - { address: boss@contoso.example }
${users}
  settings: { tokenUserDigits: 5 }
`;

describe('count entries', () => {
  it('expand {n} into count mailboxes and users, databases dealt out round-robin', () => {
    const scenario = parseScenarioText(text(
      '    - { address: "u{n}@contoso.example", database: [db1, db2, db3], count: 1000 }',
      '    - { address: "u{n}@contoso.example", filter: all, count: 1000 }',
    ), 'many.yaml');
    const mailboxes = scenario.exchange?.mailboxes ?? [];
    expect(mailboxes).toHaveLength(1001);
    expect(mailboxes.slice(1, 5).map((m) => [m.address, m.database])).toEqual([
      ['u1@contoso.example', 'db1'], ['u2@contoso.example', 'db2'], ['u3@contoso.example', 'db3'], ['u4@contoso.example', 'db1'],
    ]);
    expect(scenario.crm && 'users' in scenario.crm ? scenario.crm.users.at(-1) : undefined).toMatchObject({ address: 'u1000@contoso.example', filter: 'all' });
  });

  it('refuse a count without {n}, and a list of databases without count', () => {
    expect(inputProblems(text('    - { address: same@contoso.example, database: db1, count: 3 }\n    - { address: x@contoso.example, database: [db1, db2] }', ''))).toEqual([
      // In the file's order: the list's key comes before its entries.
      'exchange.mailboxes: a list of databases goes with count (x@contoso.example)',
      'exchange.mailboxes[1].address: with count, the address needs {n} (each of the 3 gets its own)',
    ]);
  });

  it('point a problem in an entry after a count entry at its own line, and refuse {n} without count', () => {
    const problems = inputProblems(text('    - { address: "u{n}@contoso.example", database: db1, count: 100 }\n    - { address: late@contoso.example, database: nodb }', ''));
    expect(problems).toEqual(["exchange.mailboxes[2].database: no database named 'nodb'"]);
    expect(inputProblems(text('    - { address: "u{n}@contoso.example", database: db1 }', ''))).toEqual(['exchange.mailboxes[1].address: {n} goes with count']);
  });

  it('point a problem in an expanded entry at the line it came from', () => {
    const problems = inputProblems(text('    - { address: "u{n}@contoso.example", database: db1, count: 5 }', '    - { address: "v{n}@contoso.example", count: 2 }'));
    expect(problems[0]).toMatch(/^crm\.users\[1\]\.address: /);
    expect(problems[0]).toContain('v1@contoso.example');
  });

  it('say a problem the entries of one line share once, with how many and the first few (the architecture review: 50 lines alike)', () => {
    const problems = inputProblems(text('    - { address: "u{n}@contoso.example", database: db1, count: 5 }', '    - { address: "u{n}@contoso.example", count: 12 }'));
    expect(problems).toEqual([
      "crm.users[1].address: 7 of the 12 entries this line stands for: 'u6@contoso.example' has no Exchange mailbox to process (also u7@contoso.example, u8@contoso.example, u9@contoso.example and 3 more)",
    ]);
    // Two alike are said once too; different problems of one line stay apart.
    expect(inputProblems(text('    - { address: "u{n}@contoso.example", database: db1, count: 5 }', '    - { address: "u{n}@contoso.example", count: 7 }'))).toEqual([
      "crm.users[1].address: 2 of the 7 entries this line stands for: 'u6@contoso.example' has no Exchange mailbox to process (also u7@contoso.example)",
    ]);
  });
});
