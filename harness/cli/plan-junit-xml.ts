// `mailflow plan --junit FILE`: the plans as JUnit XML for CI systems. One testsuite per plan file, one testcase, its
// grade: failed exactly when the grade is below the file's `expect.grade` (what makes the exit code 1); a plan that
// expects no grade passes. The figures a reviewer looks at first are the testsuite's properties.
import { buildJunitXml } from './junit-xml.js';
import type { Grade } from '../plan/grade.js';
import type { PlanCounts } from '../plan/plan-metrics.js';

export interface JudgedPlan {
  readonly file: string;
  readonly plan: string;
  readonly grade: Grade;
  readonly expectedGrade: Grade | null;
  readonly met: boolean;
  /** The seed, or `seeds 1, 2, 3` for a sweep. */
  readonly seeds: string;
  readonly counts: Readonly<Pick<PlanCounts, 'tracked' | 'untracked' | 'duplicates' | 'lost'>>;
  readonly recommendations: readonly string[];
  /** The command that runs it again. */
  readonly reproduce: string;
}

export function toPlanJunitXml(plans: readonly JudgedPlan[]): string {
  const failures = plans.filter((p) => !p.met).length;
  return buildJunitXml({
    testsuites: {
      '@_name': 'mailflow plan', '@_tests': plans.length, '@_failures': failures, '@_errors': 0, '@_skipped': 0,
      testsuite: plans.map((p) => ({
        '@_name': p.plan, '@_tests': 1, '@_failures': p.met ? 0 : 1, '@_errors': 0, '@_skipped': 0, '@_file': p.file,
        properties: {
          property: [
            ['file', p.file], ['seeds', p.seeds], ['grade', p.grade], ['expectedGrade', p.expectedGrade ?? 'none'],
            ...Object.entries(p.counts).map(([name, value]) => [`counts.${name}`, value] as const),
          ].map(([name, value]) => ({ '@_name': name, '@_value': value })),
        },
        testcase: gradeCase(p),
      })),
    },
  });
}

function gradeCase(p: JudgedPlan): object {
  const base = { '@_name': 'grade', '@_classname': `${p.plan}.plan`, '@_time': 0 };
  const headline = `${p.grade}${p.expectedGrade === null ? '' : ` (expected at least ${p.expectedGrade})`}`;
  const advice = p.recommendations.map((r) => `- ${r}`).join('\n');
  if (p.met) return { ...base, 'system-out': `${headline}\n${advice}` };
  return { ...base, failure: { '@_message': headline, '@_type': 'grade', '#text': `${headline}\n${advice}\nreproduce: ${p.reproduce}` } };
}
