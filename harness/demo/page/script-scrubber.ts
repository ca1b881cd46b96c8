// The player script's scrubber labels, laid out for the track's real width (on load and on resize; a fixed guess of
// the width let labels run into each other on a small screen and hid a marker under its neighbour's label): each
// operation's label goes right of its marker, or left of it where the track ends (or, wider than either side, as near
// as the track allows), in the first row where it touches no other label, with as many rows as that takes. So every
// marker keeps its name on screen, and a click on the name jumps to it even where another label covers its line. The
// time scale's labels too are for the real width: on a narrow track (a phone) every other one, or fewer, so that none
// overlaps the one before it.
export const SCRIPT_SCRUBBER = `
var LABEL_GAP_PX = 8, MARKER_PX = 3;

function layoutScrubber() {
  var marks = document.querySelector('.scrubber .marks');
  var width = marks.clientWidth;
  var items = Array.prototype.map.call(marks.querySelectorAll('.op-mark'), function (b) {
    var label = b.querySelector('.op-label');
    label.style.maxWidth = width + 'px';
    return { label: label, at: Number(b.getAttribute('data-at')), i: Number(b.getAttribute('data-op')), w: label.offsetWidth };
  }).sort(function (a, b) { return a.at - b.at || a.i - b.i; });
  var rowH = items.length ? items[0].label.offsetHeight : 0, rows = [];
  items.forEach(function (it) {
    var x = END > 0 ? it.at / END * width : 0, r = 0;
    var from = x + MARKER_PX * 2;
    if (from + it.w > width) from = x - it.w - 1 >= 0 ? x - it.w - 1 : Math.max(width - it.w, 0);
    var to = from + it.w;
    while (r < rows.length && rows[r].some(function (s) { return from < s[1] + LABEL_GAP_PX && s[0] < to + LABEL_GAP_PX; })) r++;
    if (r === rows.length) rows.push([]);
    rows[r].push([from, to]);
    // The label is its marker's child, placed from the marker's line (a border of MARKER_PX).
    it.label.style.left = (from - x - MARKER_PX) + 'px';
    it.label.style.top = (r * rowH) + 'px';
  });
  var captionRow = marks.querySelector('.caption-row');
  marks.style.height = (rows.length * rowH + captionRow.offsetHeight) + 'px';
  thinTicks();
}

function thinTicks() {
  var ticks = Array.prototype.slice.call(document.querySelectorAll('.scrubber .tick'));
  ticks.forEach(function (t) { t.style.visibility = ''; });
  var every = 1;
  function overlaps() {
    var shown = ticks.filter(function (t, i) { return i % every === 0; }), right = -Infinity;
    return shown.some(function (t) {
      var r = t.getBoundingClientRect(), hit = r.left < right + LABEL_GAP_PX;
      right = r.right;
      return hit;
    });
  }
  while (every < ticks.length && overlaps()) every++;
  ticks.forEach(function (t, i) { t.style.visibility = i % every === 0 ? '' : 'hidden'; });
}
`;
