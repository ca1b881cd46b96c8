// A plan's grade, from what its run shows (thresholds in docs/plan.md): Perfect (nothing lost, untracked or
// duplicated), Good (nothing lost or duplicated, at most 0.1 % untracked), Investigate (nothing lost, at most 1 %
// untracked and at most 1 duplicate activity per 10,000 tracked), Poor (anything worse).
export const GRADES = ['Perfect', 'Good', 'Investigate', 'Poor'] as const;
export type Grade = (typeof GRADES)[number];

/** Untracked share of eligible mail a Good plan may leave. */
export const GOOD_UNTRACKED_SHARE = 0.001;
/** Untracked share an Investigate plan may leave. */
export const INVESTIGATE_UNTRACKED_SHARE = 0.01;
/** Duplicate activities an Investigate plan may leave, per 10,000 tracked messages. */
export const INVESTIGATE_DUPLICATES_PER_10K = 1;

export interface GradeInputs {
  readonly lost: number;
  readonly tracked: number;
  readonly untracked: number;
  readonly duplicates: number;
}

export function gradeOf({ lost, tracked, untracked, duplicates }: GradeInputs): Grade {
  const eligible = Math.max(1, tracked + untracked);
  if (lost === 0 && untracked === 0 && duplicates === 0) return 'Perfect';
  if (lost === 0 && duplicates === 0 && untracked / eligible <= GOOD_UNTRACKED_SHARE) return 'Good';
  if (lost === 0 && untracked / eligible <= INVESTIGATE_UNTRACKED_SHARE && duplicates * 10_000 <= INVESTIGATE_DUPLICATES_PER_10K * Math.max(1, tracked)) return 'Investigate';
  return 'Poor';
}

/** Is `grade` at least `floor`? */
export function meetsGrade(grade: Grade, floor: Grade): boolean {
  return GRADES.indexOf(grade) <= GRADES.indexOf(floor);
}
