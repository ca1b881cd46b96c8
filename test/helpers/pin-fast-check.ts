// Pins fast-check's seed for every property in the suite (design.md: CI pins seeds), so a run of the tests is the
// same run every time and a red CI means a change, not a draw. MAILFLOW_FC_SEED picks another seed for exploring
// locally; a failing property prints its seed and path either way, to replay with `fc.assert(..., { seed, path })`.
import fc from 'fast-check';

const DEFAULT_SEED = 20_261_206;
const chosen = process.env['MAILFLOW_FC_SEED']?.trim();
const seed = chosen === undefined || chosen === '' ? DEFAULT_SEED : Number(chosen);
if (!Number.isSafeInteger(seed)) throw new Error(`MAILFLOW_FC_SEED must be an integer, got '${chosen}'`);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
