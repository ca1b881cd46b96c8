// What --compare calls each plan in its table, progress bar and report: the plan's `name`, and, where two plans share
// one (a copy of a plan tweaked and not renamed), the name with its file, so that no two columns read alike. The
// JSON keeps each plan's own name beside its file.
import { basename } from 'node:path';

export function shownPlanNames(plans: ReadonlyArray<{ readonly file: string; readonly name: string }>): string[] {
  const count = (of: (p: { file: string; name: string }) => string, key: string) => plans.filter((p) => of(p) === key).length;
  return plans.map((p) => {
    if (count((q) => q.name, p.name) === 1) return p.name;
    const short = basename(p.file);
    return `${p.name} (${count((q) => `${q.name} (${basename(q.file)})`, `${p.name} (${short})`) === 1 ? short : p.file})`;
  });
}
