// The player script's inspector: a click on a dot or a listed message opens its whole story (label, Message-ID,
// fate, every step with its time, caption, rule ids and CRM's reason code), steps still to come dimmed and the
// current one marked as the clock moves. Built with textContent only: nothing from the data becomes markup.
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
  if (inspector.L === null) return;
  var k = stepAt(inspector.L, inspector.mi, t);
  inspector.rows.forEach(function (r, i) {
    r.tr.classList.toggle('future', r.atMs > t);
    r.tr.classList.toggle('current', i === k);
  });
}

/** The dot of the message the inspector shows, in its lane, to ring it. */
function selectedDot(V) {
  return inspector.L === V.L && inspector.mi >= 0 ? V.dots[inspector.mi].el : null;
}
`;
