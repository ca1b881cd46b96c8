// Outputs resolve their symlinks themselves and rename into the real directory, so the kernel's protected_symlinks
// never saw a link followed: `ln -s ~victim/notes.txt /tmp/mf-report.html` by another user, then `--report
// /tmp/mf-report.html`, replaced the victim's file. The kernel's rule is applied by the harness now. The rule itself is
// tested with made-up owners and modes; the real links need root (to give a link and a directory other owners).
import { chmodSync, chownSync, lchownSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../harness/run/atomic-write.js';
import { isProtectedSymlink } from '../../../harness/run/protected-symlink.js';
import { InputError } from '../../../harness/scenario/input-error.js';
import { mailflow } from '../../helpers/cli.js';

const STICKY_OPEN = 0o41777; // a directory, sticky, writable by anyone: /tmp
const ME = 1000;
const ROOT = 0;
const STRANGER = 1234;

describe('the protected-symlink rule', () => {
  it('refuses a stranger\'s link in a sticky directory anyone may write to', () => {
    expect(isProtectedSymlink({ linkUid: STRANGER, dirUid: ROOT, dirMode: STICKY_OPEN, followerUid: ME })).toBe(true);
    // root is no exception: the kernel refuses root too.
    expect(isProtectedSymlink({ linkUid: STRANGER, dirUid: ME, dirMode: STICKY_OPEN, followerUid: ROOT })).toBe(true);
  });

  it('follows a link of the follower\'s own, or of the directory\'s owner', () => {
    expect(isProtectedSymlink({ linkUid: ME, dirUid: ROOT, dirMode: STICKY_OPEN, followerUid: ME })).toBe(false);
    expect(isProtectedSymlink({ linkUid: STRANGER, dirUid: STRANGER, dirMode: STICKY_OPEN, followerUid: ME })).toBe(false);
  });

  it('follows any link in a directory that is not both sticky and writable by anyone', () => {
    expect(isProtectedSymlink({ linkUid: STRANGER, dirUid: ROOT, dirMode: 0o40777, followerUid: ME })).toBe(false); // not sticky
    expect(isProtectedSymlink({ linkUid: STRANGER, dirUid: ROOT, dirMode: 0o41775, followerUid: ME })).toBe(false); // group-writable only
    expect(isProtectedSymlink({ linkUid: STRANGER, dirUid: ROOT, dirMode: 0o40755, followerUid: ME })).toBe(false);
  });
});

const isRoot = process.geteuid?.() === 0;

/** A sticky directory open to all, like /tmp, owned by `owner`, with a victim's private file elsewhere. */
function shared(owner = ROOT): { sticky: string; victim: string; notes: string } {
  const base = mkdtempSync(join(tmpdir(), 'mailflow-protected-'));
  const sticky = join(base, 'tmp');
  mkdirSync(sticky);
  chmodSync(sticky, 0o1777);
  chownSync(sticky, owner, owner);
  const victim = join(base, 'victim');
  mkdirSync(victim);
  const notes = join(victim, 'notes.txt');
  writeFileSync(notes, 'private', { mode: 0o600 });
  return { sticky, victim, notes };
}

/** A symlink at `at` to `to`, made as `uid` would have made it. */
function linkOf(uid: number, to: string, at: string): string {
  symlinkSync(to, at);
  lchownSync(at, uid, uid);
  return at;
}

function refusal(write: () => void): string {
  try {
    write();
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  return 'written';
}

// Without root, a test cannot make a link or a directory another user owns; the rule itself is tested above.
describe.skipIf(!isRoot)('real links in a sticky directory (needs root, to give links other owners)', () => {
  it('refuses a planted link as the output itself, naming it and why, and leaves the file it points to alone', () => {
    const { sticky, notes } = shared();
    const link = linkOf(STRANGER, notes, join(sticky, 'mf-report.html'));
    expect(refusal(() => writeFileAtomic(link, 'report', 'the report'))).toBe(
      `${link}: cannot write the report: ${link} is a symbolic link in ${sticky} (sticky, writable by anyone) owned by uid ${STRANGER}, `
      + `neither you (uid 0) nor the owner of ${sticky} (uid 0): another user may have planted it to redirect the output onto a file of yours, `
      + 'so it is not followed (the kernel\'s fs.protected_symlinks rule); remove it or choose another path',
    );
    expect(readFileSync(notes, 'utf8')).toBe('private');
  });

  it('refuses a planted link to a directory on the way to the output', () => {
    const { sticky, victim, notes } = shared();
    const link = linkOf(STRANGER, victim, join(sticky, 'reports'));
    expect(refusal(() => writeFileAtomic(join(link, 'notes.txt'), 'report', 'the report'))).toMatch(`: ${link} is a symbolic link in ${sticky} (sticky, writable by anyone) owned by uid ${STRANGER}`);
    expect(readFileSync(notes, 'utf8')).toBe('private');
  });

  it('follows the user\'s own link there, and one the directory\'s owner made', () => {
    const mine = shared();
    writeFileAtomic(linkOf(ROOT, mine.notes, join(mine.sticky, 'mine.html')), 'mine', 'the report');
    expect(readFileSync(mine.notes, 'utf8')).toBe('mine');
    const owners = shared(STRANGER);
    writeFileAtomic(linkOf(STRANGER, owners.notes, join(owners.sticky, 'owners.html')), 'owner\'s', 'the report');
    expect(readFileSync(owners.notes, 'utf8')).toBe('owner\'s');
  });

  it('is exit 2 from the command line, before the run', () => {
    const { sticky, notes } = shared();
    const link = linkOf(STRANGER, notes, join(sticky, 'mf-report.html'));
    const run = mailflow('run', 'scenarios/hello.yaml', '--report', link);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${link}: cannot write the report: ${link} is a symbolic link in ${sticky}`);
    expect(readFileSync(notes, 'utf8')).toBe('private');
  });
});
