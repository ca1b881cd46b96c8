// The player script's clock and controls: virtual time advancing at the chosen speed on animation frames, play,
// pause (and, unless the trainer turns it off, a pause at each instant the lesson says something, so the class can
// read it), step to the next (or previous) event or caption, jump to the next fault or operation, the scrubber and
// its ticks, the help, and `window.demo` so a test can drive the page and read it (the keys are script-keys.ts).
/** How long the window's size must hold still before the page fits itself to it again (a fit lays it out a dozen times). */
export const RESIZE_SETTLE_MS = 120;

export const SCRIPT_PLAYER = `
var state = { t: 0, playing: false, speed: P.speed, last: 0, pauseAtCaptions: true };
var views = LANES.map(laneView);
var narration = narrationView();
var scrubber = document.getElementById('scrubber');
var playButton = document.getElementById('btn-play');
var speedSelect = document.getElementById('speed');
var pauseBox = document.getElementById('pause-at-captions');
var helpPanel = document.getElementById('help');
var helpButton = document.getElementById('btn-help');
var header = document.querySelector('header.top');
var aboutButton = document.getElementById('btn-about');

function render() {
  var t = state.t;
  views.forEach(function (V) { drawLane(V, t, selectedDot(V), state.playing); });
  drawNarration(narration, t);
  drawInspector(t);
  if (Number(scrubber.value) !== Math.round(t)) scrubber.value = String(Math.round(t));
  // The slider's value is milliseconds: a screen reader says the clock instead.
  var when = clockAt(t) + ', ' + duration(t) + ' of ' + duration(END);
  if (scrubber.getAttribute('aria-valuetext') !== when) scrubber.setAttribute('aria-valuetext', when);
  // Queued dots pulse only while the clock runs (WCAG 2.2.2: a pause stops what moves).
  document.body.classList.toggle('playing', state.playing);
  setText(playButton, state.playing ? '❚❚ Pause' : '▶ Play');
  if (Number(speedSelect.value) !== state.speed) speedSelect.value = String(state.speed);
  pauseBox.checked = state.pauseAtCaptions;
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
  var next = Math.min(state.t + dt * P.speeds[state.speed].msPerS / 1000, END);
  // A caption passed at speed is a caption nobody read: stop on its instant (play goes on from there).
  var c = upper(CAPTION_TIMES, state.t);
  if (state.pauseAtCaptions && c < CAPTION_TIMES.length && CAPTION_TIMES[c] <= next) {
    next = CAPTION_TIMES[c];
    state.playing = false;
  }
  state.t = next;
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
/** Pauses and goes to the next instant of \`times\` after now (none: stays), or the last before now (none: the start). */
function nextOf(times) {
  state.playing = false;
  var i = upper(times, state.t);
  if (i < times.length) seek(times[i]); else render();
}
function previousOf(times) {
  state.playing = false;
  var i = lower(times, state.t) - 1;
  seek(i >= 0 ? times[i] : 0);
}
function step() { nextOf(EVENTS); }
function stepBack() { previousOf(EVENTS); }
function nextOperation() {
  var i = upper(OP_TIMES, state.t);
  if (i < OP_TIMES.length) seek(OP_TIMES[i]);
}
function nextCaption() { nextOf(CAPTION_TIMES); }
function previousCaption() { previousOf(CAPTION_TIMES); }
function setPauseAtCaptions(on) { state.pauseAtCaptions = !!on; render(); }
function toggleHelp(open) {
  helpPanel.hidden = open === undefined ? !helpPanel.hidden : !open;
  helpButton.setAttribute('aria-expanded', String(!helpPanel.hidden));
}
// The description is cut to a line or two so the lanes fit; the trainer can open it to read it to the class.
function toggleAbout() {
  var open = !header.classList.contains('about-open');
  header.classList.toggle('about-open', open);
  aboutButton.setAttribute('aria-expanded', String(open));
  setText(aboutButton, open ? 'less' : 'more');
  fitPage();
}
function closeOverlays() {
  // The focus leaves a closing help panel for its button, as it leaves the inspector for what opened it.
  if (!helpPanel.hidden && helpPanel.contains(document.activeElement)) helpButton.focus();
  toggleHelp(false);
  closeInspector();
}
function setSpeed(i) { state.speed = Math.min(Math.max(i, 0), P.speeds.length - 1); render(); }

/**
 * A control the mouse pressed lets the focus go, so Space and the arrows go on playing and stepping (a trainer clicks,
 * then talks over the keyboard); one the keyboard pressed keeps it, so a keyboard user keeps their place (the keys,
 * script-keys, leave a focused control's own keys to it).
 */
function releaseIfPointer(el) { if (byPointer && el.blur) el.blur(); }
function on(id, handler) {
  var el = document.getElementById(id);
  el.addEventListener('click', function () { handler(); releaseIfPointer(el); });
}
on('btn-play', toggle);
on('btn-step', step);
on('btn-next-op', nextOperation);
on('btn-prev-caption', previousCaption);
on('btn-next-caption', nextCaption);
on('btn-help', function () { toggleHelp(); });
on('btn-about', toggleAbout);
pauseBox.addEventListener('change', function () { setPauseAtCaptions(pauseBox.checked); releaseIfPointer(pauseBox); });
on('btn-start', function () { seek(0); });
on('btn-end', function () { state.playing = false; seek(END); });
document.getElementById('inspector-close').addEventListener('click', closeInspector);
speedSelect.addEventListener('change', function () { setSpeed(Number(speedSelect.value)); });
scrubber.addEventListener('input', function () { seek(Number(scrubber.value)); });
Array.prototype.forEach.call(document.querySelectorAll('.op-mark, .caption-mark'), function (b) {
  b.addEventListener('click', function () { state.playing = false; seek(Number(b.getAttribute('data-at'))); releaseIfPointer(b); });
});

// A fit takes 100 to 200 ms (it lays the page out a dozen times): a window dragged to a new size fires resize on
// every frame, so the page fits once, when the resizing has paused for a moment.
var RESIZE_SETTLE_MS = ${RESIZE_SETTLE_MS}, resizeTimer = 0;
window.addEventListener('resize', function () {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(fitPage, RESIZE_SETTLE_MS);
});

window.demo = {
  seek: seek, play: play, pause: pause, step: step, nextCaption: nextCaption, previousCaption: previousCaption,
  setPauseAtCaptions: setPauseAtCaptions,
  state: function () {
    var counters = {};
    LANES.forEach(function (L) { counters[L.id] = countersAt(L, state.t); });
    return { t: state.t, endMs: END, playing: state.playing, speedMsPerS: P.speeds[state.speed].msPerS, pauseAtCaptions: state.pauseAtCaptions,
      counters: counters, events: EVENTS.length,
      inspector: inspector.L === null ? null : { lane: inspector.L.id, messageId: inspector.L.lane.messages[inspector.mi].messageId } };
  }
};
fitPage();
`;
