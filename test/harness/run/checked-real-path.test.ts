// checkedRealPath walks a path's links itself so that each can be checked (protected-symlink.ts): wherever no link is
// refused, it must land where realpath does, or an output would be written somewhere the user did not name.
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkedRealPath } from '../../../harness/run/checked-real-path.js';

function tree(): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'mailflow-walk-')));
  mkdirSync(join(root, 'a', 'b', 'c'), { recursive: true });
  writeFileSync(join(root, 'a', 'b', 'c', 'f.txt'), '');
  symlinkSync('a/b', join(root, 'rel')); // relative to the link's directory
  symlinkSync(join(root, 'a', 'b', 'c'), join(root, 'abs'));
  symlinkSync('../b/c', join(root, 'a', 'b', 'up')); // `..` from the link's real directory
  symlinkSync('rel', join(root, 'chain')); // a link to a link
  symlinkSync('loop2', join(root, 'loop1'));
  symlinkSync('loop1', join(root, 'loop2'));
  return root;
}

describe('checkedRealPath', () => {
  it('lands where realpath does through relative, absolute, `..` and chained links', () => {
    const root = tree();
    for (const path of ['a/b/c', 'rel/c', 'abs', 'abs/f.txt', 'a/b/up/f.txt', 'chain/c/../up', 'rel/../b/./c']) {
      // Not join(): it would take `..` away before any link is read. The native realpath reads `..` as the kernel does.
      expect([path, checkedRealPath(`${root}/${path}`)]).toEqual([path, realpathSync.native(`${root}/${path}`)]);
    }
  });

  it('fails as realpath does for a missing part, a file taken for a directory, and links that go round', () => {
    const root = tree();
    expect(() => checkedRealPath(join(root, 'rel', 'nothing'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => checkedRealPath(join(root, 'abs', 'f.txt', 'x'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    expect(() => checkedRealPath(join(root, 'loop1', 'x'))).toThrow(/too many levels of symbolic links/);
  });
});
