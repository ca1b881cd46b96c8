// A real file system that fills up, for the tests of a full disk: a 1 MB tmpfs, which only root may mount (CI
// containers run as root). Where it cannot be mounted, mountSmallDisk says why, and those tests are skipped.
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  readonly dir: string;
  /** Empties the disk, makes these directories, then fills it with `filler` until `bytes` (whole pages) are free. */
  fillLeaving(bytes: number, dirs?: readonly string[]): void;
  unmount(): void;
}

export const FILLER = 'filler';

/** The mounted disk, or why there is none. */
export function mountSmallDisk(): SmallDisk | string {
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  const dir = mkdtempSync(join(tmpdir(), 'mailflow-small-disk-'));
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { encoding: 'utf8' });
  if (mount.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return `mount -t tmpfs failed: ${mount.stderr.trim() || mount.error?.message}`;
  }
  return {
    dir,
    fillLeaving(bytes, dirs = []) {
      for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
      for (const name of dirs) mkdirSync(join(dir, name));
      const fd = openSync(join(dir, FILLER), 'w');
      const block = Buffer.alloc(64 * 1024);
      let size = 0;
      try {
        for (;;) size += writeSync(fd, block);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
      ftruncateSync(fd, Math.max(0, size - bytes));
      closeSync(fd);
    },
    unmount() {
      spawnSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
