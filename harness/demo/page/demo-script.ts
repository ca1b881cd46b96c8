// The trainer view's only script, inlined: its parts (model, readers, the drawings' forms, lanes, dot keys, narration, inspector, scrubber, fit,
// player, keys) joined in one function scope, in the order they depend on each other. It reads the page's JSON
// block, never the network.
import { SCRIPT_DOT_KEYS } from './script-dot-keys.js';
import { SCRIPT_FIT } from './script-fit.js';
import { SCRIPT_FORMS } from './script-forms.js';
import { SCRIPT_INSPECTOR } from './script-inspector.js';
import { SCRIPT_KEYS } from './script-keys.js';
import { SCRIPT_LANES } from './script-lanes.js';
import { SCRIPT_MODEL } from './script-model.js';
import { SCRIPT_NARRATION } from './script-narration.js';
import { SCRIPT_PLAYER } from './script-player.js';
import { SCRIPT_READS } from './script-reads.js';
import { SCRIPT_SCRUBBER } from './script-scrubber.js';

export const DEMO_SCRIPT = `
(function () {
'use strict';
${SCRIPT_MODEL}${SCRIPT_READS}${SCRIPT_FORMS}${SCRIPT_LANES}${SCRIPT_DOT_KEYS}${SCRIPT_NARRATION}${SCRIPT_INSPECTOR}${SCRIPT_SCRUBBER}${SCRIPT_FIT}${SCRIPT_PLAYER}${SCRIPT_KEYS}
})();
`;
