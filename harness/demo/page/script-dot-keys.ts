// The player script's keyboard way to the messages: the dots were SVG shapes only a mouse could click, and the
// latest-messages list, the only other way in, has no room on a projector's screen. Each lane's drawing is one Tab
// stop (a roving tabindex: hundreds of dots in the Tab order would bury the controls); the arrow keys move between its
// shown dots column by column, Enter or Space opens the inspector (Home and End stay the page's: start and end).
export const SCRIPT_DOT_KEYS = `
/** The lane's shown dots in reading order: by column (x), then top to bottom. */
function shownDots(V) {
  return V.dots.filter(function (d) { return d.shown; }).sort(function (a, b) { return a.x - b.x || a.y - b.y || a.mi - b.mi; });
}

/** Keeps exactly one shown dot of the lane in the Tab order; moves the focus along if its dot was hidden. */
function rovingDot(V) {
  var current = V.tabDot;
  if (current !== null && current.shown) return;
  var hadFocus = current !== null && document.activeElement === current.el;
  if (current !== null) current.el.setAttribute('tabindex', '-1');
  var next = shownDots(V)[0] || null;
  V.tabDot = next;
  if (next === null) return;
  next.el.setAttribute('tabindex', '0');
  if (hadFocus) next.el.focus();
}

/** Puts dot d in the lane's Tab order instead of the one there. */
function tabToDot(V, d) {
  if (V.tabDot !== null) V.tabDot.el.setAttribute('tabindex', '-1');
  V.tabDot = d;
  d.el.setAttribute('tabindex', '0');
}

function focusDot(V, d) { tabToDot(V, d); d.el.focus(); }

/** The dot of message mi if the lane shows it (now the lane's Tab stop), else the lane's Tab stop (null: none shown). */
function focusableDot(V, mi) {
  var d = V.dots[mi];
  if (d && d.shown) tabToDot(V, d);
  return V.tabDot === null ? null : V.tabDot.el;
}

function dotKeys(V) {
  V.layer.addEventListener('keydown', function (e) {
    var mi = e.target.getAttribute && e.target.getAttribute('data-message');
    if (mi === null || mi === undefined || e.ctrlKey || e.metaKey || e.altKey) return;
    var dots = shownDots(V), i = dots.indexOf(V.dots[Number(mi)]), to = null;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') to = dots[Math.min(i + 1, dots.length - 1)];
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') to = dots[Math.max(i - 1, 0)];
    else if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); e.stopPropagation(); openInspector(V.L, Number(mi), e.target); return; }
    else return;
    // The arrows are the dot's own here: the page's (step in time) do not also run.
    e.preventDefault();
    e.stopPropagation();
    if (to) focusDot(V, to);
  });
}
`;
