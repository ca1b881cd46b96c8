import { describe, expect, it } from 'vitest';
import { counted } from '../../../sim/check/counted.js';

describe('counted', () => {
  it('says one in the singular and any other count in the plural', () => {
    expect(counted(1, 'message')).toBe('1 message');
    expect(counted(0, 'message')).toBe('0 messages');
    expect(counted(2, 'accepted copy', 'accepted copies')).toBe('2 accepted copies');
    expect(counted(1, 'accepted copy', 'accepted copies')).toBe('1 accepted copy');
    expect(counted(9726, 'message')).toBe('9,726 messages');
  });
});
