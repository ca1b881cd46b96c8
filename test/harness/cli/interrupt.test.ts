// Ctrl-C or a job runner's SIGTERM during a long `mailflow run --trace` used to end the process mid-run, leaving the
// trace's temporary file (gigabytes at scale) beside the target. Now the run hears the signal between slices,
// removes what it had written, says where it stopped, and dies by the same signal, as a shell expects.
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/cli.js';

const cli = join(repoRoot, 'dist/harness/cli/main.js');

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > 120_000) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a run stopped by a signal', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`removes its trace's temporary file and ends by ${signal}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mailflow-interrupt-'));
      // The scale scenario runs for tens of seconds; its trace reaches the disk (1 MB buffered) within the first.
      const child = spawn(process.execPath, [cli, 'run', 'scenarios/scale.yaml', '--trace', join(dir, 'scale.jsonl'), '--report', join(dir, 'scale.html')], { cwd: repoRoot });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
      const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
      try {
        await until(() => child.exitCode !== null || readdirSync(dir).some((name) => name.endsWith('.tmp')), 'the trace to reach the disk');
        child.kill(signal);
        const exit = await ended;
        expect(exit, stderr).toEqual({ code: null, signal });
        expect(readdirSync(dir)).toEqual([]);
        expect(stderr).toMatch(new RegExp(`stopped by ${signal} at .+ of virtual time \\(horizon 1d\\); nothing written to .*scale\\.jsonl, .*scale\\.html`));
      } finally {
        // A failed expectation must not leave a scale run going, nor its directory.
        child.kill('SIGKILL');
        rmSync(dir, { recursive: true, force: true });
      }
    }, 180_000);
  }

  it('says that an output written in place (a FIFO) got part of it, and nothing was written to its regular files', async () => {
    // The docs audit: a FIFO's reader had 260 MB of trace when the message said "nothing written to" it.
    const dir = mkdtempSync(join(tmpdir(), 'mailflow-interrupt-'));
    const fifo = join(dir, 'trace.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    let received = 0;
    const reader = createReadStream(fifo);
    reader.on('data', (chunk) => { received += chunk.length; });
    const child = spawn(process.execPath, [cli, 'run', 'scenarios/scale.yaml', '--trace', fifo, '--junit', join(dir, 'scale.xml')], { cwd: repoRoot });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
    try {
      await until(() => child.exitCode !== null || received > 0, 'the trace to reach the FIFO');
      child.kill('SIGINT');
      expect(await ended, stderr).toEqual({ code: null, signal: 'SIGINT' });
      expect(received).toBeGreaterThan(0);
      expect(stderr).toMatch(/; nothing written to .*scale\.xml; .*trace\.fifo is written in place \(not a regular file\) and may already have received part of the trace, cut off where the run stopped\n$/);
      expect(stderr).not.toMatch(/nothing written to [^;]*trace\.fifo/);
      expect(readdirSync(dir)).toEqual(['trace.fifo']);
    } finally {
      child.kill('SIGKILL');
      reader.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
