// `mailflow plan --progress` names each run when the command makes several (a sweep's seeds, --what-if's variants):
// before, a fresh 0-100 % bar started for each with nothing to tell them apart.
import { describe, expect, it } from 'vitest';
import { mailflowWithEnv } from '../../helpers/cli.js';

const NOW = { MAILFLOW_PROGRESS_DELAY_MS: '0' };

describe('mailflow plan --progress', () => {
  it('labels a sweep\'s runs by seed and a what-if run by its lever; one run has no label, one plan with its variants its name', () => {
    const swept = mailflowWithEnv(NOW, 'plan', 'scenarios/plans/big-bang.yaml', '--sweep', '2', '--what-if', '--progress', '--json');
    expect(swept.status).toBe(0);
    const lines = swept.stderr.split('\n').filter((l) => l !== '');
    expect(lines.filter((l) => l.startsWith('seed 1 of 2: running ')).length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.startsWith('seed 2 of 2: checking ')).length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.startsWith('seed 2 of 2, what if Process Email From a week earlier: running ')).length).toBeGreaterThan(0);
    expect(lines.every((l) => /^seed [12] of 2(, what if [^:]+)?: (running|draining|checking) \[/.test(l))).toBe(true);
    JSON.parse(swept.stdout);

    const single = mailflowWithEnv(NOW, 'plan', 'scenarios/plans/big-bang.yaml', '--progress', '--json');
    expect(single.stderr.split('\n').filter((l) => l !== '').every((l) => /^(running|draining|checking) \[/.test(l))).toBe(true);
    // One plan with --what-if: its own run is named as its variants are, not left blank before them.
    const whatIf = mailflowWithEnv(NOW, 'plan', 'scenarios/plans/big-bang.yaml', '--what-if', '--progress', '--json');
    const whatIfLines = whatIf.stderr.split('\n').filter((l) => l !== '');
    expect(whatIfLines.filter((l) => l.startsWith('big-bang: running ')).length).toBeGreaterThan(0);
    expect(whatIfLines.every((l) => /^big-bang(, what if [^:]+)?: (running|draining|checking) \[/.test(l))).toBe(true);
  }, 120_000);
});
