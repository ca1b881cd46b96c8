// Reads a scenario file: YAML syntax, then the zod schema, then references between parts of the world. Every
// problem comes back as an InputError naming file, line, column and field path.
import { sourcePath } from './templates.js';
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { checkConsistency } from './check-consistency.js';
import { InputError, formatPath, type InputProblem } from './input-error.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { positionOf } from './yaml-positions.js';
import { resolveEmlTraffic } from './load-eml.js';
import { resolveRouterFiles } from './load-router-files.js';

/** Where a field path sits in the scenario file, for errors found after parsing. */
export type Locate = (path: ReadonlyArray<PropertyKey>, message: string) => InputProblem;

/**
 * Loads a scenario and everything it refers to (.eml files, replayed through mailparser): what the CLI runs.
 */
export async function loadScenario(file: string): Promise<Scenario> {
  const { scenario, locate } = readScenarioDocument(file);
  return resolveRouterFiles(await resolveEmlTraffic(scenario, file, locate), file, locate);
}

/** Loads a scenario file that refers to no other files (no `traffic.eml`, no router files); see loadScenario. */
export function loadScenarioFile(file: string): Scenario {
  return readScenarioDocument(file).scenario;
}

function readScenarioDocument(file: string): { scenario: Scenario; locate: Locate } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError([{ file, line: 0, column: 0, path: '', message: `cannot read: ${(error as Error).message}` }]);
  }
  return parseScenarioDocument(text, file);
}

/** Parses scenario YAML held in memory; `file` names it in errors. */
export function parseScenarioText(text: string, file: string): Scenario {
  return parseScenarioDocument(text, file).scenario;
}

function parseScenarioDocument(text: string, file: string): { scenario: Scenario; locate: Locate } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InputError(doc.errors.map((e) => {
      const pos = lines.linePos(e.pos[0]);
      return { file, line: pos.line, column: pos.col, path: '', message: `YAML: ${e.message.split('\n')[0]}` };
    }));
  }
  let data: unknown;
  try {
    // yaml caps alias expansion (maxAliasCount), so a "billion laughs" file fails fast instead of filling memory.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new InputError([{ file, line: 0, column: 0, path: '', message: `YAML: ${(error as Error).message}` }]);
  }
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) throw new InputError(schemaProblems(parsed.error, doc, lines, file));
  const problems = checkConsistency(parsed.data).map(({ path, message }) => problemAt(doc, lines, file, sourcePath(parsed.data, path), message));
  if (problems.length > 0) throw new InputError(problems);
  return { scenario: parsed.data, locate: (path, message) => problemAt(doc, lines, file, path, message) };
}

/**
 * A union (`crm:` is one organisation or a list) fails in every branch; report the branch that matched the input's
 * shape (its issues are not a type mismatch at the union itself), with paths made absolute.
 */
function unionIssues(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
    const branch = issue.errors.find((errors) => !errors.some((e) => e.code === 'invalid_type' && e.path.length === 0)) ?? issue.errors[0] ?? [];
    return unionIssues(branch.map((e) => ({ ...e, path: [...issue.path, ...e.path] })));
  });
}

function schemaProblems(error: z.ZodError, doc: Document, lines: LineCounter, file: string): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const issue of unionIssues(error.issues)) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push(problemAt(doc, lines, file, [...issue.path, key], 'unknown field', true));
      }
    } else {
      problems.push(problemAt(doc, lines, file, issue.path, issue.message));
    }
  }
  return problems;
}

function problemAt(
  doc: Document, lines: LineCounter, file: string, path: ReadonlyArray<PropertyKey>, message: string, atKey = false,
): InputProblem {
  const { line, column } = positionOf(doc, lines, path, atKey);
  return { file, line, column, path: formatPath(path), message };
}
