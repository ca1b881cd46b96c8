// lowerCase is toLowerCase that hands back the very string when nothing would change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerCase } from '../../../fakes/mail/lower-case.js';

describe('lowerCase', () => {
  it('equals toLowerCase on any string, ASCII or not', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => lowerCase(s) === s.toLowerCase()));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => lowerCase(s) === s.toLowerCase()));
    for (const s of ['Bob@Contoso.example', '<ID@X>', 'ÉLODIE@contoso.example', 'straße@contoso.example', 'İ', '']) expect(lowerCase(s)).toBe(s.toLowerCase());
  });

  it('equals toLowerCase for every UTF-16 code unit, alone and inside lower-case ASCII text', () => {
    for (let code = 0; code < 0x10000; code++) {
      const unit = String.fromCharCode(code);
      for (const s of [unit, `a${unit}b`]) if (lowerCase(s) !== s.toLowerCase()) expect(lowerCase(s)).toBe(s.toLowerCase());
    }
  });

  it('lower-cases capitals, and leaves lower-case ASCII as it is', () => {
    expect(lowerCase('Bob@Contoso.Example')).toBe('bob@contoso.example');
    expect(lowerCase('<message-1@fabrikam.example>')).toBe('<message-1@fabrikam.example>');
  });
});
