// The `demo:` block of a scenario (issue 10, the trainer view): how the scenario's two lanes differ and the captions a
// lesson tells its class. The file as a whole is the router lane; `demo.sss` (and optionally `demo.router`) replace
// top-level sections to make each lane's variant, which is then validated as a scenario of its own
// (harness/demo/lane-variants.ts), so a fragment's problems are reported at their own line in the file.
import { z } from 'zod';
import { durationMs, timeAfterStartMs } from './duration.js';

/** Sections a lane may replace; the traffic, the people and the shared faults stay the same in both lanes. */
export const LANE_SECTIONS = ['description', 'exchange', 'crm', 'router', 'sss', 'expect'] as const;

const laneSchema = z.strictObject({
  description: z.string().optional().describe('What this lane shows.'),
  exchange: z.unknown().optional().meta({
    description: 'Replaces the scenario\'s `exchange:` in this lane (a server-side sync lane needs no forward mailbox or inbox rules).',
    examples: [{ acceptedDomains: ['contoso.example'], servers: [{ name: 'ex1', site: 'hq' }], databases: [{ name: 'db1', server: 'ex1' }], mailboxes: [{ address: 'paul@contoso.example', database: 'db1' }] }],
  }),
  crm: z.unknown().optional().meta({ description: 'Replaces `crm:` in this lane (users\' incoming access).', examples: [{ users: [{ address: 'paul@contoso.example', incoming: 'email-router' }] }] }),
  router: z.unknown().optional().meta({ description: 'Replaces `router:` in this lane; `null` removes the router (a lane whose `exchange` has no forward mailbox must remove or replace it).', examples: [null] }),
  sss: z.unknown().optional().meta({ description: 'Replaces `sss:` in this lane; `null` removes server-side sync.', examples: [{ profiles: [{ name: 'exchange', server: 'ex1' }], enabled: 'all' }] }),
  expect: z.unknown().optional().meta({ description: 'Replaces `expect:` for this lane\'s run.', examples: [{ counts: { lost: 0, duplicates: 0 } }] }),
  faults: z.array(z.unknown()).optional().meta({
    description: 'This lane\'s own operations (say its cutover steps), added to the shared faults. A sync lane needs `switchToServerSideSync` here (R14) unless its `sss` has a cutover.',
    examples: [[{ at: '0s', verb: 'switchToServerSideSync', target: 'crm' }]],
  }),
});

const captionSchema = z.strictObject({
  at: timeAfterStartMs.describe('When the caption shows, after the start.'),
  // `sync` is what the narration and `--lane sync` call the server-side sync lane: the same as `sss`.
  lane: z.enum(['router', 'sss', 'sync', 'both']).default('both').transform((lane) => (lane === 'sync' ? 'sss' : lane))
    .describe('Which lane it speaks about (`sync` is the same as `sss`).'),
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
