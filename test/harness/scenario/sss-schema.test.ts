// A cutover's `order` and the older `queuesFirst` (S14): either says the order, both together must agree, and a file
// where they disagree is refused at the line of `order`, with both named.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../harness/scenario/input-error.js';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { crmScenarioText } from '../../helpers/crm-scenario.js';

const USERS = '[{ address: paul@contoso.example, incoming: email-router }]';

function scenarioText(cutover: string): string {
  return crmScenarioText({ users: USERS, sss: `\n  profiles: [{ name: exchange, server: ex1 }]\n  cutover:\n    at: 1h\n${cutover}` });
}

const orderOf = (cutover: string) => parseScenarioText(scenarioText(cutover), 'cutover.yaml').sss?.cutover?.order;

describe('a cutover\'s order', () => {
  it('is queues-first unless told; queuesFirst: false is as-listed, as it was', () => {
    expect(orderOf('')).toBe('queues-first');
    expect(orderOf('    queuesFirst: true\n')).toBe('queues-first');
    expect(orderOf('    queuesFirst: false\n')).toBe('as-listed');
    expect(orderOf('    order: unread-first\n')).toBe('unread-first');
  });

  it('takes queuesFirst beside order when the two agree', () => {
    expect(orderOf('    order: unread-first\n    queuesFirst: true\n')).toBe('unread-first');
    expect(orderOf('    order: as-listed\n    queuesFirst: false\n')).toBe('as-listed');
  });

  it('refuses them when they disagree, at order\'s file, line, column and field path', () => {
    const refused = (cutover: string) => {
      const text = scenarioText(cutover);
      try {
        parseScenarioText(text, 'cutover.yaml');
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        const lines = text.split('\n');
        const orderLine = lines.findIndex((l) => l.trimStart().startsWith('order:')) + 1;
        return { problems: error.problems, orderLine, orderColumn: (lines[orderLine - 1]?.indexOf('order:') ?? 0) + 1 };
      }
      throw new Error('accepted');
    };
    const unread = refused('    order: unread-first\n    queuesFirst: false\n');
    expect(unread.problems).toEqual([{
      file: 'cutover.yaml', line: unread.orderLine, column: expect.any(Number), path: 'sss.cutover.order',
      message: '`order: unread-first` puts the queues and forward mailboxes first (S14), and `queuesFirst: false` does not: keep `order` alone (`queuesFirst` is the older way to write it; `false` is `order: as-listed`)',
    }]);
    expect(unread.problems[0]?.column).toBeGreaterThanOrEqual(unread.orderColumn);
    const listed = refused('    queuesFirst: true\n    order: as-listed\n');
    expect(listed.problems.map((p) => [p.line, p.path, p.message])).toEqual([[
      listed.orderLine, 'sss.cutover.order',
      '`order: as-listed` takes the records in scenario order, and `queuesFirst: true` puts the queues first: keep `order` alone (`queuesFirst` is the older way to write it)',
    ]]);
    expect(refused('    order: queues-first\n    queuesFirst: false\n').problems.map((p) => p.path)).toEqual(['sss.cutover.order']);
  });
});
