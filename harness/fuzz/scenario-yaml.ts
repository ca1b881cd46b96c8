// Scenario data as YAML text in the shipped scenarios' style: sections in block style, each list entry that holds
// only plain values on one line (`- { at: 90s, verb: down, target: ex1 }`).
import { Document, isMap, isScalar, isSeq, visit } from 'yaml';

export function scenarioYaml(data: unknown, header: readonly string[] = []): string {
  // A list shared by two entries (a plan's daily curve) is written out twice, not as an anchor and an alias.
  const doc = new Document(data, { aliasDuplicateObjects: false });
  visit(doc, {
    Map(_, node) {
      if (node.items.every((pair) => isScalar(pair.value) || (isSeq(pair.value) && pair.value.items.every(isScalar)))) node.flow = true;
    },
    Seq(_, node) {
      if (node.items.every(isScalar)) node.flow = true;
    },
  });
  // A top-level map stays in block style even when all its values are plain.
  if (isMap(doc.contents)) doc.contents.flow = false;
  const comments = header.map((line) => `# ${line}`.trimEnd()).join('\n');
  return (comments === '' ? '' : `${comments}\n`) + doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}
