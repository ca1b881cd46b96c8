// Outputs go to a temporary file beside the target and are renamed into place: two writers of one target (two CI
// jobs in one workspace, each with process id 1 in its container) never share a temporary file, and a report written
// at the end leaves nothing behind while the run is still going (a killed run).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicLineWriter, commitAll, writeFileAtomic } from '../../../harness/run/atomic-write.js';
import { InputError } from '../../../harness/scenario/input-error.js';

describe('atomic writes', () => {
  it('give each writer of one target its own temporary file, created only when it first writes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailflow-atomic-'));
    const target = join(dir, 'report.xml');
    const first = new AtomicLineWriter(target);
    const second = new AtomicLineWriter(target);
    first.line('first');
    second.line('second');
    expect(readdirSync(dir)).toEqual([]); // nothing on disk until a flush or commit
    first.commit();
    expect(readFileSync(target, 'utf8')).toBe('first\n');
    second.commit();
    expect(readFileSync(target, 'utf8')).toBe('second\n');
    expect(readdirSync(dir)).toEqual(['report.xml']);
  });

  it('leaves no temporary file when discarded, written or not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailflow-atomic-'));
    const unwritten = new AtomicLineWriter(join(dir, 'a.html'));
    unwritten.discard();
    const written = new AtomicLineWriter(join(dir, 'b.jsonl'));
    written.line('x'.repeat(2 << 20)); // over the flush threshold: the temporary file exists now
    expect(readdirSync(dir)).toHaveLength(1);
    written.discard();
    writeFileAtomic(join(dir, 'c.txt'), 'c');
    expect(readdirSync(dir)).toEqual(['c.txt']);
  });

  it('commit outputs that go together all or none: one that cannot be written leaves the others unwritten', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailflow-atomic-'));
    mkdirSync(join(dir, 'gone'));
    const outputs = ([['a.jsonl', 'the trace'], ['gone/b.xml', 'the JUnit report'], ['c.html', 'the report']] as const).map(([name, what]) => {
      const writer = new AtomicLineWriter(join(dir, name), what);
      writer.line(name);
      return { writer, path: join(dir, name) };
    });
    rmSync(join(dir, 'gone'), { recursive: true });
    let error: unknown;
    try {
      commitAll(outputs);
    } catch (caught) {
      error = caught;
    }
    // Bad input naming the output (exit 2), not a crash; and a.jsonl, committed first, is not there either.
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/gone\/b\.xml: cannot write the JUnit report: ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
