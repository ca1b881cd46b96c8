// `mailflow serve` as a child process, for tests that talk to it over real sockets: started, and resolved once it
// says where it listens (the first listener's port).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './cli.js';

const cli = fileURLToPath(new URL('../../dist/harness/cli/main.js', import.meta.url));

export interface ServeProcess {
  readonly child: ChildProcess;
  /** The port of the first `listening on 127.0.0.1:PORT` line. */
  readonly port: number;
  /** What it has written so far. */
  readonly output: () => { readonly stdout: string; readonly stderr: string };
  /** Sends `signal` (SIGTERM by default: stop, drain, print the summary) and resolves with the exit status. */
  readonly stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

export async function startServe(args: readonly string[], env: Record<string, string> = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [cli, 'serve', ...args], { cwd: repoRoot, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const port = await new Promise<number>((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      const match = /listening on 127\.0\.0\.1:(\d+)/.exec(stderr);
      if (match !== null) resolve(Number(match[1]));
    });
    void exited.then(() => reject(new Error(`serve exited early: ${stderr}`)));
  });
  return {
    child, port,
    output: () => ({ stdout, stderr }),
    stop: (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited;
    },
  };
}
