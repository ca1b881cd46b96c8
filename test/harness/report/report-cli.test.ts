// `mailflow run --report FILE` as a user runs it: the page is written whole, is the same bytes for the same run,
// and a path that cannot be written is exit 2 with a message naming it, leaving nothing behind.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mailflow } from '../../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mailflow-report-cli-'));

describe('mailflow run --report', () => {
  it('writes a self-contained page, the same bytes for the same scenario and seed', () => {
    const first = mailflow('run', 'scenarios/hello.yaml', '--report', join(dir, 'a.html'));
    const second = mailflow('run', 'scenarios/hello.yaml', '--report', join(dir, 'b.html'));
    expect([first.status, second.status]).toEqual([0, 0]);
    const page = readFileSync(join(dir, 'a.html'), 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/);
    // The policy that forbids every fetch (quotes escaped in the attribute, as every value is).
    expect(page).toContain('<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;');
    // Nothing is fetched at view time: no external script, stylesheet, image or font.
    expect(page).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(readFileSync(join(dir, 'b.html'), 'utf8')).toBe(page);
  });

  it('exits 2 before running when the report cannot be written, leaving nothing behind', () => {
    const missing = mailflow('run', 'scenarios/hello.yaml', '--report', join(dir, 'no-such-dir', 'r.html'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no-such-dir.*cannot write the report/);
    expect(missing.stdout).toBe('');
    const onDir = mailflow('run', 'scenarios/hello.yaml', '--report', dir);
    expect(onDir.status).toBe(2);
    expect(onDir.stderr).toMatch(/cannot write the report: .*is a directory/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
