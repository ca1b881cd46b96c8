// Reports and traces are written to a temporary file beside the target and renamed into place, so a failed or
// interrupted run never leaves a half-written file under the requested name.
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
}

/** A line-by-line writer for large outputs (traces): buffered, then committed with a rename or discarded. */
export class AtomicLineWriter {
  private readonly temporary: string;
  private readonly fd: number;
  private pending: string[] = [];
  private pendingChars = 0;
  private closed = false;

  constructor(private readonly target: string) {
    this.temporary = temporaryPathFor(target);
    this.fd = openSync(this.temporary, 'w');
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

  discard(): void {
    this.close();
    rmSync(this.temporary, { force: true });
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join('\n') + '\n');
    this.pending = [];
    this.pendingChars = 0;
  }
}

/** Writes a whole file under a temporary name, then renames it into place. */
export function writeFileAtomic(target: string, content: string): void {
  const temporary = temporaryPathFor(target);
  const fd = openSync(temporary, 'w');
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
