// The player script's words: the clock, each lane's counters as of t (replaying its counter events), and the captions.
// A lesson's own captions, once reached, stay as the headline until the next ones: every caption of that instant, one
// under another in the lesson's order (a lesson may say two things at once). Under them (or as the headline when the
// lesson says nothing) the caption of the latest step or operation, with the rule ids that explain it. A lane's run
// totals are told at the end only, as such: shown from the start, next to counters at 0, they gave the ending away.
// A screen reader hears the lesson's captions only, once each as they are reached, from one atomic live region: the
// caption boxes were live regions themselves, and their step captions made 62 announcements in 10 s of lesson 2.
export const SCRIPT_NARRATION = `
var START_HINT = 'Press Space to play, or → to step through what happens; ? lists the keys.';
var announcer = document.getElementById('announcer');
var reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

function setText(el, text) { if (el.textContent !== text) el.textContent = text; }

function captionView(root) {
  return { root: root, main: root.querySelector('.main'), sub: root.querySelector('.sub'), key: null, lines: null };
}

/**
 * Writes a caption box: the lesson's captions of one instant (lines, one element each) with the latest step's or
 * operation's caption under them, or that caption alone as the headline when key is null (the lesson has said
 * nothing yet). Under-captions are cut to a few lines, as they change with every step; whole says not to cut one
 * (the run's totals at the end).
 */
function writeCaption(view, key, lines, under, whole) {
  var head = key === null ? (under ? [under] : []) : lines, below = key === null ? '' : (under || '');
  var text = head.join('\\n');
  if (view.lines !== text) {
    view.main.textContent = '';
    head.forEach(function (line) {
      var span = document.createElement('span');
      span.className = 'line';
      span.textContent = line;
      view.main.appendChild(span);
    });
    view.lines = text;
  }
  view.main.classList.toggle('happening', key === null && !whole);
  setText(view.sub, below);
  view.sub.title = whole && view.fullEnd ? view.fullEnd : below;
  view.sub.classList.toggle('whole', !!whole);
  // Nothing to say yet: the box keeps its room (no jump when the first words come) but shows nothing.
  view.root.classList.toggle('quiet', text === '' && below === '');
}

/**
 * key: which lesson captions these are (their instant), or null when the headline is a step's or operation's. New
 * lesson captions go on \`news\`, for the announcer.
 */
function showCaption(view, key, lines, under, whole, news) {
  if (key !== null && key !== view.key) {
    news.push.apply(news, lines);
    // They glow for a moment, so the class looks at them (step captions change too often for that); not for a
    // viewer who asked for less motion.
    if (view.main.animate && !reducedMotion.matches) {
      view.main.animate([{ backgroundColor: '#fff0a8' }, { backgroundColor: 'rgba(255, 240, 168, 0)' }], { duration: 1200 });
    }
  }
  view.key = key;
  writeCaption(view, key, lines, under, whole);
}

/** Says the lesson captions reached by this render, each once, in one announcement. */
function announce(news) {
  var text = news.filter(function (line, i) { return news.indexOf(line) === i; }).join(' ');
  if (text !== '') announcer.textContent = text;
}

/** What happened last in a lane at or before t: its latest step that is not minor, or operation (an operation wins a tie). */
function latestHappening(L, t) {
  var e = latest(L.headlines, L.headlineTimes, t), op = latest(L.ops, L.opTimes, t);
  if (op !== null && (e === null || op.atMs >= e.atMs)) return withRules(op.caption, op.rules);
  if (e === null) return null;
  var s = L.lane.messages[e.m].steps[e.s];
  return withRules(s.caption, s.rules);
}

function textsOf(captions) { return captions.map(function (c) { return c.text; }); }

function narrationView() {
  return {
    clock: document.getElementById('clock'),
    elapsed: document.getElementById('elapsed'),
    shared: captionView(document.getElementById('shared-caption')),
    lanes: LANES.map(function (L) {
      var section = document.querySelector('section.lane[data-lane="' + L.id + '"]');
      var counters = {};
      COUNTERS.forEach(function (c) { counters[c] = section.querySelector('[data-counter="' + c + '"]'); });
      var caption = captionView(section.querySelector('.lane-caption'));
      // The end's line names what the counters do not; its tooltip, every count of the run.
      caption.fullEnd = 'The run: ' + section.getAttribute('data-run-summary');
      return { L: L, caption: caption, counters: counters, atEnd: 'At the end: ' + section.getAttribute('data-summary') };
    })
  };
}

function drawNarration(N, t) {
  var news = [];
  setText(N.clock, clockAt(t));
  setText(N.elapsed, '+' + duration(t) + ' of ' + duration(END));
  N.lanes.forEach(function (v) {
    var counts = countersAt(v.L, t);
    COUNTERS.forEach(function (c) { if (v.counters[c]) setText(v.counters[c], String(counts[c])); });
    var lesson = latestGroup(v.L.captions, v.L.captionTimes, t);
    var under = t >= END ? v.atEnd : latestHappening(v.L, t);
    showCaption(v.caption, lesson.length ? String(lesson[0].atMs) : null, textsOf(lesson), under, t >= END, news);
  });
  var shared = latestGroup(SHARED_CAPTIONS, SHARED_CAPTION_TIMES, t), op = latest(SHARED_OPS, SHARED_OP_TIMES, t);
  var opText = op ? withRules(op.caption, op.rules) : (t === 0 ? START_HINT : '');
  // The shared caption's first: it comes first on the page too.
  var laneNews = news.splice(0);
  showCaption(N.shared, shared.length ? String(shared[0].atMs) : null, textsOf(shared), opText, false, news);
  announce(news.concat(laneNews));
}
`;
