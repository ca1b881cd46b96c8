// What an output path names decides how it is written. Outputs were renamed over whatever was there: as root,
// `--junit /dev/null` turned /dev/null into a regular file; a FIFO or device became one too, and a symlink was
// replaced instead of the file it points to. Now a device, FIFO or `>(cmd)` is written in place, and a symlink is
// followed, its real file replaced atomically. No test here writes to a real /dev entry except /dev/null, and that
// only after a device of its own has shown it is written in place.
import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mailflow, repoRoot } from '../../helpers/cli.js';

const cli = join(repoRoot, 'dist/harness/cli/main.js');
const HELLO = 'scenarios/hello.yaml';
const isRoot = process.getuid?.() === 0;
const fresh = () => mkdtempSync(join(tmpdir(), 'mailflow-targets-'));
const kind = (path: string) => spawnSync('stat', ['-c', '%F', path], { encoding: 'utf8' }).stdout.trim();

/** Runs the CLI without blocking this process, so a reader of a FIFO can run beside it. */
function mailflowAsync(...args: string[]): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, [cli, ...args], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stderr })));
}

describe('an output that is not a regular file is written in place', () => {
  it('writes a FIFO for the reader at its other end, and leaves it a FIFO', { timeout: 30_000 }, async () => {
    const dir = fresh();
    const fifo = join(dir, 'junit.pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('sh', ['-c', `exec cat "${fifo}" > "${join(dir, 'read.xml')}"`]);
    const read = new Promise((resolve) => reader.on('close', resolve));
    const run = await mailflowAsync('run', HELLO, '--json', '--junit', fifo);
    // A run that renamed over the FIFO never opened it: the reader would wait forever.
    await Promise.race([read, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    reader.kill();
    expect(run).toEqual({ status: 0, stderr: '' });
    expect(readFileSync(join(dir, 'read.xml'), 'utf8')).toMatch(/^<\?xml[\s\S]*<\/testsuites>\n+$/);
    expect(kind(fifo)).toBe('fifo');
    expect(readdirSync(dir).sort()).toEqual(['junit.pipe', 'read.xml']);
  });

  it('writes a process substitution, >(cmd), which a rename could not reach', () => {
    const dir = fresh();
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${cli}" run ${HELLO} --json --report >(wc -c > "${join(dir, 'count')}"); status=$?; wait; exit $status`], { cwd: repoRoot, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(Number(readFileSync(join(dir, 'count'), 'utf8'))).toBeGreaterThan(100_000);
  });

  it('writes /dev/stdout where the shell sent it, sharing its place with the summary printed after', () => {
    const dir = fresh();
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" run ${HELLO} --json --junit /dev/stdout > "${join(dir, 'out')}"`], { cwd: repoRoot, encoding: 'utf8' });
    expect(result.status).toBe(0);
    const out = readFileSync(join(dir, 'out'), 'utf8');
    // The JUnit file whole, then the summary: not the summary written over the file's first bytes.
    expect(out).toMatch(/^<\?xml[\s\S]*<\/testsuites>\n+\{"scenario":"hello"[^\n]*\}\n$/);
  });

  it.skipIf(!isRoot)('writes a character device in place: a null device stays one, a full one is exit 2 (needs root: mknod)', () => {
    const dir = fresh();
    const nul = join(dir, 'null');
    const full = join(dir, 'full');
    expect(spawnSync('mknod', ['-m', '666', nul, 'c', '1', '3']).status).toBe(0);
    expect(spawnSync('mknod', ['-m', '666', full, 'c', '1', '7']).status).toBe(0);
    const run = mailflow('run', HELLO, '--json', '--junit', nul, '--report', join(dir, 'r.html'));
    expect(run.status).toBe(0);
    expect(kind(nul)).toBe('character special file');
    const onFull = mailflow('run', HELLO, '--json', '--report', full);
    expect(onFull.status).toBe(2);
    expect(onFull.stderr).toMatch(/full: cannot write the report: ENOSPC/);
    expect(kind(full)).toBe('character special file');
    expect(readdirSync(dir).sort()).toEqual(['full', 'null', 'r.html']);
  });

  it('refuses a socket before the run: it can be neither opened nor replaced', async () => {
    const socket = join(fresh(), 'sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const run = await mailflowAsync('run', HELLO, '--json', '--report', socket);
      expect(run.stderr).toBe(`${socket}: cannot write the report: ${socket} is a socket, which cannot be opened as a file\n`);
      expect(run.status).toBe(2);
      expect(kind(socket)).toBe('socket');
    } finally {
      server.close();
    }
  });

  it('takes /dev/null itself as a place to throw an output away, and /dev/null stays a device', () => {
    expect(kind('/dev/null')).toBe('character special file');
    // As root a rename would replace the machine's /dev/null: first a null device of the test's own must survive.
    if (isRoot) {
      const own = join(fresh(), 'null');
      expect(spawnSync('mknod', ['-m', '666', own, 'c', '1', '3']).status).toBe(0);
      expect(mailflow('run', HELLO, '--json', '--junit', own).status).toBe(0);
      expect(kind(own)).toBe('character special file');
    }
    const run = mailflow('run', HELLO, '--json', '--junit', '/dev/null');
    expect(run.status).toBe(0);
    expect(kind('/dev/null')).toBe('character special file');
  });

  // Root becomes nobody, who must be able to read the clone (CI's under /root may not be): else skipped.
  const asNobody = (...args: string[]) => spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, ...args], { cwd: repoRoot, encoding: 'utf8' });
  const nobodyRuns = isRoot && spawnSync('setpriv', ['--version']).status === 0 && asNobody('--version').status === 0;
  it.skipIf(!nobodyRuns)('agrees, before the run, that a user who may not write /dev may write /dev/null (needs root to become nobody, and a clone nobody may read)', () => {
    const run = asNobody('run', HELLO, '--json', '--junit', '/dev/null');
    // It said: /dev/null: cannot write the JUnit report: EACCES: permission denied, access '/dev'
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(kind('/dev/null')).toBe('character special file');
  });
});

describe('a symlink to an output', () => {
  it('is followed: the file it points to is replaced, and the link stays a link', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'r.html'), 'old');
    symlinkSync('real/r.html', join(dir, 'link.html'));
    const run = mailflow('run', HELLO, '--json', '--report', join(dir, 'link.html'));
    expect(run.status).toBe(0);
    expect(lstatSync(join(dir, 'link.html')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real', 'r.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    // The temporary file went beside the real one, and is gone.
    expect(readdirSync(dir).sort()).toEqual(['link.html', 'real']);
    expect(readdirSync(join(dir, 'real'))).toEqual(['r.html']);
  });

  it('that dangles makes the file where it points, as a shell\'s > would', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'real'));
    symlinkSync('real/new.xml', join(dir, 'link.xml'));
    const run = mailflow('run', HELLO, '--json', '--junit', join(dir, 'link.xml'));
    expect(run.status).toBe(0);
    expect(readlinkSync(join(dir, 'link.xml'))).toBe('real/new.xml');
    expect(statSync(join(dir, 'real', 'new.xml')).isFile()).toBe(true);
  });

  it('to a directory is refused before the run, as the directory is', () => {
    const dir = fresh();
    symlinkSync(dir, join(dir, 'to-dir'));
    const run = mailflow('run', HELLO, '--json', '--report', join(dir, 'to-dir'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/to-dir: cannot write the report: .*is a directory/);
  });
});
