// An output's real directory, its symlinks followed one by one as the kernel would follow them, each checked against
// the protected-symlink rule (protected-symlink.ts): realpath reads links itself, so a planted link to another user's
// directory in the middle of a path (`/tmp/evil/notes.txt`, /tmp/evil -> /home/victim) would be followed unseen, and
// the output renamed into the directory it points to.
import { lstatSync, readlinkSync } from 'node:fs';
import { dirname, isAbsolute, join, sep } from 'node:path';
import { refuseProtectedSymlink } from './protected-symlink.js';

/** Linux's own limit on the links in one path (ELOOP). */
export const MAX_LINKS = 40;

/**
 * The real path of an absolute path, as realpath gives it; throws as realpath does (ENOENT, ENOTDIR, too many links)
 * and when a link on the way is one the rule refuses.
 */
export function checkedRealPath(path: string): string {
  // The components still to walk, the next one last; `real` is what has been walked, with no links in it.
  const pending = components(path).reverse();
  let real: string = sep;
  let links = 0;
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (name === '.') continue;
    if (name === '..') {
      real = dirname(real);
      continue;
    }
    const next = join(real, name);
    const stats = lstatSync(next);
    if (stats.isSymbolicLink()) {
      if (++links > MAX_LINKS) throw new Error(`${path}: too many levels of symbolic links`);
      refuseProtectedSymlink(next, real);
      const target = readlinkSync(next);
      // Relative to the directory the link sits in; an absolute target starts again at the root.
      if (isAbsolute(target)) real = sep;
      pending.push(...components(target).reverse());
      continue;
    }
    if (!stats.isDirectory() && pending.length > 0) throw Object.assign(new Error(`ENOTDIR: not a directory, ${next}`), { code: 'ENOTDIR' });
    real = next;
  }
  return real;
}

function components(path: string): string[] {
  return path.split(sep).filter((part) => part !== '');
}
