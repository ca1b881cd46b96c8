// Reads a plan file: YAML, the plan schema, then what only the whole plan shows (check-plan.ts); problems name file,
// line, column and field path (exit 2).
import { parseYamlWith, readTextFile } from '../scenario/load-scenario.js';
import { planSchema, type Plan } from './plan-schema.js';
import { planProblems } from './check-plan.js';

export function loadPlanFile(file: string): Plan {
  return parsePlanText(readTextFile(file), file);
}

export function parsePlanText(text: string, file: string): Plan {
  return parseYamlWith(planSchema, text, file, (plan) => planProblems(plan, file));
}
