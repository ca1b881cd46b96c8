// Prints the trace hash and counts of every shipped scenario (but `scale`, which takes a minute) and the trace hashes
// of the first fuzz scenarios, one line each: what a change that must keep the model's behaviour has to keep. Run it
// before and after, and compare (docs/contributing.md):
//   npm run -s build && node dist/bench/tools/trace-hashes.js > /tmp/before.txt
//   ... change, build ...   node dist/bench/tools/trace-hashes.js | diff /tmp/before.txt - && echo unchanged
// `--fuzz N` sets how many fuzz scenarios (default 300; seeds 1..N of fast-check's sample, as drawn by arbScenario).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadScenario } from '../../harness/scenario/load-scenario.js';
import { runScenario } from '../../harness/run/run-scenario.js';
import { arbScenario } from '../../harness/fuzz/arb-scenario.js';
import { judgeCase } from '../../harness/fuzz/fuzz-case.js';
import { SHIPPED_SCENARIOS } from '../../harness/package-root.js';

const at = process.argv.indexOf('--fuzz');
const fuzzRuns = at < 0 ? 300 : Number(process.argv[at + 1]);
if (!Number.isSafeInteger(fuzzRuns) || fuzzRuns < 0) throw new Error(`--fuzz takes a whole number of runs, got ${process.argv[at + 1] ?? 'nothing'}`);

for (const name of readdirSync(SHIPPED_SCENARIOS).filter((f) => f.endsWith('.yaml') && f !== 'scale.yaml').sort()) {
  const outcome = runScenario(await loadScenario(join(SHIPPED_SCENARIOS, name)));
  process.stdout.write(`${name} ${outcome.traceHash ?? '-'} ${JSON.stringify(outcome.counts)}\n`);
}
for (let seed = 1; seed <= fuzzRuns; seed++) {
  const [drawn] = fc.sample(arbScenario(), { seed, numRuns: 1 });
  if (drawn === undefined) throw new Error(`fast-check drew nothing for seed ${seed}`);
  // checkDeterminism: hashed (a fuzz case skips the hash otherwise), and run twice to the same hash.
  const { outcome } = judgeCase(drawn, { checkDeterminism: true });
  process.stdout.write(`fuzz ${seed} ${outcome.traceHash ?? '-'}\n`);
}
