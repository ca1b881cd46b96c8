// docs/scenario-language.md lists every untracked reason a scenario may declare, with its meaning as the code has it:
// a reason added to sim/ledger/untracked-reasons.ts and not to the page fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UNTRACKED_REASONS } from '../../sim/ledger/untracked-reasons.js';

describe('untracked reasons in docs/scenario-language.md', () => {
  it('has a row per reason, with the meaning the code gives', () => {
    const page = readFileSync('docs/scenario-language.md', 'utf8');
    for (const [reason, meaning] of Object.entries(UNTRACKED_REASONS)) expect(page).toContain(`| \`${reason}\` | ${meaning} |`);
  });
});
