// Where an output named on the command line really goes. A regular file (or nothing yet) is replaced atomically:
// written beside its real path and renamed there, so a symlink keeps pointing at the new file instead of becoming
// one. Anything else that is there is written in place, opened for writing with no rename: a device (/dev/null; as
// root a rename made it a regular file, breaking every program on the machine), a FIFO or `>(cmd)`. So is a path that
// names an open descriptor (/dev/stdout, /dev/fd/N), which a rename would detach from the stream. A directory or a
// socket can be neither replaced nor opened: refused, before any run. The links on the way are followed here, not by
// the kernel, so each is checked as the kernel would check it (protected-symlink.ts): a link another user planted in
// /tmp is refused.
import { fstatSync, lstatSync, readlinkSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { checkedRealPath, MAX_LINKS } from './checked-real-path.js';
import { refuseProtectedSymlink } from './protected-symlink.js';

export interface OutputTarget {
  /** The real path: symlinks followed, for a file to be renamed into place beside, or to compare with an input. */
  readonly path: string;
  /** Written where it is (a device, FIFO or open descriptor), with no temporary file and no rename. */
  readonly inPlace: boolean;
  /**
   * This process's own descriptor to write through, when the path names one with a regular file behind it
   * (`--junit /dev/stdout > out.xml`): it shares its offset with what the process prints itself, where a descriptor
   * opened anew would start at 0 and the summary printed after would overwrite the report's first lines.
   */
  readonly descriptor: number | null;
}

/** /dev/stdout, /dev/fd/63 (what `>(cmd)` passes), /proc/self/fd/1: the kernel, not a path, says what they are. */
const OPEN_DESCRIPTOR = /^\/(?:dev\/(?:fd\/\d+|stdout|stderr)|proc\/(?:self|\d+)\/fd\/\d+)$/;

/**
 * Throws (a plain Error, for the caller to name the output) when the target is a directory or a socket, its links
 * go round, or a link on the way is one another user may have planted; a dangling symlink is followed to where it
 * points, and the file is made there, as a shell's `>` would.
 */
export function outputTarget(path: string): OutputTarget {
  let at = resolve(path);
  for (let links = 0; ; links++) {
    if (OPEN_DESCRIPTOR.test(at)) return inPlace(at, path);
    const dir = realDirectory(at);
    // A directory not there yet: the caller says so (output-path.ts).
    if (dir === null) return { path: at, inPlace: false, descriptor: null };
    at = join(dir, basename(at));
    if (OPEN_DESCRIPTOR.test(at)) return inPlace(at, path);
    let link: boolean;
    try {
      link = lstatSync(at).isSymbolicLink();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return { path: at, inPlace: false, descriptor: null };
    }
    if (!link) return statSync(at).isFile() ? { path: at, inPlace: false, descriptor: null } : inPlace(at, path);
    if (links === MAX_LINKS) throw new Error(`${path}: too many levels of symbolic links`);
    refuseProtectedSymlink(at, dir);
    // Relative to the link's real directory, as the kernel reads it (`..` after a linked directory leaves its target).
    at = resolve(dir, readlinkSync(at));
  }
}

/**
 * The real directory `at` is in, or null when it is not there (or not a directory); a link on the way that the
 * protected-symlink rule refuses is thrown, never taken for a missing directory.
 */
function realDirectory(at: string): string | null {
  try {
    return checkedRealPath(dirname(at));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

/** Anything there but a directory or a socket, which neither a rename nor a write can replace. */
function inPlace(at: string, path: string): OutputTarget {
  const stats = statSync(at);
  if (stats.isDirectory()) throw new Error(`${path} is a directory`);
  if (stats.isSocket()) throw new Error(`${path} is a socket, which cannot be opened as a file`);
  const own = ownDescriptor(at);
  return { path: at, inPlace: true, descriptor: own !== null && fstatSync(own).isFile() ? own : null };
}

/** The descriptor of this process a path names (/dev/stdout: 1), or null. */
function ownDescriptor(at: string): number | null {
  if (at === '/dev/stdout') return 1;
  if (at === '/dev/stderr') return 2;
  const match = /^\/(?:dev|proc\/(self|\d+))\/fd\/(\d+)$/.exec(at);
  if (match === null || (match[1] !== undefined && match[1] !== 'self' && Number(match[1]) !== process.pid)) return null;
  return Number(match[2]);
}
