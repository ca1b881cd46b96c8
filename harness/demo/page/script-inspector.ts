// The player script's inspector: a click on a dot or a listed message opens its whole story (label, Message-ID,
// fate, every step with its time, caption, rule ids and CRM's reason code), steps still to come dimmed and the
// current one marked as the clock moves, and its path drawn across the lane (solid where it has been, dashed where
// it is going). Built with textContent only: nothing from the data becomes markup.
export const SCRIPT_INSPECTOR = `
var inspector = { el: document.getElementById('inspector'), body: document.getElementById('inspector-body'),
  L: null, mi: -1, rows: [] };

function cell(tr, cls, text) {
  var td = document.createElement('td');
  td.className = cls;
  td.textContent = text;
  tr.appendChild(td);
  return td;
}

function openInspector(L, mi) {
  var m = L.lane.messages[mi];
  if (!m) return;
  inspector.L = L; inspector.mi = mi; inspector.rows = [];
  var body = inspector.body;
  body.textContent = '';
  var h = document.createElement('h2'); h.textContent = m.label; body.appendChild(h);
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
}

function closeInspector() {
  inspector.el.hidden = true;
  inspector.L = null; inspector.mi = -1; inspector.rows = [];
  render();
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
