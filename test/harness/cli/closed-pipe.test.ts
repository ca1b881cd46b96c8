// A reader that stops early (`| head`) must neither crash mailflow with a stack trace nor change its exit code: a
// failed run piped into `head` still exits 1, a long story cut short exits 0.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/cli.js';

const cli = join(repoRoot, 'dist/harness/cli/main.js');

/** Runs `mailflow ARGS | head -c 1` under pipefail and returns mailflow's exit code and its stderr. */
function throughHead(args: string): { status: number | null; stderr: string } {
  const result = spawnSync('bash', ['-c', `set -o pipefail; node ${cli} ${args} | head -c 1 >/dev/null`], { cwd: repoRoot, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

describe('a closed stdout pipe', () => {
  it('keeps the exit code of a failed run and prints no stack', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mailflow-pipe-')), 'fails.yaml');
    writeFileSync(file, 'kind: scenario\nname: fails\nseed: 1\nstart: 2026-01-05T08:00:00Z\nhorizon: 1h\ntoy: {}\nexpect: { counts: { sent: 99999 } }\n');
    const failed = throughHead(`run ${file} --json`);
    expect(failed.status).toBe(1);
    expect(failed.stderr).not.toMatch(/EPIPE|crashed/);
  });

  it('ends a long narration quietly with exit 0', () => {
    const story = throughHead('demo scenarios/lesson-2-exchange-outage.yaml --narrate --auto');
    expect(story.status).toBe(0);
    expect(story.stderr).not.toMatch(/EPIPE|crashed/);
  });
});
