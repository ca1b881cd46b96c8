// The charts' sentences for screen readers (chart-data-html.ts): a run whose mail never waited says so, rather than
// "the backlog was highest at 0" at some instant the tie-break picked (the diff review).
import { describe, expect, it } from 'vitest';
import { timelineSummary } from '../../../harness/report/chart-data-html.js';

const H = 3_600_000;

describe('timelineSummary', () => {
  it('gives the backlog\'s peak, its instant and its end when mail waited', () => {
    const points = [{ atMs: 0, accepted: 0, tracked: 0, backlog: 0 }, { atMs: H, accepted: 10, tracked: 4, backlog: 6 }, { atMs: 2 * H, accepted: 12, tracked: 12, backlog: 0 }];
    expect(timelineSummary(points, [], 2 * H)).toBe('By 2h, 12 messages accepted and 12 tracked; the backlog was highest at 6 (at 1h) and 0 at the end. No fault or operation was applied.');
  });

  it('says nothing waited when the backlog stayed at 0, and nothing was submitted in an empty run', () => {
    const points = [{ atMs: 0, accepted: 0, tracked: 0, backlog: 0 }, { atMs: H, accepted: 3, tracked: 3, backlog: 0 }];
    expect(timelineSummary(points, [], H)).toBe('By 1h, 3 messages accepted and 3 tracked; nothing waited in a backlog. No fault or operation was applied.');
    expect(timelineSummary([], [], H)).toBe('Nothing was submitted.');
  });
});
