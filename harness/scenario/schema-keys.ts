// The field names a zod schema allows at a path in the data, for "did you mean" on an unknown field. Walks zod 4's
// definitions (`_zod.def`), the only place the shape of a wrapped schema (optional, default, union, pipe) is kept.
import type { z } from 'zod';

interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly in?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly keyType?: z.ZodType;
  readonly entries?: Record<string, string | number>;
  readonly left?: z.ZodType;
  readonly right?: z.ZodType;
  readonly getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The object schemas a schema can be, wrappers and unions unwrapped. */
function objectsOf(schema: z.ZodType, depth = 0): Array<Record<string, z.ZodType>> {
  if (depth > 20) return [];
  const def = defOf(schema);
  if (def.shape !== undefined) return [def.shape];
  // A record keyed by an enum (`expect.checks`): its keys are the enum's values.
  const keys = def.keyType === undefined ? undefined : defOf(def.keyType).entries;
  if (keys !== undefined && def.valueType !== undefined) return [Object.fromEntries(Object.values(keys).map((k) => [String(k), def.valueType as z.ZodType]))];
  const inner = def.innerType ?? def.in ?? def.getter?.();
  if (inner !== undefined) return objectsOf(inner, depth + 1);
  return [...(def.options ?? []), ...(def.left === undefined ? [] : [def.left]), ...(def.right === undefined ? [] : [def.right])]
    .flatMap((option) => objectsOf(option, depth + 1));
}

/** The schemas a step of the path (a key, or an array index) leads to. */
function step(schema: z.ZodType, key: PropertyKey, depth = 0): z.ZodType[] {
  if (depth > 20) return [];
  const def = defOf(schema);
  if (typeof key === 'number' && def.element !== undefined) return [def.element];
  if (def.shape !== undefined) return def.shape[String(key)] === undefined ? [] : [def.shape[String(key)] as z.ZodType];
  if (def.valueType !== undefined && typeof key === 'string') return [def.valueType];
  const inner = def.innerType ?? def.in ?? def.getter?.();
  if (inner !== undefined) return step(inner, key, depth + 1);
  return [...(def.options ?? []), ...(def.left === undefined ? [] : [def.left]), ...(def.right === undefined ? [] : [def.right])]
    .flatMap((option) => step(option, key, depth + 1));
}

export function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let at = [schema];
  for (const key of path) at = at.flatMap((s) => step(s, key));
  return [...new Set(at.flatMap((s) => objectsOf(s)).flatMap((shape) => Object.keys(shape)))];
}
