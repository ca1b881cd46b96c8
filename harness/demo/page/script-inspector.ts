// The player script's inspector: a click on a dot or a listed message opens its whole story (label, Message-ID,
// fate, every step with its time, caption, rule ids and CRM's reason code), steps still to come dimmed and the
// current one marked as the clock moves, and its path drawn across the lane (solid where it has been, dashed where
// it is going). Built with textContent only: nothing from the data becomes markup. Opening it moves the keyboard's focus
// to its heading (a keyboard user stayed behind it, on the page); closing it gives the focus back to what opened it, or
// to that message where the page shows it now (the list it was opened from is rebuilt as the clock moves).
export const SCRIPT_INSPECTOR = `
var inspector = { el: document.getElementById('inspector'), body: document.getElementById('inspector-body'),
  L: null, mi: -1, rows: [], opener: null };

function cell(tr, cls, text) {
  var td = document.createElement('td');
  td.className = cls;
  td.textContent = text;
  tr.appendChild(td);
  return td;
}

function openInspector(L, mi, opener) {
  var m = L.lane.messages[mi];
  if (!m) return;
  // Another message opened from inside the inspector keeps the first opener: Close goes back to the page. Only a
  // keyboard user is given the focus back there: after a mouse click, Space must go on playing, not reopen this.
  if (inspector.L === null) inspector.opener = byPointer ? null : opener || null;
  inspector.L = L; inspector.mi = mi; inspector.rows = [];
  var body = inspector.body;
  body.textContent = '';
  var h = document.createElement('h2'); h.textContent = m.label; h.tabIndex = -1; body.appendChild(h);
  var dl = document.createElement('dl');
  [['Lane', L.lane.title], ['Message-ID', m.messageId], ['Fate', m.fate]].forEach(function (p) {
    var dt = document.createElement('dt'); dt.textContent = p[0];
    var dd = document.createElement('dd'); dd.textContent = p[1];
    if (p[0] === 'Fate') dd.setAttribute('data-fate', '');
    dl.appendChild(dt); dl.appendChild(dd);
  });
  body.appendChild(dl);
  var table = document.createElement('table');
  table.className = 'steps';
  m.steps.forEach(function (s, i) {
    var tr = document.createElement('tr');
    tr.setAttribute('data-step', String(i));
    cell(tr, 'time', clockAt(s.atMs).slice(11, 19) + '\\n+' + duration(s.atMs));
    var what = cell(tr, 'what', '');
    var name = document.createElement('strong'); name.textContent = s.step; what.appendChild(name);
    var cap = document.createElement('div'); cap.className = 'cap'; cap.textContent = s.caption; what.appendChild(cap);
    if (s.detail) { var det = document.createElement('div'); det.className = 'detail'; det.textContent = s.detail; what.appendChild(det); }
    cell(tr, 'rules', s.rules.join(', '));
    cell(tr, 'reason', s.reason ? s.reason.name + ' (' + s.reason.code + ')' : '');
    table.appendChild(tr);
    inspector.rows.push({ tr: tr, atMs: s.atMs });
  });
  body.appendChild(table);
  inspector.el.hidden = false;
  render();
  h.focus();
}

/** Where the focus goes back to: the opener if the page still shows it, else the same message in its lane's list or
 * drawing, else the lane's drawing. */
function focusBack(opener, L, mi) {
  var V = views.filter(function (v) { return v.L === L; })[0];
  var same = V && V.list.querySelector('button[data-message="' + mi + '"]');
  var candidates = [opener, opener && opener.closest && opener.closest('ol') ? same : null, V ? focusableDot(V, mi) : null];
  for (var i = 0; i < candidates.length; i++) {
    var el = candidates[i];
    if (el && el.isConnected && el.getClientRects().length > 0) { el.focus(); return; }
  }
}

function closeInspector() {
  if (inspector.L === null) return;
  var opener = inspector.opener, L = inspector.L, mi = inspector.mi;
  var hadFocus = inspector.el.contains(document.activeElement);
  inspector.el.hidden = true;
  inspector.L = null; inspector.mi = -1; inspector.rows = []; inspector.opener = null;
  render();
  if (!hadFocus) return;
  if (opener !== null) focusBack(opener, L, mi);
  // Opened by the mouse: the focus goes to no one. Hiding the focused Close button moves the focus to the body only at
  // the browser's next rendering step, so a key pressed before it (Space, to play) would still press Close.
  else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
}

function drawInspector(t) {
  drawPath(t);
  if (inspector.L === null) return;
  var k = stepAt(inspector.L, inspector.mi, t);
  inspector.rows.forEach(function (r, i) {
    r.tr.classList.toggle('future', r.atMs > t);
    r.tr.classList.toggle('current', i === k);
  });
}

/** The lane's layer for the inspected message's path, made on first use, under the dots. */
function pathLayer(V) {
  if (!V.path) {
    var ns = V.svg.namespaceURI, g = document.createElementNS(ns, 'g');
    g.setAttribute('class', 'msg-path');
    var done = document.createElementNS(ns, 'polyline'), todo = document.createElementNS(ns, 'polyline');
    done.setAttribute('class', 'done'); todo.setAttribute('class', 'todo');
    g.appendChild(todo); g.appendChild(done);
    V.svg.insertBefore(g, V.layer);
    V.path = { g: g, done: done, todo: todo };
  }
  return V.path;
}

/** The inspected message's way through its lane's boxes as of t: the places it has been, and those still to come. */
function drawPath(t) {
  views.forEach(function (V) { if (V.path) V.path.g.style.display = 'none'; });
  if (inspector.L === null) return;
  var V = views.filter(function (v) { return v.L === inspector.L; })[0];
  var m = V.L.lane.messages[inspector.mi], k = stepAt(V.L, inspector.mi, t), done = [], todo = [];
  m.steps.forEach(function (s, i) {
    var a = V.areas[s.place];
    if (!a) return;
    var p = (a[0] + a[2] / 2) + ',' + (a[1] + Math.min(a[3], 40) / 2);
    if (i <= k && done[done.length - 1] !== p) done.push(p);
    if (i >= k && todo[todo.length - 1] !== p) todo.push(p);
  });
  var path = pathLayer(V);
  path.done.setAttribute('points', done.join(' '));
  path.todo.setAttribute('points', todo.join(' '));
  path.g.style.display = '';
}

/** The dot of the message the inspector shows, in its lane, to ring it. */
function selectedDot(V) {
  return inspector.L === V.L && inspector.mi >= 0 ? V.dots[inspector.mi].el : null;
}
`;
