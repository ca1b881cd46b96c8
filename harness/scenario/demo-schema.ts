// The `demo:` block of a scenario (issue 10, the trainer view): how the scenario's two lanes differ and the captions a
// lesson tells its class. The file as a whole is the router lane; `demo.sss` (and optionally `demo.router`) replace
// top-level sections to make each lane's variant, which is then validated as a scenario of its own
// (harness/demo/lane-variants.ts), so a fragment's problems are reported at their own line in the file.
import { z } from 'zod';
import { durationMs } from './duration.js';

/** Sections a lane may replace; the traffic, the people and the shared faults stay the same in both lanes. */
export const LANE_SECTIONS = ['description', 'exchange', 'crm', 'router', 'sss', 'expect'] as const;

const laneSchema = z.strictObject({
  description: z.string().optional().describe('What this lane shows.'),
  exchange: z.unknown().optional().describe('Replaces the scenario\'s `exchange:` in this lane (a server-side sync lane needs no forward mailbox or inbox rules).'),
  crm: z.unknown().optional().describe('Replaces `crm:` in this lane (users\' incoming access).'),
  router: z.unknown().optional().describe('Replaces `router:` in this lane; `null` removes the router.'),
  sss: z.unknown().optional().describe('Replaces `sss:` in this lane; `null` removes server-side sync.'),
  expect: z.unknown().optional().describe('Replaces `expect:` for this lane\'s run.'),
  faults: z.array(z.unknown()).optional().describe('This lane\'s own operations (say its cutover steps), added to the shared faults.'),
});

const captionSchema = z.strictObject({
  at: durationMs.describe('When the caption shows, after the start.'),
  lane: z.enum(['router', 'sss', 'both']).default('both').describe('Which lane it speaks about.'),
  text: z.string().min(1).describe('What to tell the class at that moment; cite rule ids (R2, S6, X1) as docs/domain.md names them.'),
});

export const demoSchema = z.strictObject({
  title: z.string().min(1).optional().meta({ description: 'The demo page\'s title (default: the scenario\'s name).', examples: ['Why the router needed a forward mailbox'] }),
  router: laneSchema.optional().describe('How the router lane differs from the file as written (usually not at all).'),
  sss: laneSchema.describe('How the server-side sync lane differs from the file: its `crm`, `sss`, `exchange` and operations.'),
  captions: z.array(captionSchema).default([]).describe('The lesson\'s captions, in any order.'),
});

export type DemoSpec = z.output<typeof demoSchema>;
export type DemoCaptionSpec = DemoSpec['captions'][number];
