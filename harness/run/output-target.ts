// Where an output named on the command line really goes. A regular file (or nothing yet) is replaced atomically:
// written beside its real path and renamed there, so a symlink keeps pointing at the new file instead of becoming
// one. Anything else that is there is written in place, opened for writing with no rename: a device (/dev/null; as
// root a rename made it a regular file, breaking every program on the machine), a FIFO or `>(cmd)`. So is a path that
// names an open descriptor (/dev/stdout, /dev/fd/N), which a rename would detach from the stream. A directory or a
// socket can be neither replaced nor opened: refused, before any run.
import { fstatSync, lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

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

/** Linux's own limit on the links in one path (ELOOP). */
const MAX_LINKS = 40;

/**
 * Throws (a plain Error, for the caller to name the output) when the target is a directory or a socket, or its links
 * go round; a dangling symlink is followed to where it points, and the file is made there, as a shell's `>` would.
 */
export function outputTarget(path: string): OutputTarget {
  let at = resolve(path);
  for (let links = 0; ; links++) {
    if (OPEN_DESCRIPTOR.test(at)) return inPlace(at, path);
    let link: boolean;
    try {
      link = lstatSync(at).isSymbolicLink();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return { path: realParent(at), inPlace: false, descriptor: null };
    }
    if (!link) return statSync(at).isFile() ? { path: realpathSync(at), inPlace: false, descriptor: null } : inPlace(at, path);
    if (links === MAX_LINKS) throw new Error(`${path}: too many levels of symbolic links`);
    // Relative to the link's real directory, as the kernel reads it (`..` after a linked directory leaves its target).
    at = resolve(realpathSync(dirname(at)), readlinkSync(at));
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

/** A file not there yet, in its parent's real directory when the parent is there (the caller checks that it is). */
function realParent(at: string): string {
  try {
    return join(realpathSync(dirname(at)), basename(at));
  } catch {
    return at;
  }
}
