// An offender as the summary and the vitest matchers print it: its Message-ID and addresses are the input's (a
// scenario's, an SMTP client's), so they are shown escaped and each line stays one line (the security review: a
// Message-ID moved the cursor up and wrote a PASS over the FAIL).
import { describe, expect, it } from 'vitest';
import { formatOffender } from '../../../harness/run/format-offender.js';
import { holdsControlCharacters } from '../../../harness/scenario/terminal-text.js';

const SPOOF = '\r\u001b[5A\u001b[2Kspoof (s.yaml), seed 11, virtual: PASS\u001b[4B\r\u001b[2K';
const NEW_LINE = 'x@partner.example>\n    ok   no-lost-mail: pass, every accepted copy is accounted for';

describe('formatOffender', () => {
  it('prints a hostile Message-ID and address as visible escapes, one line per step', () => {
    const offender = {
      messageId: `<${SPOOF}@partner.example>`,
      detail: 'accepted for alice\u001b[8m@contoso.example, no copy left',
      path: [{ atMs: 3_600_000, step: 'submitted', detail: `from ${NEW_LINE} to alice\u009b8m@contoso.example` }, { atMs: 14_400_000, step: 'removed', detail: 'alice@contoso.example: rolled-back' }],
    };
    const lines = formatOffender(offender, '  ');
    expect(lines).toHaveLength(1 + offender.path.length);
    for (const line of lines) {
      expect(holdsControlCharacters(line), line).toBe(false);
      expect(line.startsWith('  ')).toBe(true);
    }
    expect(lines[0]).toContain('\\u001b[5A');
    expect(lines[1]).toContain('x@partner.example>\\n    ok   no-lost-mail');
    expect(lines[1]).toContain('alice\\u009b8m@contoso.example');
  });

  it('leaves an ordinary offender as it was', () => {
    const lines = formatOffender({ messageId: '<müller-1@fabrikam.example>', detail: 'no copy left', path: [{ atMs: 0, step: 'accepted', detail: 'anna@contoso.example' }] }, '');
    expect(lines).toEqual(['<müller-1@fabrikam.example>: no copy left', '  0s  accepted anna@contoso.example']);
  });
});
