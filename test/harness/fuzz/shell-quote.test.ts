// A word printed for people to paste into a shell: sh reads it back as exactly the word, whatever it holds.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuoted } from '../../../harness/fuzz/shell-quote.js';

/** What sh makes of the text as one command-line word: printf prints its argument back, or the words it split into. */
function asShellReadsIt(text: string): string {
  return spawnSync('sh', ['-c', `printf '%s|' ${text}`], { encoding: 'utf8' }).stdout;
}

describe('shellQuoted', () => {
  it('comes back from sh as the one word it was, shell syntax and quotes included', () => {
    for (const word of ['fuzz-out/fuzz-3-run-17.yaml', 'My Runs/x.yaml', "it's.yaml", 'x.yaml; echo pwned #', '$(echo pwned)', '`echo pwned`', 'a\\b', '*', '~/x', "''", 'Müller', '']) {
      expect(asShellReadsIt(shellQuoted(word)), word).toBe(`${word}|`);
    }
  });

  it('leaves a plain path unquoted, as people write it', () => {
    expect(shellQuoted('fuzz-out/fuzz-3-run-17-two-active-routers.yaml')).toBe('fuzz-out/fuzz-3-run-17-two-active-routers.yaml');
    expect(shellQuoted('/tmp/a,b@c=d%e+f:g.yaml')).toBe('/tmp/a,b@c=d%e+f:g.yaml');
  });
});
