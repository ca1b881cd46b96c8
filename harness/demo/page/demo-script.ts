// The trainer view's only script, inlined: its parts (model, lanes, narration, inspector, player) joined in one
// function scope, in the order they depend on each other. It reads the page's JSON block, never the network.
import { SCRIPT_INSPECTOR } from './script-inspector.js';
import { SCRIPT_LANES } from './script-lanes.js';
import { SCRIPT_MODEL } from './script-model.js';
import { SCRIPT_NARRATION } from './script-narration.js';
import { SCRIPT_PLAYER } from './script-player.js';

export const DEMO_SCRIPT = `
(function () {
'use strict';
${SCRIPT_MODEL}${SCRIPT_LANES}${SCRIPT_NARRATION}${SCRIPT_INSPECTOR}${SCRIPT_PLAYER}
})();
`;
