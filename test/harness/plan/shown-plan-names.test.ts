// --compare's columns: two plans of one name (a copy tweaked and not renamed) read alike unless their files tell them
// apart; their names alone when they differ.
import { describe, expect, it } from 'vitest';
import { shownPlanNames } from '../../../harness/plan/shown-plan-names.js';

describe('shownPlanNames', () => {
  it('keeps names that differ', () => {
    expect(shownPlanNames([{ file: 'a.yaml', name: 'recommended' }, { file: 'b.yaml', name: 'big-bang' }])).toEqual(['recommended', 'big-bang']);
  });

  it('adds the file to names two plans share, and the whole path where the file names are alike too', () => {
    expect(shownPlanNames([
      { file: 'plans/a.yaml', name: 'x' }, { file: 'plans/b.yaml', name: 'x' }, { file: 'old/a.yaml', name: 'x' }, { file: 'c.yaml', name: 'y' },
    ])).toEqual(['x (plans/a.yaml)', 'x (b.yaml)', 'x (old/a.yaml)', 'y']);
  });
});
