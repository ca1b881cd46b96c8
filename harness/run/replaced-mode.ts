// An output written over an existing file keeps that file's permissions. The rename puts a new file in its place, which
// had the umask's default (0644 as a rule): a 0600 report, trace or router file a user had locked down became readable
// by everyone on the machine at the next run. A file that is new gets the umask's default, as a shell's `>` gives it.
import { lstatSync } from 'node:fs';

/** Permission bits only: a set-user-ID or sticky bit on the file replaced says nothing about a report. */
const PERMISSIONS = 0o777;

/** The permissions of the regular file a rename onto `path` would replace, or null when there is none. */
export function replacedMode(path: string): number | null {
  try {
    // lstat: a rename replaces whatever is at the path itself, a link included, and never what a link points to.
    const stats = lstatSync(path);
    return stats.isFile() ? stats.mode & PERMISSIONS : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * The mode the temporary file is created with: private (0600) while it may hold what is to replace a file of narrower
 * permissions, else 0666 for the umask to narrow to the default a new file gets. Either way it is never wider than
 * where it ends.
 */
export function temporaryMode(replaced: number | null): number {
  return replaced === null ? 0o666 : 0o600;
}
