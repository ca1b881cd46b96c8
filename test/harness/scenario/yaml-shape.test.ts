// YAML a scenario never means is refused where it is written (the adversarial review found these reported at the
// top of the file, or in the yaml library's words, or as warnings on stderr).
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { InputError } from '../../../harness/scenario/input-error.js';
import { unquotedTemplate } from '../../../harness/scenario/yaml-shape.js';

function problems(text: string): string[] {
  try {
    parseScenarioText(text, 'bad.yaml');
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
    throw error;
  }
  return [];
}

const HEAD = 'kind: scenario\nname: shapes\nseed: 1\nstart: 2026-01-05T08:00:00Z\nhorizon: 1h\n';

describe('YAML shapes the harness does not read', () => {
  it('refuses keys that are not names, at the key', () => {
    expect(problems(`${HEAD}toy: {}\n1: x\n~: y\n? [a, b]\n: z\n`)).toEqual([
      "7:1: a key must be a name; this one is the number 1: quote it ('1') if a name is meant",
      '8:1: a key must be a name; this one is empty (~ or null)',
      '9:3: a key must be a name; this one is a list or map',
    ]);
    expect(problems(`${HEAD}description: &d toy\n*d : {}\n`)).toEqual(['7:1: a key must be a name written out; this one is an alias (*d)']);
    // A quoted '<<' is a name like any other (and no field of a scenario).
    expect(problems(`${HEAD}toy: {}\n'<<': 1\n`)).toEqual(['7:1: unknown field']);
  });

  it('refuses merge keys and tags, and says one document per file', () => {
    expect(problems(`${HEAD}defaults: &d { messages: 3 }\ntoy:\n  <<: *d\n`)).toEqual(['8:3: merge keys (<<) are not part of YAML 1.2 and not read here: write the fields out']);
    expect(problems(`${HEAD}description: !!binary aGVsbG8=\ntoy: {}\n`)).toEqual(['6:23: YAML tags (!!binary) are not read here: write the plain value']);
    expect(problems(`${HEAD}description: !custom x\ntoy: {}\n`)).toEqual(['6:22: YAML tags (!custom) are not read here: write the plain value']);
    expect(problems(`${HEAD}description: !!str 5\ntoy: {}\n`)).toEqual([]);
    // On a map or list, and on the whole document, as much as on a value (the diff review).
    expect(problems(`${HEAD}toy: !custom { messages: 5 }\n`)).toEqual(['6:14: YAML tags (!custom) are not read here: write the plain value']);
    expect(problems(`!custom\n${HEAD}toy: {}\n`)).toHaveLength(1);
    expect(problems(`${HEAD}toy: {}\nfaults: !list []\n`)).toEqual(['7:15: YAML tags (!list) are not read here: write the plain value']);
    expect(problems(`${HEAD}toy: {}\n---\n${HEAD}`)).toEqual(['7:1: YAML: one YAML document per file: a second one starts here']);
  });

  it('says a file nested thousands deep is nested too deeply, once', () => {
    const deep = `${HEAD}toy: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    const found = problems(deep);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^\d+:\d+: YAML: nested too deeply to read$/);
  });

  it('says a syntax error once, where it starts: what follows is the parser losing its footing (the docs audit: 293 lines)', () => {
    const tabs = problems(`${HEAD}toy:\n\tmessages: 3\n\tbatchSize: 2\n\tpollInterval: 1m\n`);
    expect(tabs).toEqual(['7:1: YAML: Tabs are not allowed as indentation']);
    // Duplicate keys are mistakes of their own, each said, up to the first other error.
    expect(problems(`${HEAD}toy: {}\nseed: 2\ndrain: 1d\ndrain: 2d\nfaults: [\n`)).toEqual([
      '7:1: YAML: Map keys must be unique',
      '9:1: YAML: Map keys must be unique',
      '11:1: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('says that a {n} template in flow style ({ ... }, [ ... ]) is to be quoted', () => {
    const exchange = (mailbox: string) => `${HEAD}exchange:\n  acceptedDomains: [contoso.example]\n  servers: [{ name: ex1 }]\n  databases: [{ name: db1, server: ex1 }]\n  mailboxes:\n${mailbox}`;
    expect(problems(exchange('    - { address: u{n}@contoso.example, database: db1, count: 3 }\n'))).toEqual([
      '11:19: YAML: Unexpected flow-map-start at node end: quote the {n} template, "u{n}@contoso.example" (inside { ... } or [ ... ], or at the start of a value, YAML reads its braces as a mapping)',
    ]);
    expect(problems(exchange('    - address: {n}@contoso.example\n      database: db1\n      count: 3\n'))).toEqual([
      '11:19: YAML: Unexpected scalar at node end: quote the {n} template, "{n}@contoso.example" (inside { ... } or [ ... ], or at the start of a value, YAML reads its braces as a mapping)',
    ]);
    expect(problems(exchange('    - { address: "u{n}@contoso.example", database: db1, count: 3 }\n'))).toEqual([]);
    expect(problems(exchange('    - address: u{n}@contoso.example\n      database: db1\n      count: 3\n'))).toEqual([]);
  });

  it('finds the template to quote after a colon inside a value, past quoted ones, and not inside quotes', () => {
    expect(unquotedTemplate('    - { address: u{n}@contoso.example, database: db1 }')).toBe('u{n}@contoso.example');
    expect(unquotedTemplate('x: a:u{n}@c')).toBe('a:u{n}@c');
    expect(unquotedTemplate('x: "q{n}":r{n}s')).toBe('r{n}s');
    expect(unquotedTemplate(`x: "q{n}", 'p{n}'`)).toBeUndefined();
    expect(unquotedTemplate('no template here')).toBeUndefined();
  });

  it('says a syntax error on a line of hundreds of thousands of characters without trying every start on it (the security review: 44 s)', () => {
    // The regular expression this replaced took time quadratic in the line; 600,000 characters would have taken
    // minutes, past the test's timeout.
    const line = `x: [a, ${':a'.repeat(300_000)} ]]`;
    expect(problems(`${HEAD}${line}\n`)).toHaveLength(1);
    expect(unquotedTemplate(`x: [${'"{n}'.repeat(150_000)}`)).toBeUndefined();
  });

  it('reads up to 100 uses of anchors, as the docs say, and refuses the 101st (the docs audit: 100 was refused)', () => {
    const uses = (n: number) => `${HEAD}description: &d toy\ntoy: {}\ndemo: [${Array(n).fill('*d').join(', ')}]\n`;
    // Past the aliases, `demo` is a list where an object belongs: the alias check let the file through.
    expect(problems(uses(100))).toEqual([expect.stringMatching(/^8:7: expected a mapping of fields/)]);
    // Said at the first alias, where the file starts reusing values (it was 0:0).
    expect(problems(uses(101))).toEqual([expect.stringMatching(/^8:8: YAML: aliases expand to too much \(over 100 uses of anchors\)/)]);
  });

  it('says an alias used before its anchor is set as that, at the alias (the docs audit: it was called an alias bomb)', () => {
    expect(problems(`${HEAD}description: *s\ntoy: {}\n`)).toEqual(['6:14: YAML: *s comes before any anchor &s: set the anchor first, where the value is written out']);
    expect(problems(`${HEAD}description: *s\nname2: &s x\n`)).toEqual(['6:14: YAML: *s comes before any anchor &s: set the anchor first, where the value is written out']);
  });
});

