// The scale benchmark's own plumbing, on small scenarios (the full scale run belongs to `npm run bench`, not tests):
// the child process runs a scenario end to end and the figures it reports are that run's.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../../harness/scenario/load-scenario.js';
import { runScenario } from '../../harness/run/run-scenario.js';

// The benchmark spawns compiled JavaScript, so the test drives the compiled module (npm test builds it first).
const compiled = fileURLToPath(new URL('../../dist/bench/scale-bench.js', import.meta.url));
type BenchScale = (file: string) => { messages: number; mailboxes: number; wallMs: number; messagesPerSec: number; peakRssMb: number; transparentHugePages: string };
async function benchScale(file: string): Promise<ReturnType<BenchScale>> {
  if (!existsSync(compiled)) throw new Error(`${compiled} is missing: run 'npm run build' first (npm test does)`);
  const module = (await import(compiled)) as { benchScale: BenchScale };
  return module.benchScale(file);
}

const scenarios = fileURLToPath(new URL('../../scenarios', import.meta.url));

describe('scale benchmark', () => {
  it('reports the messages and mailboxes of the run it measured, with a rate and a peak', async () => {
    const file = join(scenarios, 'baseline-sss.yaml');
    const scenario = loadScenarioFile(file);
    const figures = await benchScale(file);
    expect(figures.messages).toBe(runScenario(scenario).counts.sent);
    expect(figures.mailboxes).toBe(scenario.exchange?.mailboxes.length ?? 0);
    expect(figures.wallMs).toBeGreaterThan(0);
    expect(figures.messagesPerSec).toBe(Math.round(figures.messages / (figures.wallMs / 1000)));
    expect(figures.peakRssMb).toBeGreaterThan(10);
    // The machine's setting, as the kernel states it (or unknown where it cannot be read).
    let stated = 'unknown';
    try {
      stated = /\[(\w+)\]/.exec(readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8'))?.[1] ?? 'unknown';
    } catch { /* not Linux, or no THP: unknown */ }
    expect(figures.transparentHugePages).toBe(stated);
  });

  it('reads the huge pages mode as the kernel writes it, and says unknown where it cannot', async () => {
    const { transparentHugePages } = (await import(fileURLToPath(new URL('../../dist/bench/huge-pages.js', import.meta.url)))) as { transparentHugePages: (path?: string) => string };
    const dir = mkdtempSync(join(tmpdir(), 'mailflow-thp-'));
    writeFileSync(join(dir, 'enabled'), 'always [madvise] never\n');
    expect(transparentHugePages(join(dir, 'enabled'))).toBe('madvise');
    expect(transparentHugePages(join(dir, 'missing'))).toBe('unknown');
  });

  it('refuses to report figures for a run that no longer passes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailflow-bench-'));
    const failing = join(dir, 'failing.yaml');
    // baseline-sss with an expectation it cannot meet.
    writeFileSync(failing, readFileSync(join(scenarios, 'baseline-sss.yaml'), 'utf8').replace('    lost: 0\n', '    lost: 5\n'));
    await expect(benchScale(failing)).rejects.toThrow(/ended fail/);
  });
});
