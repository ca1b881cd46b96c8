// docs/domain.md and docs/design.md are the team's shared notes as a clone gets them (run output and these docs cite
// rule ids that only domain.md defines). The notes live beside the repository (../shared/docs/) where the team works;
// wherever both are present, the copies must say exactly what the notes say, below their preface.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SHARED = '../shared/docs';

describe.each(['domain.md', 'design.md'])('docs/%s', (name) => {
  const shared = `${SHARED}/${name}`;

  it('opens with a preface that says what it is and where it comes from', () => {
    const copy = readFileSync(`docs/${name}`, 'utf8');
    expect(copy).toMatch(/^> .*\n(> .*\n)*\n# /);
    expect(copy).toContain(`\`${shared}\``);
  });

  // Outside the team's working tree (a fresh clone, CI) the notes are not there and this is skipped: a change to the
  // copy must be made to the shared notes too, by whoever owns them (docs/contributing.md).
  it.skipIf(!existsSync(shared))(`is the team's ${SHARED}/${name} below the preface${existsSync(shared) ? '' : ` (skipped: no ${shared} here)`}`, () => {
    const copy = readFileSync(`docs/${name}`, 'utf8');
    const body = copy.slice(copy.indexOf('\n\n# ') + 2);
    expect(body).toBe(readFileSync(shared, 'utf8'));
  });
});
