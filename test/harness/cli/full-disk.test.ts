// Outputs on a disk that fills up, on a real one (a 1 MB tmpfs). A write on a nearly full disk puts down part of what
// it was given and says nothing: the writers took that as done, renamed the cut-off file into place and exited 0. A
// trace that filled the disk during the run was reported as a harness crash (exit 3). Now either is exit 2 naming
// the output, with nothing under its name and no temporary file; outputs that go together are written all or none.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mailflow } from '../../helpers/cli.js';
import { FILLER, mountSmallDisk } from '../../helpers/small-disk.js';

const disk = mountSmallDisk();
const skipped = typeof disk === 'string' ? ` (skipped: ${disk})` : '';
const PAGE = 4096;

describe.skipIf(typeof disk === 'string')(`outputs on a full disk${skipped}`, () => {
  if (typeof disk === 'string') return;
  afterAll(() => disk.unmount());
  const at = (name: string) => join(disk.dir, name);

  it('refuses a report that does not fit whole: exit 2 naming it, nothing at the target (it was cut off, exit 0)', () => {
    disk.fillLeaving(2 * PAGE);
    const run = mailflow('run', 'scenarios/hello.yaml', '--json', '--report', at('r.html'));
    expect(run.stderr).toMatch(new RegExp(`^${at('r.html')}: cannot write the report: ENOSPC: no space left on device`));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(readdirSync(disk.dir)).toEqual([FILLER]);
  });

  it('refuses a trace that fills the disk during the run: exit 2, not a harness crash (it was exit 3)', () => {
    disk.fillLeaving(0);
    // Its trace is over 5 MB: written in 1 MB pieces while the run goes on, from inside the engine.
    const run = mailflow('run', 'scenarios/token-rollover.yaml', '--json', '--trace', at('t.jsonl'));
    expect(run.stderr).not.toMatch(/crashed/);
    expect(run.stderr).toMatch(new RegExp(`^${at('t.jsonl')}: cannot write the trace: ENOSPC`));
    expect(run.status).toBe(2);
    expect(readdirSync(disk.dir)).toEqual([FILLER]);
  });

  it('writes a run\'s trace, JUnit file and report all or none: the trace fits, the report does not', () => {
    // hello: a 394 KB trace, a 4 KB JUnit file, a 301 KB report; room for the first two.
    disk.fillLeaving(100 * PAGE);
    const run = mailflow('run', 'scenarios/hello.yaml', '--trace', at('t.jsonl'), '--junit', at('j.xml'), '--report', at('r.html'));
    expect(run.stderr).toMatch(/r\.html: cannot write the report: ENOSPC/);
    expect(run.status).toBe(2);
    expect(readdirSync(disk.dir)).toEqual([FILLER]);
  });

  it('writes the router\'s three files all or none (one was left behind)', () => {
    disk.fillLeaving(PAGE, ['rf']);
    const run = mailflow('router-files', 'scenarios/baseline-router.yaml', '--out', at('rf'));
    expect(run.stderr).toMatch(/SystemState\.xml: cannot write the router file: ENOSPC/);
    expect(run.status).toBe(2);
    expect(readdirSync(at('rf'))).toEqual([]);
  });

  it('refuses a plan report that does not fit, and writes its JUnit file only with it', () => {
    disk.fillLeaving(2 * PAGE);
    const run = mailflow('plan', 'scenarios/plans/big-bang.yaml', '--no-progress', '--report', at('p.html'), '--junit', at('p.xml'));
    expect(run.stderr).toMatch(/p\.html: cannot write the report: ENOSPC/);
    expect(run.status).toBe(2);
    expect(readdirSync(disk.dir)).toEqual([FILLER]);
  });

  it('still writes what fits, whole', () => {
    disk.fillLeaving(200 * PAGE);
    const run = mailflow('run', 'scenarios/hello.yaml', '--json', '--report', at('r.html'));
    expect(run.status).toBe(0);
    expect(readFileSync(at('r.html'), 'utf8')).toMatch(/<\/html>\n$/);
  });
});
