// An input file is read whole only when it is a regular file within its kind's limit (read-input-file.ts); the CLI's
// refusals are in test/harness/cli/input-limits.test.ts.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputFile } from '../../../harness/scenario/read-input-file.js';

const MB = 1024 * 1024;
const fresh = () => mkdtempSync(join(tmpdir(), 'mailflow-inputs-'));

describe('reading an input file', () => {
  it('reads a regular file whole, through a symlink too, in more than one piece', () => {
    const dir = fresh();
    const bytes = randomBytes(2.5 * MB);
    writeFileSync(join(dir, 'f'), bytes);
    symlinkSync('f', join(dir, 'link'));
    expect(readInputFile(join(dir, 'link'), { bytes: 3 * MB, kind: 'a test file' }).equals(bytes)).toBe(true);
  });

  it('refuses one over the limit, and reads one at it', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'ten'), '0123456789');
    expect(readInputFile(join(dir, 'ten'), { bytes: 10, kind: 'a test file' }).toString()).toBe('0123456789');
    expect(() => readInputFile(join(dir, 'ten'), { bytes: 9, kind: 'a test file' })).toThrow('10 bytes, over the limit of 9 bytes for a test file');
  });
});
