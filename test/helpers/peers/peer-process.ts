// One peer daemon run in the foreground under a temp dir: started, waited for until its ports accept connections,
// stopped with SIGTERM (SIGKILL after a grace period). Its output and log files stay in the temp dir, and `logs()`
// gathers them for a failing test to print.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, createWriteStream } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

export interface PeerProcess {
  readonly name: string;
  /** The daemon's output and its log files, newest last, for a failure report. */
  logs(): string;
  stop(): Promise<void>;
}

export interface PeerSpec {
  readonly name: string;
  readonly dir: string;
  readonly command: string;
  readonly args: readonly string[];
  /** Log files the daemon writes besides its output. */
  readonly logFiles: readonly string[];
  /** Loopback ports that accept connections once it is up. */
  readonly ports: readonly number[];
  /** The pid to signal when it is not the child itself (Postfix's master runs under postfix-script). */
  readonly pidFile?: string;
}

const START_TIMEOUT_MS = 20_000;
const STOP_GRACE_MS = 5_000;

export async function startPeer(spec: PeerSpec): Promise<PeerProcess> {
  const outFile = join(spec.dir, `${spec.name}.out`);
  const out = createWriteStream(outFile);
  const child = spawn(spec.command, spec.args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const logs = (): string => [outFile, ...spec.logFiles]
    .map((file) => `--- ${file}\n${existsSync(file) ? readFileSync(file, 'utf8') : '(none)'}`).join('\n');
  const peer: PeerProcess = { name: spec.name, logs, stop: () => stopPeer(child, exited, spec.pidFile) };
  try {
    await Promise.race([
      Promise.all(spec.ports.map((port) => waitForPort(port))),
      exited.then(() => { throw new Error(`${spec.name} exited while starting`); }),
    ]);
  } catch (error) {
    await peer.stop();
    throw new Error(`${spec.name} did not start: ${(error as Error).message}\n${logs()}`);
  }
  return peer;
}

async function stopPeer(child: ChildProcess, exited: Promise<void>, pidFile: string | undefined): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const pid = pidFile !== undefined && existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : child.pid;
  signal(pid, 'SIGTERM');
  if (pid !== child.pid) signal(child.pid, 'SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(STOP_GRACE_MS).then(() => false)]);
  if (!stopped) {
    signal(pid, 'SIGKILL');
    signal(child.pid, 'SIGKILL');
    await exited;
  }
}

function signal(pid: number | undefined, name: NodeJS.Signals): void {
  if (pid === undefined || !Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves once 127.0.0.1:port accepts a connection. */
async function waitForPort(port: number): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await accepts(port)) return;
    await sleep(50);
  }
  throw new Error(`port ${port} not open after ${START_TIMEOUT_MS} ms`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
