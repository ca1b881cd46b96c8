// The player script's words: the clock, each lane's counters as of t (replaying its counter events), and the captions.
// A lesson's own caption, once reached, stays as the headline until the next one; under it (or as the headline when
// the lesson says nothing) the caption of the latest step or operation, with the rule ids that explain it.
export const SCRIPT_NARRATION = `
function setText(el, text) { if (el.textContent !== text) el.textContent = text; }

function captionView(root) {
  return { root: root, main: root.querySelector('.main'), sub: root.querySelector('.sub'), headline: null };
}

function showCaption(view, headline, latestText) {
  // A new lesson caption glows for a moment, so the class looks at it (step captions change too often for that).
  if (headline !== null && headline !== view.headline && view.main.animate) {
    view.main.animate([{ backgroundColor: '#fff0a8' }, { backgroundColor: 'rgba(255, 240, 168, 0)' }], { duration: 1200 });
  }
  view.headline = headline;
  setText(view.main, headline !== null ? headline : (latestText || ''));
  setText(view.sub, headline !== null ? (latestText || '') : '');
  // Nothing to say yet: the box keeps its room (no jump when the first words come) but shows nothing.
  view.root.classList.toggle('quiet', view.main.textContent === '');
}

/** What happened last in a lane at or before t: its latest step or operation (an operation wins a tie). */
function latestHappening(L, t) {
  var e = latest(L.timeline, L.timelineTimes, t), op = latest(L.ops, L.opTimes, t);
  if (op !== null && (e === null || op.atMs >= e.atMs)) return withRules(op.caption, op.rules);
  if (e === null) return null;
  var s = L.lane.messages[e.m].steps[e.s];
  return withRules(s.caption, s.rules);
}

function narrationView() {
  return {
    clock: document.getElementById('clock'),
    elapsed: document.getElementById('elapsed'),
    shared: captionView(document.getElementById('shared-caption')),
    lanes: LANES.map(function (L) {
      var section = document.querySelector('section.lane[data-lane="' + L.id + '"]');
      var counters = {};
      COUNTERS.forEach(function (c) { counters[c] = section.querySelector('[data-counter="' + c + '"]'); });
      return { L: L, caption: captionView(section.querySelector('.lane-caption')), counters: counters };
    })
  };
}

function drawNarration(N, t) {
  setText(N.clock, clockAt(t));
  setText(N.elapsed, '+' + duration(t) + ' of ' + duration(END));
  N.lanes.forEach(function (v) {
    var counts = countersAt(v.L, t);
    COUNTERS.forEach(function (c) { if (v.counters[c]) setText(v.counters[c], String(counts[c])); });
    var lesson = latest(v.L.captions, v.L.captionTimes, t);
    showCaption(v.caption, lesson ? lesson.text : null, latestHappening(v.L, t));
  });
  var shared = latest(SHARED_CAPTIONS, SHARED_CAPTION_TIMES, t), op = latest(SHARED_OPS, SHARED_OP_TIMES, t);
  var opText = op ? withRules(op.caption, op.rules) : (t === 0 ? 'Press Space to play, or → to step through what happens.' : '');
  showCaption(N.shared, shared ? shared.text : null, opText);
}
`;
