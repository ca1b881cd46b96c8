// "Did you mean ...?" for a misspelt name: the known name nearest by edit distance, when it is near enough to be a slip
// of the keyboard (one or two letters: addresses of one domain differ from each other by little more than that, so a
// looser bound would name some other mailbox). For a word that is no slip but names part of a choice (`stop` for
// `stopInbound`), the names that share a word with it.

/**
 * Edit distance with insertions, deletions, substitutions and swaps of two neighbouring letters, each costing one
 * (optimal string alignment): `dwon` is one slip from `down`, not two.
 */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const above = rows[i - 1] as number[];
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, ((rows[i - 2] as number[])[j - 2] ?? 0) + 1);
      row[j] = best;
    }
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] ?? 0;
}

export function closestName(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.min(2, Math.floor(name.length / 4))) + 1;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean 'x'?)`, or nothing when no known name is near. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const closest = closestName(name, known);
  return closest === undefined ? '' : ` (did you mean '${closest}'?)`;
}

/** The words of a name: `testAndEnable` -> test, and, enable; `before-process-email-from` -> before, process, ... */
function wordsOf(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
}

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * The known names with a word that is one of `name`'s, give or take an ending (`restoring` ~ `restore`, `fail` ~
 * `failover`, not `restoring` ~ `restart`), in their own order.
 */
export function namesSharingAWord(name: string, known: Iterable<string>): string[] {
  const given = wordsOf(name).filter((w) => w.length >= 3);
  const alike = (a: string, b: string) => sharedPrefix(a, b) >= Math.max(3, Math.min(a.length, b.length) - 1);
  return [...known].filter((candidate) => wordsOf(candidate).some((w) => given.some((g) => alike(g, w))));
}
