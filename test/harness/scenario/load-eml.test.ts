// .eml replay: real messages parsed with mailparser enter the model with their Message-ID, subject and recipients.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, loadScenarioFile } from '../../../harness/scenario/load-scenario.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { exchangeScenarioText } from '../../helpers/exchange-scenario.js';
import { InputError, formatProblem } from '../../../harness/scenario/input-error.js';

const fixtures = fileURLToPath(new URL('../../fixtures/eml/', import.meta.url));

function scenarioFile(traffic: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mailflow-eml-')), 'replay.yaml');
  writeFileSync(file, exchangeScenarioText({ traffic }));
  return file;
}

describe('.eml replay', () => {
  it('parses a real message (encoded subject, quoted-printable body) and delivers it to its header recipients', async () => {
    const scenario = await loadScenario(scenarioFile(`{ eml: [{ at: 5m, file: ${join(fixtures, 'order.eml')} }] }`));
    const message = scenario.traffic!.messages[0]!;
    expect(message).toMatchObject({
      at: 300_000, from: 'dana@partner.example', to: ['alice@contoso.example', 'bob@contoso.example'],
      subject: 'Bestellung für März', messageId: '<order-4711@partner.example>', inReplyTo: '<earlier-1@contoso.example>',
    });
    const run = runScenario(scenario);
    expect(run.ledger.get('<order-4711@partner.example>')!.placements.map((p) => p.mailbox)).toEqual(['alice@contoso.example', 'bob@contoso.example']);
  });

  it('keeps a message without Message-ID without one, and honours an envelope override', async () => {
    const scenario = await loadScenario(scenarioFile(`{ eml: [{ at: 1m, file: ${join(fixtures, 'no-message-id.eml')}, to: [bob@contoso.example] }] }`));
    expect(scenario.traffic!.messages[0]).toMatchObject({ messageId: null, to: ['bob@contoso.example'] });
    expect(runScenario(scenario).counts).toMatchObject({ delivered: 1, lost: 0 });
  });

  it('names the entry when a file is missing or its sender is unknown', async () => {
    const missing = scenarioFile('{ eml: [{ at: 1m, file: nowhere.eml }] }');
    await expect(loadScenario(missing)).rejects.toThrow(/replay\.yaml:\d+:\d+: traffic\.eml\[0\]\.file: cannot read .*nowhere\.eml/);
    const stranger = scenarioFile(`{ eml: [{ at: 1m, file: ${join(fixtures, 'stranger.eml')} }] }`);
    await expect(loadScenario(stranger)).rejects.toThrow(/traffic\.eml\[0\]\.file: replayed message: no outside sender sends for 'stranger\.example'/);
  });

  it('refuses to build a world whose .eml traffic was not loaded', () => {
    const scenario = loadScenarioFile(scenarioFile(`{ eml: [{ at: 1m, file: ${join(fixtures, 'order.eml')} }] }`));
    expect(() => runScenario(scenario)).toThrow(/loadScenario/);
  });

  it('sizes a message as SMTP carries it, so an LF copy of a CRLF file meets a size limit alike', async () => {
    const crlf = readFileSync(join(fixtures, 'no-message-id.eml'));
    const dir = mkdtempSync(join(tmpdir(), 'mailflow-eml-'));
    writeFileSync(join(dir, 'crlf.eml'), crlf);
    writeFileSync(join(dir, 'lf.eml'), crlf.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
    const file = join(dir, 'replay.yaml');
    writeFileSync(file, exchangeScenarioText({ traffic: '{ eml: [{ at: 1m, file: crlf.eml }, { at: 2m, file: lf.eml }] }' }));
    const sizes = (await loadScenario(file)).traffic!.messages.map((m) => m.size);
    expect(readFileSync(join(dir, 'lf.eml')).length).toBeLessThan(crlf.length);
    expect(sizes).toEqual([crlf.length, crlf.length]);
  });

  it('finds its files beside the scenario file, not beside a symlink to it', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mailflow-eml-home-'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'mailflow-eml-link-'));
    for (const [dir, subject] of [[home, 'the real one'], [elsewhere, 'a stranger beside the link']] as const) {
      mkdirSync(join(dir, 'mail'));
      writeFileSync(join(dir, 'mail', 'm.eml'), readFileSync(join(fixtures, 'no-message-id.eml'), 'latin1').replace('Subject: no id', `Subject: ${subject}`), 'latin1');
    }
    writeFileSync(join(home, 'replay.yaml'), exchangeScenarioText({ traffic: '{ eml: [{ at: 1m, file: mail/m.eml }] }' }));
    symlinkSync(join(home, 'replay.yaml'), join(elsewhere, 'replay.yaml'));
    const viaLink = await loadScenario(join(elsewhere, 'replay.yaml'));
    expect(viaLink.traffic!.messages[0]!.subject).toBe('the real one');
  });

  // mailparser refuses some messages outright (its limits on MIME parts and header size); each is bad input at its
  // entry, exit 2, where it used to escape as a crash with a stack trace (exit 3).
  it('reports a message mailparser refuses at its entry, saying which limit it passed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailflow-eml-refused-'));
    const head = 'From: dana@partner.example\r\nTo: alice@contoso.example\r\n';
    const deep = Array.from({ length: 1_100 }, (_, i) => `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n`).join('');
    writeFileSync(join(dir, 'deep.eml'), `${head}${deep}Content-Type: text/plain\r\n\r\nx\r\n`);
    const parts = Array.from({ length: 1_100 }, () => '--B\r\nContent-Type: text/plain\r\n\r\nx\r\n').join('');
    writeFileSync(join(dir, 'wide.eml'), `${head}Content-Type: multipart/mixed; boundary="B"\r\n\r\n${parts}--B--\r\n`);
    writeFileSync(join(dir, 'long.eml'), `${head}Subject: ${'a'.repeat(1024 * 1024)}\r\n\r\nbody\r\n`);
    const file = join(dir, 'replay.yaml');
    const entries = ['deep.eml', 'wide.eml', 'long.eml'].map((name, i) => `{ at: ${i + 1}m, file: ${name} }`).join(', ');
    writeFileSync(file, exchangeScenarioText({ traffic: `{ eml: [${entries}] }` }));
    const error = await loadScenario(file).then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    const parts1000 = 'mailparser refused the message: the message has over 1,000 MIME parts (nested or side by side) (Max allowed child nodes exceeded)';
    expect((error as InputError).problems.map(formatProblem)).toEqual([
      `${file}:19:34: traffic.eml[0].file: deep.eml: ${parts1000}`,
      `${file}:19:62: traffic.eml[1].file: wide.eml: ${parts1000}`,
      `${file}:19:90: traffic.eml[2].file: long.eml: mailparser refused the message: a MIME part's header block is over 1 MB (Max header size for a MIME node exceeded)`,
    ]);
  });
});
