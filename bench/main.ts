// `npm run bench`: runs the benchmarks and prints a table, or with `--json` exactly one JSON object on stdout
// (design.md lists the keys; a section not built yet, or left out with `--only`, is null). Progress goes to stderr.
// `--only engine,fuzz` runs just those sections (the full scale run takes minutes).
import { benchEngine, type EngineBench } from './engine-bench.js';
import { benchScale, type ScaleBench } from './scale-bench.js';
import { benchFuzz, type FuzzBench } from './fuzz-bench.js';
import { benchPlan, type PlanBench } from './plan-bench.js';
import { benchWire, type WireBench } from './wire-bench.js';

interface BenchReport {
  engine: EngineBench | null;
  scale: ScaleBench | null;
  fuzz: FuzzBench | null;
  plan: PlanBench | null;
  wire: WireBench | null;
}

const SECTIONS = ['engine', 'scale', 'fuzz', 'plan', 'wire'] as const;
type Section = (typeof SECTIONS)[number];

function table(report: BenchReport): string {
  const rows: string[] = [];
  for (const [section, figures] of Object.entries(report)) {
    if (figures === null) {
      rows.push(`${section.padEnd(8)} (not run)`);
      continue;
    }
    for (const [name, value] of Object.entries(figures as Record<string, number | string>)) {
      const shown = typeof value === 'number' ? value.toLocaleString('en-US') : String(value);
      rows.push(`${section.padEnd(8)} ${name.padEnd(22)} ${shown.padStart(14)}`);
    }
  }
  return rows.join('\n');
}

function chosenSections(argv: readonly string[]): ReadonlySet<Section> {
  const at = argv.indexOf('--only');
  if (at === -1) return new Set(SECTIONS);
  const names = (argv[at + 1] ?? '').split(',').filter((n) => n !== '');
  const unknown = names.filter((n) => !(SECTIONS as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) {
    process.stderr.write(`bench: --only takes a comma-separated list of ${SECTIONS.join(', ')}; got '${argv[at + 1] ?? ''}'\n`);
    process.exit(2);
  }
  return new Set(names as Section[]);
}

const json = process.argv.includes('--json');
const sections = chosenSections(process.argv);
const report: BenchReport = { engine: null, scale: null, fuzz: null, plan: null, wire: null };
if (sections.has('engine')) {
  process.stderr.write('bench: engine (2M events through 1,000 actors vs a bare heap, 3 rounds each; 10M-event memory run)...\n');
  report.engine = benchEngine();
}
if (sections.has('scale')) {
  process.stderr.write('bench: scale (scenarios/scale.yaml: 10,000 mailboxes, about 1,000,000 messages, end to end)...\n');
  report.scale = benchScale();
}
if (sections.has('fuzz')) {
  process.stderr.write('bench: fuzz (a 1,000-run campaign cold, then 20,000 generated scenarios in a fresh process, one worker thread, then one per core, then one-worker processes side by side; about a minute and a half)...\n');
  report.fuzz = await benchFuzz();
}
if (sections.has('plan')) {
  process.stderr.write('bench: plan (scenarios/plans/naive-24h.yaml: 5,000 mailboxes, compiled, run and graded)...\n');
  report.plan = benchPlan();
}
if (sections.has('wire')) {
  process.stderr.write('bench: wire (2,000 messages through one pooled client: the fake Exchange listener vs a bare smtp-server sink, 2 untimed warm-up rounds then 4 timed rounds each, best of each)...\n');
  report.wire = await benchWire();
}
process.stdout.write(json ? JSON.stringify(report) + '\n' : table(report) + '\n');
