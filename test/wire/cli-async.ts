// Runs the compiled `mailflow` CLI without blocking this process's event loop (test/helpers/cli.ts's spawnSync would):
// for tests whose SMTP server lives in the test itself and must answer while the command runs.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { repoRoot, type CliResult } from '../helpers/cli.js';

const cli = fileURLToPath(new URL('../../dist/harness/cli/main.js', import.meta.url));

export function mailflowAsync(env: Record<string, string>, ...args: string[]): Promise<CliResult> {
  const child = spawn(process.execPath, [cli, ...args], { cwd: repoRoot, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}
