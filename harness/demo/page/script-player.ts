// The player script's clock and controls: virtual time advancing at the chosen speed on animation frames, play,
// pause, step to the next (or previous) event, jump to the next fault or operation, the scrubber, the keyboard
// shortcuts, and `window.demo` so a test can drive the page and read what it shows.
export const SCRIPT_PLAYER = `
var state = { t: 0, playing: false, speed: P.speed, last: 0 };
var views = LANES.map(laneView);
var narration = narrationView();
var scrubber = document.getElementById('scrubber');
var playButton = document.getElementById('btn-play');
var speedSelect = document.getElementById('speed');

function render() {
  var t = state.t;
  views.forEach(function (V) { drawLane(V, t, selectedDot(V), state.playing); });
  drawNarration(narration, t);
  drawInspector(t);
  if (Number(scrubber.value) !== Math.round(t)) scrubber.value = String(Math.round(t));
  setText(playButton, state.playing ? '❚❚ Pause' : '▶ Play');
  if (Number(speedSelect.value) !== state.speed) speedSelect.value = String(state.speed);
}

function seek(ms) {
  var t = Number(ms);
  state.t = Math.min(Math.max(isNaN(t) ? 0 : t, 0), END);
  render();
}

// A frame advances the clock by the real time since the last one (capped, so a hidden tab does not leap ahead).
function frame(now) {
  if (!state.playing) return;
  var dt = Math.min(Math.max(now - state.last, 0), 250);
  state.last = now;
  state.t = Math.min(state.t + dt * P.speeds[state.speed].msPerS / 1000, END);
  if (state.t >= END) state.playing = false;
  render();
  if (state.playing) requestAnimationFrame(frame);
}

function play() {
  if (state.playing) return;
  if (state.t >= END) state.t = 0;
  state.playing = true;
  // The browser's clock paces the animation only; which step shows at virtual time t comes from the data alone.
  state.last = performance.now();
  requestAnimationFrame(frame);
  render();
}
function pause() { state.playing = false; render(); }
function toggle() { if (state.playing) pause(); else play(); }
function step() {
  state.playing = false;
  var i = upper(EVENTS, state.t);
  if (i < EVENTS.length) seek(EVENTS[i]); else render();
}
function stepBack() {
  state.playing = false;
  var i = lower(EVENTS, state.t) - 1;
  seek(i >= 0 ? EVENTS[i] : 0);
}
function nextOperation() {
  var i = upper(OP_TIMES, state.t);
  if (i < OP_TIMES.length) seek(OP_TIMES[i]);
}
function setSpeed(i) { state.speed = Math.min(Math.max(i, 0), P.speeds.length - 1); render(); }

function on(id, handler) {
  document.getElementById(id).addEventListener('click', function (e) { handler(); e.currentTarget.blur(); });
}
on('btn-play', toggle);
on('btn-step', step);
on('btn-next-op', nextOperation);
on('btn-start', function () { seek(0); });
on('btn-end', function () { state.playing = false; seek(END); });
document.getElementById('inspector-close').addEventListener('click', closeInspector);
speedSelect.addEventListener('change', function () { setSpeed(Number(speedSelect.value)); });
scrubber.addEventListener('input', function () { seek(Number(scrubber.value)); });
Array.prototype.forEach.call(document.querySelectorAll('.op-mark'), function (b) {
  b.addEventListener('click', function () { seek(Number(b.getAttribute('data-at'))); b.blur(); });
});

var KEYS = {
  ' ': toggle, 'ArrowRight': step, 'ArrowLeft': stepBack, 'n': nextOperation, 'N': nextOperation,
  '+': function () { setSpeed(state.speed + 1); }, '=': function () { setSpeed(state.speed + 1); },
  '-': function () { setSpeed(state.speed - 1); }, '_': function () { setSpeed(state.speed - 1); },
  'Home': function () { seek(0); }, 'End': function () { state.playing = false; seek(END); },
  'Escape': closeInspector
};
document.addEventListener('keydown', function (e) {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  var tag = e.target && e.target.tagName;
  // A focused list or button keeps its own keys (Space and Enter press a button, arrows choose a speed).
  if (tag === 'SELECT' || (tag === 'BUTTON' && (e.key === ' ' || e.key === 'Enter'))) return;
  var handler = Object.prototype.hasOwnProperty.call(KEYS, e.key) ? KEYS[e.key] : null;
  if (handler === null) return;
  e.preventDefault();
  handler();
});

// Both lanes on one screen where they can be: on a wide screen the drawings give up height until the page fits the
// window, but never below one pixel per drawing unit (smaller, the boxes' labels are unreadable from the back of a
// room; the page scrolls instead). On load and on resize only, so nothing jumps while the clock runs.
function fitDrawings() {
  var svgs = views.map(function (V) { return V.svg; });
  svgs.forEach(function (s) { s.style.maxHeight = ''; });
  var excess = document.documentElement.scrollHeight - window.innerHeight;
  if (excess <= 0) return;
  svgs.forEach(function (s) {
    var h = s.getBoundingClientRect().height, readable = Math.min(s.viewBox.baseVal.height, h);
    s.style.maxHeight = Math.floor(Math.max(h - excess / svgs.length, readable)) + 'px';
  });
}
window.addEventListener('resize', fitDrawings);
fitDrawings();

window.demo = {
  seek: seek, play: play, pause: pause, step: step,
  state: function () {
    var counters = {};
    LANES.forEach(function (L) { counters[L.id] = countersAt(L, state.t); });
    return { t: state.t, endMs: END, playing: state.playing, speedMsPerS: P.speeds[state.speed].msPerS,
      counters: counters, events: EVENTS.length,
      inspector: inspector.L === null ? null : { lane: inspector.L.id, messageId: inspector.L.lane.messages[inspector.mi].messageId } };
  }
};
render();
`;
