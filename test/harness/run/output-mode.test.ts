// An output renamed over an existing file used to take the umask's default (0644): a user's 0600 report became
// readable by everyone at the next run. It keeps the replaced file's permissions now; a new file gets the default, as
// a shell's `>` gives it; and the temporary file is never wider than where it ends.
import { chmodSync, mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicLineWriter, writeFileAtomic } from '../../../harness/run/atomic-write.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'mailflow-mode-'));
const modeOf = (path: string) => statSync(path).mode & 0o777;
/** What a new file gets here: the test cannot assume the machine's umask. */
const DEFAULT_MODE = 0o666 & ~process.umask();

/** Writes past the flush threshold, so the temporary file is on disk, and gives its mode, then commits. */
function temporaryModeWriting(target: string): number {
  const writer = new AtomicLineWriter(target);
  writer.line('x'.repeat(2 << 20));
  const dir = join(target, '..');
  const [temporary] = readdirSync(dir).filter((name) => name.endsWith('.tmp'));
  const mode = modeOf(join(dir, temporary ?? 'missing'));
  writer.commit();
  return mode;
}

describe('the mode of an output', () => {
  it('is the replaced file\'s, written through the temporary file created private', () => {
    const target = join(fresh(), 'report.html');
    writeFileSync(target, 'old');
    chmodSync(target, 0o640);
    expect(temporaryModeWriting(target)).toBe(0o600);
    expect(modeOf(target)).toBe(0o640);
  });

  it('is a narrower one kept too, and the file a symlink points to keeps its own', () => {
    const dir = fresh();
    const real = join(dir, 'notes.txt');
    writeFileSync(real, 'old');
    chmodSync(real, 0o600);
    symlinkSync('notes.txt', join(dir, 'link.txt'));
    writeFileAtomic(join(dir, 'link.txt'), 'new');
    expect(modeOf(real)).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['link.txt', 'notes.txt']);
  });

  it('is a wider one kept as it is, not narrowed by the umask', () => {
    const target = join(fresh(), 'shared.xml');
    writeFileSync(target, 'old');
    chmodSync(target, 0o666);
    writeFileAtomic(target, 'new');
    expect(modeOf(target)).toBe(0o666);
  });

  it('is the umask\'s default for a new file, the temporary file\'s from the start', () => {
    const target = join(fresh(), 'new.jsonl');
    expect(temporaryModeWriting(target)).toBe(DEFAULT_MODE);
    expect(modeOf(target)).toBe(DEFAULT_MODE);
  });
});
