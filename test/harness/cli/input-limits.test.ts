// Input files are refused, naming the file and the limit, when they are not regular files or are too large for their
// kind. Before, `mailflow validate /dev/zero` grew to 15 GB and aborted (exit 134), a FIFO waited forever, and a
// 50 MB scenario took minutes and gigabytes with no word. Each CLI case runs under a timeout: before the fix, it
// would have hung or filled memory rather than failed.
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/cli.js';
import { exchangeScenarioText } from '../../helpers/exchange-scenario.js';

const cli = join(repoRoot, 'dist/harness/cli/main.js');
const MB = 1024 * 1024;
const isRoot = process.getuid?.() === 0;

function mailflowWithin(seconds: number, ...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: seconds * 1000, killSignal: 'SIGKILL' });
}

const fresh = () => mkdtempSync(join(tmpdir(), 'mailflow-inputs-'));

function fifoIn(dir: string, name: string): string {
  const path = join(dir, name);
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
  return path;
}

/** A file of `bytes` zeros that takes no room on disk. */
function sparseIn(dir: string, name: string, bytes: number): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return path;
}

describe('mailflow on an input that is not a file, or too large', () => {
  it('refuses a FIFO as a scenario at once (it waited for a writer forever)', () => {
    const fifo = fifoIn(fresh(), 's.yaml');
    const run = mailflowWithin(10, 'validate', fifo);
    expect(run.stderr).toBe(`${fifo}: cannot read: not a regular file (a FIFO or pipe): give the path of a file\n`);
    expect(run.status).toBe(2);
  });

  it.skipIf(!isRoot)('refuses a zero device as a scenario at once (/dev/zero filled 15 GB; needs root: mknod)', () => {
    const zero = join(fresh(), 'zero');
    expect(spawnSync('mknod', [zero, 'c', '1', '5']).status).toBe(0);
    const run = mailflowWithin(10, 'run', zero);
    expect(run.stderr).toBe(`${zero}: cannot read: not a regular file (a character device): give the path of a file\n`);
    expect(run.status).toBe(2);
  });

  it('refuses a scenario or plan over 16 MB, saying the limit', () => {
    const dir = fresh();
    const big = sparseIn(dir, 'big.yaml', 16 * MB + 1);
    for (const command of ['validate', 'run', 'plan']) {
      const run = mailflowWithin(10, command, big);
      expect(run.stderr).toBe(`${big}: cannot read: ${16 * MB + 1} bytes, over the limit of 16 MB for a scenario or plan file\n`);
      expect(run.status).toBe(2);
    }
  });

  it('refuses an .eml that is a FIFO or over 64 MB, at the traffic entry that names it', () => {
    const dir = fresh();
    fifoIn(dir, 'pipe.eml');
    sparseIn(dir, 'big.eml', 64 * MB + 1);
    writeFileSync(join(dir, 's.yaml'), exchangeScenarioText({ traffic: '{ eml: [{ at: 1m, file: pipe.eml }, { at: 2m, file: big.eml }] }' }));
    const run = mailflowWithin(10, 'validate', join(dir, 's.yaml'));
    expect(run.stderr).toMatch(/s\.yaml:\d+:\d+: traffic\.eml\[0\]\.file: cannot read .*pipe\.eml: not a regular file \(a FIFO or pipe\)/);
    expect(run.stderr).toMatch(/s\.yaml:\d+:\d+: traffic\.eml\[1\]\.file: cannot read .*big\.eml: 67108865 bytes, over the limit of 64 MB for an \.eml message/);
    expect(run.status).toBe(2);
  });

  it('refuses a router file that is a FIFO or over 32 MB, read by a scenario or by migrate', () => {
    const fixtures = join(repoRoot, 'test/fixtures/router');
    const dir = fresh();
    copyFileSync(join(fixtures, 'scenario-from-files.yaml'), join(dir, 'scenario.yaml'));
    copyFileSync(join(fixtures, 'EmailAgent.xml'), join(dir, 'EmailAgent.xml'));
    fifoIn(dir, 'SystemState.xml');
    const scenario = mailflowWithin(10, 'validate', join(dir, 'scenario.yaml'));
    expect(scenario.stderr).toMatch(/stateFile: cannot read .*SystemState\.xml: not a regular file \(a FIFO or pipe\)/);
    expect(scenario.status).toBe(2);
    // migrate: a router directory whose EmailAgent.xml is too large (it was read whole, then refused).
    const router = join(dir, 'router');
    mkdirSync(router);
    for (const name of ['Microsoft.Crm.Tools.EmailAgent.SystemState.xml', 'EncryptionKey.xml']) writeFileSync(join(router, name), '<x/>');
    sparseIn(router, 'Microsoft.Crm.Tools.EmailAgent.xml', 32 * MB + 1);
    const migrate = mailflowWithin(10, 'migrate', router, '--max-bytes', String(64 * MB));
    expect(migrate.stderr).toMatch(/EmailAgent\.xml: cannot read: 33554433 bytes, over the limit of 32 MB for a router file \(S14\)/);
    expect(migrate.status).toBe(2);
  });
});
