// The POP3 reply reader on its own (no server): replies split anywhere across chunks, byte-stuffing undone (RFC 1939),
// empty bodies, and errors, which are single-line even for commands that expect a body.
import { describe, expect, it } from 'vitest';
import { Pop3ReplyReader } from '../../../fakes/wire/mailstore/pop3-replies.js';

const RETR = '+OK 52 octets\r\nSubject: x\r\n\r\n..starts with a dot\r\n...two\r\nplain\r\n.\r\n+OK bye\r\n';

describe('Pop3ReplyReader', () => {
  it('reads a multi-line reply split at every byte, and the reply after it', () => {
    const reader = new Pop3ReplyReader();
    const replies = [];
    let multiline = true;
    for (const byte of Buffer.from(RETR)) {
      reader.push(Buffer.from([byte]));
      const reply = reader.next(multiline);
      if (reply !== null) {
        replies.push(reply);
        multiline = false;
      }
    }
    expect(replies.map((r) => [r.ok, r.text, r.body?.toString()])).toEqual([
      [true, '52 octets', 'Subject: x\r\n\r\n.starts with a dot\r\n..two\r\nplain\r\n'],
      [true, 'bye', undefined],
    ]);
  });

  it('reads an empty listing and an error', () => {
    const reader = new Pop3ReplyReader();
    reader.push(Buffer.from('+OK\r\n.\r\n-ERR no such message\r\n'));
    expect(reader.next(true)).toEqual({ ok: true, text: '', body: Buffer.alloc(0) });
    expect(reader.next(true)).toEqual({ ok: false, text: 'no such message', body: null });
    expect(reader.next(false)).toBeNull();
  });

  it('waits for the terminator', () => {
    const reader = new Pop3ReplyReader();
    reader.push(Buffer.from('+OK\r\n1 abc\r\n.\r'));
    expect(reader.next(true)).toBeNull();
    reader.push(Buffer.from('\n'));
    expect(reader.next(true)?.body?.toString()).toBe('1 abc\r\n');
  });

  it('refuses a line that is no POP3 reply', () => {
    const reader = new Pop3ReplyReader();
    reader.push(Buffer.from('* OK IMAP ready\r\n'));
    expect(() => reader.next(false)).toThrow(/unexpected reply line/);
  });
});
