// The player script's fit to the window, on load, on resize and when the description opens or closes (never while
// the clock runs, so nothing jumps during play). A 1280 x 720 or 1024 x 768 projector showed one lane at a time: the
// drawings kept their natural size and the captions sat above them. Now each caption box keeps room for the most it
// will say, the scrubber's labels take the rows they need, and both drawings take the largest common scale at which
// the page fits the window, the lanes' captions using the width the drawings leave. A drawing goes no smaller than
// one pixel per unit (half a pixel left its words 7 pixels high at 1024 x 768): where that does not fit beside the
// captions the drawing takes the lane's width, stacked if need be (script-forms.ts), and where the page does not
// fit at all it scrolls.
export const SCRIPT_FIT = `
// The side column keeps at least this much of the lane's width for the captions (a narrower one makes them tall).
// The drawings never go below the scale at which their smallest words are 12 pixels (drawing-type.ts).
var MIN_PX_PER_UNIT = P.minPxPerUnit, MAX_PX_PER_UNIT = 1.6, SIDE_MIN_PX = 250, SIDE_MIN_SHARE = 0.22;
// Room for the heading and two messages of a lane's latest-messages list, kept below its caption where that costs
// the drawings at most a tenth of their size and never their words' readable size: the drawings first.
var LIST_ROOM_PX = 110, LIST_COST = 0.9;
var listRoom = 0;
var main = document.querySelector('main');

/**
 * Sets target's min-height to the tallest the caption box gets over states ({ key, lines, under, whole }) plus extra
 * (what else target holds), so that a longer caption later on does not push what is below it down while the clock
 * runs.
 */
function reserveCaption(view, states, target, extra) {
  var most = 0;
  target.style.minHeight = '';
  states.forEach(function (s) {
    writeCaption(view, s.key, s.lines, s.under, s.whole);
    // The box's fractional height: offsetHeight rounds it down, and lesson 2's sync side then ran a pixel past a
    // 720-pixel window at 3h (194.27 px of caption reserved as 194).
    most = Math.max(most, view.root.getBoundingClientRect().height);
  });
  target.style.minHeight = Math.ceil(most + extra) + 'px';
}

// Longer than any caption: under a lesson's captions it fills every line the stylesheet lets a step's caption take.
var FILLER = new Array(80).join(' mmmm');

/** What a caption box may show: each instant's lesson captions over each caption that can go under them, or that
 * caption alone as the headline; and, when there is one, the end's (the last captions over the run's totals). */
function captionStates(captions, times, unders, atEnd) {
  var states = [];
  unders.forEach(function (under) { states.push({ key: null, lines: [], under: under, whole: false }); });
  uniqueSorted(times).forEach(function (at) {
    var lines = textsOf(latestGroup(captions, times, at));
    unders.forEach(function (under) { states.push({ key: String(at), lines: lines, under: under, whole: false }); });
  });
  if (atEnd !== null) {
    var last = latestGroup(captions, times, END);
    states.push({ key: last.length ? 'end' : null, lines: textsOf(last), under: atEnd, whole: true });
  }
  return states;
}

function reserveLaneCaptions() {
  narration.lanes.forEach(function (v) {
    // A lane's steps are too many to try each: the filler stands for the tallest any of them can be.
    v.states = v.states || captionStates(v.L.captions, v.L.captionTimes, [FILLER], v.atEnd);
    // The side holds the caption and, below it, the list: its margin counts, its height (what is left) does not.
    var list = v.caption.root.nextElementSibling;
    reserveCaption(v.caption, v.states, v.caption.root.parentNode, (parseFloat(getComputedStyle(list).marginTop) || 0) + listRoom);
  });
}

function reserveSharedCaption() {
  var unders = [START_HINT].concat(SHARED_OPS.map(function (op) { return withRules(op.caption, op.rules); }))
    .filter(function (u, i, all) { return all.indexOf(u) === i; });
  reserveCaption(narration.shared, captionStates(SHARED_CAPTIONS, SHARED_CAPTION_TIMES, unders, null), narration.shared.root, 0);
}

function pageFits() { return document.documentElement.scrollHeight <= window.innerHeight; }

/** Both drawings at s pixels per drawing unit, their lanes' captions reserved for the width left beside them. */
function scaleDrawings(s) {
  views.forEach(function (V) { V.svg.style.width = s === null ? '' : Math.floor(s * V.svg.viewBox.baseVal.width) + 'px'; });
  reserveLaneCaptions();
}

/** The largest scale in [lo, hi] (to a hundredth) at which the page fits the window, found by halving; null when
 * not even lo does. */
function largestFit(lo, hi) {
  scaleDrawings(hi);
  if (pageFits()) return hi;
  scaleDrawings(lo);
  if (!pageFits()) return null;
  while (hi - lo > 0.01) {
    var mid = (lo + hi) / 2;
    scaleDrawings(mid);
    if (pageFits()) lo = mid; else hi = mid;
  }
  return lo;
}

function fitDrawings() {
  listRoom = 0;
  useForm('row');
  var body = views[0].svg.closest('.lane-body');
  var side = Math.max(SIDE_MIN_PX, SIDE_MIN_SHARE * body.clientWidth);
  var gap = parseFloat(getComputedStyle(body).columnGap) || 0;
  var widest = (body.clientWidth - side - gap) / formWidth('row');
  // No room for the row of columns at a readable size beside the captions: they go under it (style-screens.ts).
  var alone = widest < MIN_PX_PER_UNIT;
  main.classList.toggle('one-column', alone);
  if (alone) { fitAlone(body.clientWidth); return; }
  var hi = Math.min(widest, MAX_PX_PER_UNIT);
  var s = largestFit(MIN_PX_PER_UNIT, hi);
  listRoom = LIST_ROOM_PX;
  // Not below MIN_PX_PER_UNIT (a floor of 0.8 pixels per unit, from when the least was half a pixel, let the lists
  // take a scale whose words were under 12 pixels).
  var floor = s === null ? Infinity : Math.max(MIN_PX_PER_UNIT, s * LIST_COST);
  var withList = floor <= hi ? largestFit(floor, hi) : null;
  if (withList !== null) s = withList;
  // Without room for the lists the drawings come first; when nothing fits at all the page scrolls, as little as it
  // can, so the lists take no room either (they kept it, and lesson 4 at 990 pixels, short by a few, scrolled 143).
  else listRoom = 0;
  scaleDrawings(s === null ? MIN_PX_PER_UNIT : s);
  giveSpareToLists();
}

/** The drawing alone across the lane's width: as a row of columns where its words stay readable, else stacked. */
function fitAlone(width) {
  if (width < formWidth('row') * MIN_PX_PER_UNIT) useForm('stack');
  scaleDrawings(Math.min(width / formWidth(views[0].form), MAX_PX_PER_UNIT));
}

/** What the window has left below the lanes goes to their lists of latest messages, half each. */
function giveSpareToLists() {
  var last = views[views.length - 1].svg.closest('section.lane');
  var bottom = last.getBoundingClientRect().bottom + window.scrollY + parseFloat(getComputedStyle(main).paddingBottom);
  var each = Math.floor((window.innerHeight - bottom) / views.length);
  if (each < 1) return;
  var sides = views.map(function (V) { return V.list.parentNode.parentNode; });
  var before = sides.map(function (side) { return side.style.minHeight; });
  sides.forEach(function (side) { side.style.minHeight = (parseFloat(side.style.minHeight) + each) + 'px'; });
  if (!pageFits()) sides.forEach(function (side, i) { side.style.minHeight = before[i]; });
}

/** Lays out everything whose size follows the window's width, in that width. */
function fitWidth() {
  layoutScrubber();
  reserveSharedCaption();
  fitDrawings();
}

// A desktop browser's vertical scroll bar takes the page 15 pixels of width whenever it shows, which it did during
// the fit and not after it, or after and not during: lesson 1 at 900 pixels and lesson 2 at 920 ran 2 or 3 pixels
// past the window sideways. So the fit measures with no bar (a page that fits has none), and a page that still does
// not fit is fitted again with the bar it will have.
var pageRoot = document.documentElement;
function fitPage() {
  pageRoot.style.overflowY = 'hidden';
  fitWidth();
  if (!pageFits()) {
    pageRoot.style.overflowY = 'scroll';
    fitWidth();
  }
  pageRoot.style.overflowY = '';
  // The description's "more" is offered only where the description is cut.
  var description = document.getElementById('description');
  aboutButton.hidden = !header.classList.contains('about-open') && description.scrollHeight <= description.clientHeight + 1;
  render();
}
`;
