// A recipient one slip away from a mailbox of the organisation (`pual@` for `paul@`) bounces: valid, since a
// scenario may want a bounce, but said as a warning at its line by validate and run, which go on (the trainer
// review: the only sign was one message fewer tracked).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { scenarioWarnings } from '../../../harness/scenario/scenario-warnings.js';
import { mailflow } from '../../helpers/cli.js';
import { crmScenarioText } from '../../helpers/crm-scenario.js';

const INTERNAL = readFileSync('scenarios/internal-mail.yaml', 'utf8');
const TYPO = INTERNAL.replace('to: [paul@contoso.example], subject: "Fabrikam renewal notes"', 'to: [pual@contoso.example], subject: "Fabrikam renewal notes"');

describe('scenario warnings', () => {
  it('name a recipient one slip from a mailbox, with the one meant; a far one (a bounce on purpose) and outside ones are not', () => {
    expect(TYPO).not.toBe(INTERNAL);
    expect(scenarioWarnings(parseScenarioText(TYPO, 'typo.yaml'))).toEqual([{
      path: ['traffic', 'messages', 1, 'to', 0],
      message: "'pual@contoso.example' is no mailbox of the organisation: Exchange refuses it (550 5.1.1) and the message bounces (did you mean 'paul@contoso.example'?)",
    }]);
    const elsewhere = TYPO.replace('pual@contoso.example', 'nobody-here@contoso.example');
    expect(scenarioWarnings(parseScenarioText(elsewhere, 'far.yaml'))).toEqual([]);
    expect(scenarioWarnings(parseScenarioText(INTERNAL, 'internal-mail.yaml'))).toEqual([]);
  });

  it('are said by validate and run at file, line and column, and stop neither', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mailflow-warn-')), 'typo.yaml');
    writeFileSync(file, TYPO);
    const line = TYPO.split('\n').findIndex((l) => l.includes('pual@')) + 1;
    const said = new RegExp(`^${file.replace(/[.]/g, '\\.')}:${line}:\\d+: warning: traffic\\.messages\\[1\\]\\.to\\[0\\]: 'pual@contoso\\.example' is no mailbox of the organisation: .* \\(did you mean 'paul@contoso\\.example'\\?\\)$`, 'm');
    const validate = mailflow('validate', file);
    expect(validate.status).toBe(0);
    expect(validate.stderr).toMatch(said);
    const run = mailflow('run', file, '--json');
    expect(run.stderr).toMatch(said);
    expect(JSON.parse(run.stdout).counts.bounced).toBe(1);
  });

  it('name a server-side sync with no mailbox to read (users default to Outlook access), and no sync with one', () => {
    // The helper's queue has no incoming access; only the user's access changes.
    const text = (incoming: string) => crmScenarioText({
      users: `[{ address: anna@contoso.example, filter: all${incoming} }]`,
      sss: '{ profiles: [{ name: exchange, server: ex1 }], enabled: all }',
      faults: '[{ at: 0s, verb: switchToServerSideSync, target: crm }]',
    });
    expect(scenarioWarnings(parseScenarioText(text(''), 'outlook.yaml'))).toEqual([{
      path: ['sss'],
      message: 'server-side sync has no mailbox to read: no CRM user or queue has Email Router or Forward Mailbox access (`incoming: email-router` or `forward-mailbox`, or `outgoing: email-router`; users default to `outlook`), and there is no router\'s forward mailbox or sss.mailboxes entry, so it enables and tracks nothing',
    }]);
    expect(scenarioWarnings(parseScenarioText(text(', incoming: email-router'), 'sync.yaml'))).toEqual([]);
  });
});
