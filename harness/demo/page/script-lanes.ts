// The player script's drawing: one dot per message, put at the place of its latest step, coloured and shaped by its
// marks (dot-shapes.ts: colour alone did not tell tracked from lost to a colour-blind viewer), each place's count of
// messages, places greyed out while a fault holds them, a status line saying the same in words, and each lane's list
// of the messages that moved last. A dot that changes place glides there (a CSS transition), so a move reads as a move.
export const SCRIPT_LANES = `
// What each fate is called and its picture, as the legend has them (for the dots' and the list's names, and the
// list's icons: one drawing of each shape, made where the legend is).
var FATE_WORDS = {}, FATE_ICONS = {};
Array.prototype.forEach.call(document.querySelectorAll('ul.legend [data-legend]'), function (li) {
  FATE_WORDS[li.getAttribute('data-legend')] = li.textContent.trim();
  FATE_ICONS[li.getAttribute('data-legend')] = li.querySelector('svg.fate-icon');
});

function laneView(L) {
  var section = document.querySelector('section.lane[data-lane="' + L.id + '"]');
  var svg = section.querySelector('svg.lane-svg');
  var layer = svg.querySelector('g.dots');
  var forms = drawingForms(section, svg);
  var dots = L.lane.messages.map(function (m, mi) {
    var c = document.createElementNS(svg.namespaceURI, 'path');
    c.setAttribute('data-lane', L.id);
    c.setAttribute('data-message', String(mi));
    // A button a keyboard reaches: one dot per lane is in the Tab order, the arrow keys go to the others (dot-keys).
    c.setAttribute('role', 'button');
    c.setAttribute('tabindex', '-1');
    c.style.display = 'none';
    var title = document.createElementNS(svg.namespaceURI, 'title');
    title.textContent = m.label;
    c.appendChild(title);
    layer.appendChild(c);
    return { el: c, mi: mi, shown: false, x: NaN, y: NaN, cls: '', fate: '' };
  });
  layer.addEventListener('click', function (e) {
    var mi = e.target && e.target.getAttribute && e.target.getAttribute('data-message');
    if (mi !== null && mi !== undefined) openInspector(L, Number(mi), e.target);
  });
  var list = section.querySelector('ol.recent-list');
  list.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('button[data-message]');
    if (b) openInspector(L, Number(b.getAttribute('data-message')), b);
  });
  var V = { L: L, svg: svg, forms: forms, form: svg.querySelector('g.drawing-form').getAttribute('data-form'), places: {}, servers: [],
    areas: {}, jump: false, dots: dots, layer: layer, list: list, recentKey: -1, status: section.querySelector('.lane-status'),
    tabDot: null, outages: P.outages[L.id] };
  bindForm(V);
  dotKeys(V);
  return V;
}

/** Gives a dot the shape and name of its fate. */
function setFate(V, d, fate) {
  if (d.fate === fate) return;
  d.el.setAttribute('d', P.dot.shapes[fate] || P.dot.shapes['m-moving']);
  d.el.setAttribute('aria-label', V.L.lane.messages[d.mi].label + ', ' + (FATE_WORDS[fate] || ''));
  d.fate = fate;
}

/** Dots in a box in the order they came in, so a newcomer takes the next free slot and the others stay put. */
function byArrival(a, b) { return a.since - b.since || a.mi - b.mi; }

/** Where the j-th dot of a place goes: rows filling its dot area; null when the area is full. */
function slot(area, j) {
  var pitch = P.dot.pitch, cols = Math.max(1, Math.floor(area[2] / pitch)), rows = Math.max(1, Math.floor(area[3] / pitch));
  if (j >= cols * rows) return null;
  return { x: area[0] + pitch / 2 + (j % cols) * pitch, y: area[1] + pitch / 2 + Math.floor(j / cols) * pitch };
}

function drawLane(V, t, selected, playing) {
  var L = V.L, at = {}, fresh = [];
  L.lane.messages.forEach(function (m, mi) {
    var k = stepAt(L, mi, t);
    if (k < 0) return;
    var place = m.steps[k].place;
    (at[place] = at[place] || []).push({ mi: mi, k: k, since: L.messages[mi].since[k] });
  });
  var seen = {};
  Object.keys(V.places).forEach(function (id) {
    var here = (at[id] || []).sort(byArrival), area = V.areas[id], text = here.length ? String(here.length) : '';
    if (V.places[id].shown !== text) { V.places[id].count.textContent = text; V.places[id].shown = text; }
    here.forEach(function (e, j) {
      var d = V.dots[e.mi], pos = area ? slot(area, j) : null;
      if (pos === null) return;
      seen[e.mi] = true;
      if (!d.shown) { d.el.style.display = ''; d.shown = true; fresh.push(d); }
      if (d.x !== pos.x || d.y !== pos.y) {
        // The drawing changed form: the dot is where it was, in other boxes, and jumps there.
        if (V.jump && d.shown && !isNaN(d.x)) fresh.push(d);
        d.el.style.transform = 'translate(' + pos.x + 'px,' + pos.y + 'px)';
        d.x = pos.x; d.y = pos.y;
      }
      var fate = L.messages[e.mi].cls[e.k], cls = 'dot ' + fate + (selected === d.el ? ' selected' : '');
      if (d.cls !== cls) { d.el.setAttribute('class', cls); d.cls = cls; setFate(V, d, fate); }
    });
  });
  V.dots.forEach(function (d, mi) {
    if (d.shown && !seen[mi]) { d.el.style.display = 'none'; d.shown = false; d.x = NaN; d.y = NaN; }
  });
  V.jump = false;
  // A dot that appears starts where it is, not gliding in from the corner: no transition until the next frame.
  if (fresh.length) {
    fresh.forEach(function (d) { d.el.style.transition = 'none'; });
    V.layer.getBoundingClientRect();
    fresh.forEach(function (d) { d.el.style.transition = ''; });
  }
  rovingDot(V);
  drawStatus(V, at, drawOutages(V, t), drawReads(V, t, playing));
  drawRecent(V, t, playing);
}

/** Marks the places out of service at t (down, or a mailbox sync has disabled) and says which they are. */
function drawOutages(V, t) {
  var downPlaces = {}, downServers = {};
  V.outages.forEach(function (o) {
    if (o.fromMs <= t && t < o.toMs) {
      o.places.forEach(function (p) { downPlaces[p] = true; });
      o.servers.forEach(function (s) { downServers[s] = true; });
    }
  });
  Object.keys(V.places).forEach(function (id) { V.places[id].g.classList.toggle('down', !!downPlaces[id]); });
  V.servers.forEach(function (s) { s.g.classList.toggle('down', !!downServers[s.server]); });
  // Sync's disabled mailboxes (S3, S4): up and receiving, but nobody reads them until a Test & Enable.
  var disabled = {};
  (V.L.lane.disabled || []).forEach(function (d) { if (d.fromMs <= t && t < d.toMs) disabled[d.place] = d.why; });
  Object.keys(V.places).forEach(function (id) {
    var g = V.places[id].g, why = disabled[id];
    g.classList.toggle('disabled', why !== undefined);
    g.setAttribute('data-disabled', why === undefined ? '' : why);
  });
  return { places: downPlaces, servers: downServers, disabled: disabled };
}

/** The lane's status line: what the drawing shows, in words (a screen reader cannot see the boxes). */
function drawStatus(V, at, out, reads) {
  var places = V.L.lane.places, parts = [];
  function label(p) { return p.label; }
  var down = Object.keys(out.servers).map(function (s) { return 'server ' + s; }).concat(places.filter(function (p) {
    return out.places[p.id] && !(p.server !== null && out.servers[p.server]);
  }).map(label));
  if (down.length) parts.push('Down: ' + down.join(', ') + '.');
  var disabled = places.filter(function (p) { return out.disabled[p.id] !== undefined; }).map(label);
  if (disabled.length) parts.push('Disabled by sync: ' + disabled.join(', ') + '.');
  var counts = places.filter(function (p) { return at[p.id]; }).map(function (p) { return p.label + ' ' + at[p.id].length; });
  parts.push(counts.length ? 'Messages: ' + counts.join(', ') + '.' : 'No messages yet.');
  if (reads) parts.push(reads);
  setText(V.status, parts.join(' '));
}

var RECENT = 6;
// While playing, the list is rebuilt a few times a second at most: rebuilding it every frame costs more than all the
// dots together, and nobody reads a list that changes faster.
var RECENT_EVERY_MS = 300;
/** The last few messages that moved at or before t, the latest first, rebuilt only when that changes. */
function drawRecent(V, t, playing) {
  // The browser's clock only throttles redrawing the list; what it lists comes from the data at t.
  var L = V.L, k = upper(L.timelineTimes, t), now = performance.now();
  if (k === V.recentKey) return;
  if (playing && now - (V.recentAt || 0) < RECENT_EVERY_MS) return;
  V.recentKey = k;
  V.recentAt = now;
  var seen = {}, rows = [];
  for (var i = k - 1; i >= 0 && rows.length < RECENT; i--) {
    var e = L.timeline[i];
    if (seen[e.m]) continue;
    seen[e.m] = true;
    rows.push(e);
  }
  // A keyboard user on one of the list's buttons stays on that message (or on the list) as it is rebuilt.
  var focused = V.list.contains(document.activeElement) ? document.activeElement.getAttribute('data-message') : null;
  V.list.textContent = '';
  rows.forEach(function (e) {
    var m = L.lane.messages[e.m], s = m.steps[e.s], fate = L.messages[e.m].cls[e.s];
    var li = document.createElement('li'), b = document.createElement('button');
    b.type = 'button';
    b.setAttribute('data-message', String(e.m));
    b.className = 'recent-item ' + fate;
    var when = document.createElement('span'); when.className = 'when'; when.textContent = clockAt(s.atMs).slice(11, 16);
    var what = document.createElement('span'); what.className = 'what'; what.textContent = s.step;
    var who = document.createElement('span'); who.className = 'who'; who.textContent = m.label;
    what.insertBefore(fateIcon(fate), what.firstChild);
    var words = document.createElement('span'); words.className = 'visually-hidden'; words.textContent = ', ' + (FATE_WORDS[fate] || '');
    b.appendChild(when); b.appendChild(what); b.appendChild(who); b.appendChild(words);
    li.appendChild(b);
    V.list.appendChild(li);
  });
  if (focused !== null) {
    var again = V.list.querySelector('button[data-message="' + focused + '"]') || V.list.querySelector('button');
    if (again) again.focus();
  }
}

/** A list item's fate as the legend's picture of it (the item's words say it for a screen reader). */
function fateIcon(fate) {
  var icon = FATE_ICONS[fate] || FATE_ICONS['m-moving'];
  return icon ? icon.cloneNode(true) : document.createTextNode('');
}
`;
