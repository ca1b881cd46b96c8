// Reports and traces are written to a temporary file beside the target and renamed into place, so a failed or
// interrupted run never leaves a half-written file under the requested name.
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

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

/** A line-by-line writer for large outputs (traces): buffered, then committed with a rename or discarded. */
export class AtomicLineWriter {
  private readonly temporary: string;
  /** Opened at the first write: a report or JUnit file, written at the end, leaves nothing behind a killed run. */
  private fd: number | null = null;
  private pending: string[] = [];
  private pendingChars = 0;
  private closed = false;

  constructor(private readonly target: string) {
    this.temporary = temporaryPathFor(target);
  }

  line(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length + 1;
    if (this.pendingChars >= 1 << 20) this.flush();
  }

  commit(): void {
    try {
      this.flush();
      this.close();
      renameSync(this.temporary, this.target);
    } catch (error) {
      this.discard();
      throw error;
    }
  }

  /** Never throws: it runs on the way out of another error. */
  discard(): void {
    const opened = this.fd !== null;
    try {
      this.close();
      if (opened) rmSync(this.temporary, { force: true });
    } catch {
      // Nothing more to do: the target itself was never touched.
    }
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.fd !== null) closeSync(this.fd);
  }

  private flush(): void {
    if (this.closed) throw new Error(`${this.target}: written after it was committed or discarded`);
    this.fd ??= openSync(this.temporary, 'wx');
    if (this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join('\n') + '\n');
    this.pending = [];
    this.pendingChars = 0;
  }
}

/** Writes a whole file under a temporary name, then renames it into place. */
export function writeFileAtomic(target: string, content: string): void {
  const temporary = temporaryPathFor(target);
  const fd = openSync(temporary, 'wx');
  try {
    writeSync(fd, content);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, target);
}
