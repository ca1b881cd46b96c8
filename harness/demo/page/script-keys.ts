// The player script's keyboard shortcuts. A focused control keeps the keys it uses itself: Space ticks the "pause at
// captions" box (it started playback), the arrow keys move the time slider, Space and Enter press a button; the page's
// shortcuts take the rest. Page Up and Page Down stay the page's everywhere (a presenter's remote sends them, whatever
// was clicked last). The single-key shortcuts can be turned off in the help (WCAG 2.1.4: a speech user's words or a
// screen reader's keys must not set the player going); Page Up, Page Down and Esc stay on. The choice is remembered.
export const SCRIPT_KEYS = `
/** Was the last press the mouse's (or a finger's), not a key's? Read by the controls to let the focus go. */
var byPointer = false;
document.addEventListener('pointerdown', function () { byPointer = true; }, true);
document.addEventListener('keydown', function () { byPointer = false; }, true);
var KEYS = {
  ' ': toggle, 'ArrowRight': step, 'ArrowLeft': stepBack, 'n': nextOperation, 'N': nextOperation,
  '+': function () { setSpeed(state.speed + 1); }, '=': function () { setSpeed(state.speed + 1); },
  '-': function () { setSpeed(state.speed - 1); }, '_': function () { setSpeed(state.speed - 1); },
  // A presenter's remote sends Page Down and Page Up: they walk the lesson caption by caption.
  'PageDown': nextCaption, '.': nextCaption, 'PageUp': previousCaption, ',': previousCaption,
  'p': function () { setPauseAtCaptions(!state.pauseAtCaptions); }, 'P': function () { setPauseAtCaptions(!state.pauseAtCaptions); },
  '?': function () { toggleHelp(); },
  'Home': function () { seek(0); }, 'End': function () { state.playing = false; seek(END); },
  'Escape': closeOverlays
};
/** What stays on with the single-key shortcuts turned off. */
var ALWAYS_ON = { 'PageDown': true, 'PageUp': true, 'Escape': true };
var SLIDER_KEYS = { 'ArrowRight': true, 'ArrowLeft': true, 'ArrowUp': true, 'ArrowDown': true, 'Home': true, 'End': true };

/** Is the key the focused control's own (what it does with it natively)? */
function ownKey(target, key) {
  var tag = target && target.tagName, type = tag === 'INPUT' ? target.type : '';
  // A list or a text field keeps its keys, but for Esc and the remote's Page Up and Page Down.
  if (tag === 'SELECT' || tag === 'TEXTAREA' || (tag === 'INPUT' && type !== 'checkbox' && type !== 'range')) return ALWAYS_ON[key] !== true;
  if (type === 'checkbox') return key === ' ';
  if (type === 'range') return SLIDER_KEYS[key] === true;
  if (tag === 'BUTTON' || tag === 'A' || (target && target.getAttribute && target.getAttribute('role') === 'button')) return key === ' ' || key === 'Enter';
  return false;
}

var shortcutsBox = document.getElementById('shortcuts-on');
var STORED_KEY = 'mailflow-demo-shortcuts';
function storedShortcuts() { try { return window.localStorage.getItem(STORED_KEY) !== 'off'; } catch (e) { return true; } }
shortcutsBox.checked = storedShortcuts();
shortcutsBox.addEventListener('change', function () {
  try { window.localStorage.setItem(STORED_KEY, shortcutsBox.checked ? 'on' : 'off'); } catch (e) { /* a file the browser gives no storage */ }
});

document.addEventListener('keydown', function (e) {
  if (e.ctrlKey || e.metaKey || e.altKey || ownKey(e.target, e.key)) return;
  var handler = Object.prototype.hasOwnProperty.call(KEYS, e.key) ? KEYS[e.key] : null;
  if (handler === null || (!shortcutsBox.checked && !ALWAYS_ON[e.key])) return;
  e.preventDefault();
  handler();
});
`;
