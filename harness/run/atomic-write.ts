// Reports, traces and JUnit files are written to a temporary file beside the target and renamed into place, so a
// failed or interrupted run never leaves a half-written file under the requested name. Every byte is written before
// the rename: on a nearly full disk a write puts down only part of what it was given, and says nothing. A target that
// is not a regular file (/dev/null, a FIFO, /dev/stdout) is written in place instead (output-target.ts). Any failure
// to write is bad input naming the output (exit 2), with the temporary file removed. A file replaced keeps its
// permissions (replaced-mode.ts).
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../scenario/input-error.js';
import { outputError } from './output-error.js';
import { outputTarget } from './output-target.js';
import { replacedMode, temporaryMode } from './replaced-mode.js';

/**
 * Beside the target, named by a random part, and created exclusively: two jobs writing one target
 * (CI containers sharing a workspace, where every process id is 1) each get a file of their own; the last rename wins
 * whole. (The harness may draw real randomness; the models may not.)
 */
function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
}

/** What the temporary name adds to the target's (`.` + `.` + 8 hex digits + `.tmp`): output-path.ts checks it fits. */
export const TEMPORARY_NAME_EXTRA_BYTES = 14;

/** writeSync may write less than it was given (a nearly full disk): the rest goes in further writes, or one fails. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length;) {
    const written = writeSync(fd, bytes, at, bytes.length - at);
    if (written === 0) throw new Error(`${bytes.length - at} bytes could not be written (no space left?)`);
    at += written;
  }
}

/**
 * One output on its way to the target: opened at the first write (a report or JUnit file, written at the end, leaves
 * nothing behind a killed run), closed, then renamed into place. `what` names it in errors: `the trace`.
 */
class OutputFile {
  private readonly target: string;
  /** null: the target is written in place. */
  private readonly temporary: string | null;
  /** This process's own descriptor the target names (/dev/stdout), written through and left open. */
  private readonly borrowed: number | null;
  private fd: number | null = null;
  private state: 'writing' | 'closed' | 'done' = 'writing';

  constructor(private readonly path: string, private readonly what: string) {
    try {
      const target = outputTarget(path);
      this.target = target.path;
      this.temporary = target.inPlace ? null : temporaryPathFor(target.path);
      this.borrowed = target.descriptor;
      // In place there is no temporary to leave behind, so it is opened now: a FIFO with no reader waits here, before
      // the run and before `mailflow run` listens for Ctrl-C, which then ends the wait (a blocked open hears no listener).
      if (target.inPlace) this.open();
    } catch (error) {
      throw outputError(path, what, error);
    }
  }

  write(text: string): void {
    this.expect('writing');
    this.failing(() => writeAll(this.open(), text));
  }

  /** Everything written and the file closed, not yet under the target's name: a full disk fails here at the latest. */
  close(): void {
    this.expect('writing');
    this.failing(() => {
      const fd = this.open();
      // Read now, just before the rename: the file replaced is the one there at the end of the run.
      const mode = this.temporary === null ? null : replacedMode(this.target);
      if (mode !== null) fchmodSync(fd, mode);
      this.release(fd);
    });
    this.fd = null;
    this.state = 'closed';
  }

  /** Renames the closed file into place (one written in place is there already). */
  publish(): void {
    this.expect('closed');
    const temporary = this.temporary;
    if (temporary !== null) this.failing(() => renameSync(temporary, this.target));
    this.state = 'done';
  }

  /** Never throws: it runs on the way out of another error. */
  discard(): void {
    if (this.state === 'done') return;
    this.state = 'done';
    try {
      if (this.fd !== null) this.release(this.fd);
    } catch {
      // Closing failed too: the file is removed below all the same.
    }
    this.fd = null;
    try {
      if (this.temporary !== null) rmSync(this.temporary, { force: true });
    } catch {
      // Nothing more to do: the target itself was never touched.
    }
  }

  private open(): number {
    // In place, appended, never truncated: /proc/PID/fd/N may name another process's file, open for appending.
    this.fd ??= this.temporary !== null ? openSync(this.temporary, 'wx', temporaryMode(replacedMode(this.target))) : this.borrowed ?? openSync(this.target, 'a');
    return this.fd;
  }

  private release(fd: number): void {
    if (fd !== this.borrowed) closeSync(fd);
  }

  private expect(state: OutputFile['state']): void {
    if (this.state !== state) throw new Error(`${this.path}: written after it was committed or discarded`);
  }

  private failing(step: () => void): void {
    try {
      step();
    } catch (error) {
      this.discard();
      throw outputError(this.path, this.what, error);
    }
  }
}

/** A line-by-line writer for large outputs (traces): buffered, then committed with a rename or discarded. */
export class AtomicLineWriter {
  private readonly file: OutputFile;
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(path: string, what = 'the output') {
    this.file = new OutputFile(path, what);
  }

  line(text: string): void {
    this.write(text);
    this.write('\n');
  }

  /** Text as it is, with no newline added. */
  write(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= 1 << 20) this.flush();
  }

  /**
   * Writes what is left and closes the file, leaving the rename to `publish`: outputs that go together are all
   * finished before any is published (commitAll), so a full disk leaves none of them rather than some.
   */
  finish(): void {
    this.flush();
    this.file.close();
  }

  publish(): void {
    this.file.publish();
  }

  commit(): void {
    this.finish();
    this.publish();
  }

  /** Never throws: it runs on the way out of another error. */
  discard(): void {
    this.file.discard();
  }

  private flush(): void {
    // Joined, not written a line at a time: a trace is millions of lines.
    this.file.write(this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
  }
}

/**
 * Commits outputs that go together (a run's trace, JUnit file and report; a router's three files): all are written
 * and closed before any is renamed into place, so a full disk leaves none of them. Should a rename fail after others
 * (it does not on a sound file system: each is beside its target), the error says which are in place.
 */
export function commitAll(outputs: ReadonlyArray<{ readonly writer: AtomicLineWriter; readonly path: string }>): void {
  try {
    for (const { writer } of outputs) writer.finish();
  } catch (error) {
    for (const { writer } of outputs) writer.discard();
    throw error;
  }
  const published: string[] = [];
  for (const [i, { writer, path }] of outputs.entries()) {
    try {
      writer.publish();
      published.push(path);
    } catch (error) {
      for (const rest of outputs.slice(i + 1)) rest.writer.discard();
      if (published.length === 0 || !(error instanceof InputError)) throw error;
      const which = ` (already written: ${published.join(', ')}; not written: ${outputs.slice(i).map((o) => o.path).join(', ')})`;
      throw new InputError(error.problems.map((p) => ({ ...p, message: p.message + which })));
    }
  }
}

/** Writes a whole file under a temporary name, then renames it into place; `what` names it in errors. */
export function writeFileAtomic(target: string, content: string, what = 'the file'): void {
  const file = new OutputFile(target, what);
  file.write(content);
  file.close();
  file.publish();
}
