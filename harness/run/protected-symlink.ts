// A symlink in a sticky, world-writable directory (/tmp, /var/tmp) that neither this user nor the directory's owner
// made may have been planted by another local user to redirect an output onto a file of ours: `ln -s ~/notes.txt
// /tmp/mf-report.html`, then our `--report /tmp/mf-report.html` would replace notes.txt. The kernel refuses to follow
// such a link (fs.protected_symlinks), but the outputs resolve their links themselves (readlink, then a rename into
// the real directory), so the kernel never sees one followed: the same rule is applied here, on every machine, whatever
// the sysctl says. An ordinary link, one the user made or one in a directory of their own, is followed as before.
import { lstatSync, statSync } from 'node:fs';

const S_ISVTX = 0o1000;
const S_IWOTH = 0o002;

/** What the rule reads: who owns the link, who owns its directory and how that directory may be written, who follows. */
export interface LinkFacts {
  readonly linkUid: number;
  readonly dirUid: number;
  readonly dirMode: number;
  readonly followerUid: number;
}

/** The kernel's may_follow_link (fs/namei.c): followed unless all three of its exceptions fail. */
export function isProtectedSymlink(facts: LinkFacts): boolean {
  if (facts.linkUid === facts.followerUid) return false;
  if ((facts.dirMode & (S_ISVTX | S_IWOTH)) !== (S_ISVTX | S_IWOTH)) return false;
  return facts.linkUid !== facts.dirUid;
}

/** The refusal: the link, its directory and owners, and why it is not followed. */
export function protectedSymlinkMessage(link: string, dir: string, facts: LinkFacts): string {
  return `${link} is a symbolic link in ${dir} (sticky, writable by anyone) owned by uid ${facts.linkUid}, neither you `
    + `(uid ${facts.followerUid}) nor the owner of ${dir} (uid ${facts.dirUid}): another user may have planted it to redirect `
    + 'the output onto a file of yours, so it is not followed (the kernel\'s fs.protected_symlinks rule); remove it or choose another path';
}

/**
 * Throws when following `link`, which sits in the real directory `dir`, breaks the rule. Without user ids (Windows)
 * there is nothing to compare, and no sticky directories either.
 */
export function refuseProtectedSymlink(link: string, dir: string): void {
  const followerUid = process.geteuid?.();
  if (followerUid === undefined) return;
  const directory = statSync(dir);
  const facts = { linkUid: lstatSync(link).uid, dirUid: directory.uid, dirMode: directory.mode, followerUid };
  if (isProtectedSymlink(facts)) throw new Error(protectedSymlinkMessage(link, dir, facts));
}
