// Message sizes as scenarios write them: `20KB`, `36MB`, or a bare number of bytes.
import { z } from 'zod';

const UNIT_BYTES = { B: 1, KB: 1024, MB: 1024 * 1024 } as const;

export const sizeBytes = z.union([z.number().int().nonnegative(), z.string().meta({ pattern: '^\\s*(\\d+(\\.\\d+)?)\\s*(B|KB|MB)\\s*$' })]).transform((value, ctx) => {
  if (typeof value === 'number') return value;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB)\s*$/.exec(value);
  if (match === null) {
    ctx.addIssue({ code: 'custom', message: `expected a size like 20KB or 36MB, got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return Math.round(Number(match[1]) * UNIT_BYTES[match[2] as keyof typeof UNIT_BYTES]);
}).meta({ title: 'size', description: 'A message size: 20KB, 36MB, or whole bytes.' });
