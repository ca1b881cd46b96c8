// Smart matching's subject index (S11): subject hash -> the activities that carried it, oldest first. CRM keeps it
// only for smart matching, which is off by default, so callers fill and read it only while smart matching is on:
// every other run pays neither the hash of each subject nor an index entry per activity.

/** Subject hash -> activity ids, oldest first. */
export type SubjectIndex = Map<string, string[]>;

/** Appends in place: a common subject ("Invoice") gathers many ids, and copying its list on every add was quadratic. */
export function addToSubjectIndex(index: SubjectIndex, hash: string, activityId: string): void {
  if (hash.length === 0) return;
  const ids = index.get(hash);
  if (ids === undefined) index.set(hash, [activityId]);
  else ids.push(activityId);
}

/** The activity ids that carried this hash, oldest first (none for an empty hash: no words to compare). */
export function subjectCandidates(index: SubjectIndex, hash: string): readonly string[] {
  return index.get(hash) ?? [];
}
