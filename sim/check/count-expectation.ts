// An `expect.counts` entry: an exact number, which holds only for the scenario file's own seed, or a comparison
// such as ">= 10", which holds for any seed (design.md, "Verdict").

export type ComparisonOperator = '==' | '>=' | '<=' | '>' | '<';

export interface CountExpectation {
  readonly operator: ComparisonOperator;
  readonly value: number;
  /** A bare number or `== n`: checked only when the run uses the file's own seed. */
  readonly exact: boolean;
}

const COMPARISON = /^\s*(==|>=|<=|>|<)\s*(\d+)\s*$/;

/** Parses `12`, `"12"`, `">= 10"`; returns an error message for anything else. */
export function parseCountExpectation(input: number | string): CountExpectation | string {
  if (typeof input === 'number' || /^\s*\d+\s*$/.test(input)) {
    const value = Number(input);
    if (!Number.isSafeInteger(value) || value < 0) return `expected a whole number >= 0, got ${input}`;
    return { operator: '==', value, exact: true };
  }
  const match = COMPARISON.exec(input);
  if (match === null) return `expected a number or a comparison like ">= 10", got ${JSON.stringify(input)}`;
  const operator = match[1] as ComparisonOperator;
  const value = Number(match[2]);
  if (!Number.isSafeInteger(value)) return `the number in ${JSON.stringify(input)} is too large`;
  return { operator, value, exact: operator === '==' };
}

export function holds(expectation: CountExpectation, actual: number): boolean {
  switch (expectation.operator) {
    case '==': return actual === expectation.value;
    case '>=': return actual >= expectation.value;
    case '<=': return actual <= expectation.value;
    case '>': return actual > expectation.value;
    case '<': return actual < expectation.value;
  }
}

export function describeExpectation(expectation: CountExpectation): string {
  return `${expectation.operator} ${expectation.value}`;
}
