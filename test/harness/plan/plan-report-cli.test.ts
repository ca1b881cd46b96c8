// `mailflow plan --report FILE` as a user runs it: the page is written whole, the same bytes each time, and a path
// that cannot be written is exit 2 before any plan runs, leaving nothing behind.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mailflow } from '../../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mailflow-plan-report-cli-'));

describe('mailflow plan --report', () => {
  it('writes a self-contained page with each plan, the same bytes for the same plans', () => {
    const first = mailflow('plan', 'scenarios/plans/big-bang.yaml', '--no-progress', '--json', '--report', join(dir, 'a.html'));
    const second = mailflow('plan', 'scenarios/plans/big-bang.yaml', '--no-progress', '--report', join(dir, 'b.html'));
    expect([first.status, second.status]).toEqual([0, 0]);
    const json = JSON.parse(first.stdout);
    const page = readFileSync(join(dir, 'a.html'), 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain('<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;');
    expect(page).toContain(`data-plan="big-bang"`);
    expect(page).toContain(`data-grade="${json.grade}"`);
    expect(page.match(/<g class="batch" data-batch="/g)?.length).toBe(json.batches);
    expect(readFileSync(join(dir, 'b.html'), 'utf8')).toBe(page);
  });

  it('exits 2 before running when the report cannot be written, leaving nothing behind', () => {
    const missing = mailflow('plan', 'scenarios/plans/big-bang.yaml', '--no-progress', '--report', join(dir, 'no-such-dir', 'r.html'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no-such-dir.*cannot write the report/);
    expect(missing.stdout).toBe('');
    const onDir = mailflow('plan', 'scenarios/plans/big-bang.yaml', '--no-progress', '--report', dir);
    expect(onDir.status).toBe(2);
    expect(onDir.stderr).toMatch(/cannot write the report: .*is a directory/);
    expect(onDir.stdout).toBe('');
    expect(readdirSync(dir).filter((f) => !['a.html', 'b.html'].includes(f))).toEqual([]);
  });
});
