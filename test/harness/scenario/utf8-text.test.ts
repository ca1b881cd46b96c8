// Scenario and plan files are UTF-8 text: a UTF-16 file used to be quoted whole in a YAML error, and a Latin-1 one
// read with U+FFFD in place of its accents, silently (the adversarial review).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../harness/scenario/load-scenario.js';

const TEXT = 'kind: scenario\nname: accents\nseed: 1\nstart: 2026-01-05T08:00:00Z\nhorizon: 1h\ndescription: Bestellung für März\ntoy: {}\n';

async function refusal(bytes: Buffer): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'mailflow-utf8-')), 's.yaml');
  writeFileSync(file, bytes);
  return loadScenario(file).then(() => 'loaded', (error: Error) => error.message.replace(file, 's.yaml'));
}

describe('scenario text', () => {
  it('reads UTF-8, with or without a byte order mark', async () => {
    expect(await refusal(Buffer.from(TEXT, 'utf8'))).toBe('loaded');
    expect(await refusal(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]))).toBe('loaded');
  });

  it('refuses Latin-1 at the first byte that is not UTF-8', async () => {
    expect(await refusal(Buffer.from(TEXT, 'latin1'))).toBe('s.yaml:6:26: a byte that is not UTF-8 (Latin-1, perhaps): save the file as UTF-8');
  });

  it('refuses UTF-16 and binary files without quoting them', async () => {
    expect(await refusal(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]))).toBe('s.yaml: the file is UTF-16 (it starts with a UTF-16 byte order mark): save it as UTF-8');
    expect(await refusal(Buffer.from(`${TEXT}\0\0\0`, 'utf8'))).toBe('s.yaml:8:1: a NUL byte: a binary file, not text');
  });
});
