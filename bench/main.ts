// `npm run bench`: runs the benchmarks and prints a table, or with `--json` exactly one JSON object on stdout
// (design.md lists the keys; a section not built yet is null). Progress goes to stderr.
import { benchEngine, type EngineBench } from './engine-bench.js';

interface BenchReport {
  engine: EngineBench | null;
  scale: null;
  fuzz: null;
  plan: null;
  wire: null;
}

function table(report: BenchReport): string {
  const rows: string[] = [];
  for (const [section, figures] of Object.entries(report)) {
    if (figures === null) {
      rows.push(`${section.padEnd(8)} (not built yet)`);
      continue;
    }
    for (const [name, value] of Object.entries(figures as Record<string, number>)) {
      rows.push(`${section.padEnd(8)} ${name.padEnd(22)} ${value.toLocaleString('en-US').padStart(14)}`);
    }
  }
  return rows.join('\n');
}

const json = process.argv.includes('--json');
process.stderr.write('bench: engine (2M events through 1,000 actors vs a bare heap, 3 rounds each; 10M-event memory run)...\n');
const report: BenchReport = { engine: benchEngine(), scale: null, fuzz: null, plan: null, wire: null };
process.stdout.write(json ? JSON.stringify(report) + '\n' : table(report) + '\n');
