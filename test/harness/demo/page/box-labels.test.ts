// What a lane's boxes say: a mailbox without the mail domain all the lane's mailboxes share (the server group names
// it once), a transport without its server's name; a label too wide for its box on more lines, broken between words
// or, in an address, after its punctuation, and cut with an ellipsis only past the lines it may take.
import { describe, expect, it } from 'vitest';
import type { DemoPlace } from '../../../../harness/demo/demo-data.js';
import { boxLabel, groupName, linesWidth, sharedDomain, wrapText } from '../../../../harness/demo/page/box-labels.js';
import { LABEL_STYLE, TAG_STYLE } from '../../../../harness/demo/page/box-metrics.js';
import { textWidth } from '../../../../harness/demo/page/text-width.js';

const mailbox = (label: string): DemoPlace => ({ id: `mailbox:${label}`, label, kind: 'user-mailbox', column: 'exchange', server: 'ex1' });
const TRANSPORT: DemoPlace = { id: 'server:ex1', label: 'ex1 transport', kind: 'transport', column: 'exchange', server: 'ex1' };
const ROUTER: DemoPlace = { id: 'router:router', label: 'E-mail Router (router)', kind: 'router', column: 'processor', server: null };

describe('box labels', () => {
  it('leave out the domain every mailbox shares, and only then', () => {
    const places = [TRANSPORT, mailbox('paul@contoso.example'), mailbox('crm@contoso.example'), ROUTER];
    expect(sharedDomain(places)).toBe('contoso.example');
    expect(places.map((p) => boxLabel(p, 'contoso.example'))).toEqual(['transport', 'paul', 'crm', 'E-mail Router (router)']);
    expect(sharedDomain([...places, mailbox('ops@fabrikam.example')])).toBeNull();
    expect(sharedDomain([...places, mailbox('Public folder')])).toBeNull();
    expect(boxLabel(mailbox('paul@contoso.example'))).toBe('paul@contoso.example');
    expect(groupName('ex1', 'contoso.example')).toBe('Exchange ex1 · @contoso.example');
    expect(groupName('', null)).toBe('Exchange');
  });

  it('wrap between words, each line within the width', () => {
    const lines = wrapText('E-mail Router (router)', 100, LABEL_STYLE, 3);
    expect(lines).toEqual(['E-mail Router', '(router)']);
    for (const line of lines) expect(textWidth(line, LABEL_STYLE.size)).toBeLessThanOrEqual(100);
    expect(wrapText('transport', 100, LABEL_STYLE, 3)).toEqual(['transport']);
  });

  it('break an address too long for a line after its punctuation, and keep every character', () => {
    const lines = wrapText('someone.with.a.long.name@contoso.example', 110, LABEL_STYLE, 5);
    expect(lines.join('')).toBe('someone.with.a.long.name@contoso.example');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/[@.]$/);
    expect(linesWidth(lines, LABEL_STYLE)).toBeLessThanOrEqual(110);
  });

  it('cut only what is past the last line, with an ellipsis', () => {
    const lines = wrapText('one two three four five six seven eight nine ten', 60, LABEL_STYLE, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(linesWidth(lines, LABEL_STYLE)).toBeLessThanOrEqual(60);
  });

  it('estimate widths as DejaVu Sans sets them (the widest of the common interface fonts), never less', () => {
    // Measured in Chromium: DOWN in bold at 12 px is 43.44 px wide, "paul" at 13 px 28.07, "E-mail Router" 87.97.
    for (const [text, style, px] of [['DOWN', TAG_STYLE, 43.44], ['paul', LABEL_STYLE, 28.07], ['E-mail Router', LABEL_STYLE, 87.97]] as const) {
      const estimate = textWidth(text, style.size, style.weight);
      expect(estimate, text).toBeGreaterThanOrEqual(px);
      expect(estimate, text).toBeLessThan(px * 1.03);
    }
    // A character the table does not know counts as wide as the widest letters.
    expect(textWidth('é', 10)).toBeGreaterThan(textWidth('e', 10));
  });
});
