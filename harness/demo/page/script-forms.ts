// The player script's two forms of each lane's drawing (lane-layout.ts): the row of columns, drawn, and the stack,
// waiting in a template. The fit (script-fit.ts) picks the form whose words stay readable in the width the window
// gives it; the lane's boxes are swapped for the other form's, its view box follows, and its dots jump (rather than
// glide) to the same places in the new boxes. The dots' layer, its focus and the lane's status line stay as they are.
export const SCRIPT_FORMS = `
/** A lane's forms of the drawing by name: the one drawn and those in its templates, made live (not yet drawn). */
function drawingForms(section, svg) {
  var forms = {}, drawn = svg.querySelector('g.drawing-form');
  forms[drawn.getAttribute('data-form')] = drawn;
  Array.prototype.forEach.call(section.querySelectorAll('template.drawing-form'), function (t) {
    var g = document.importNode(t.content.querySelector('g.drawing-form'), true);
    forms[g.getAttribute('data-form')] = g;
  });
  return forms;
}

/** Points the lane's view at the boxes, server groups and dot areas of the form it draws. */
function bindForm(V) {
  var g = V.forms[V.form];
  V.places = {};
  Array.prototype.forEach.call(g.querySelectorAll('g.place'), function (p) {
    V.places[p.getAttribute('data-place')] = { g: p, count: p.querySelector('text.count'), shown: '' };
  });
  V.servers = Array.prototype.map.call(g.querySelectorAll('g.server'), function (s) {
    return { g: s, server: s.getAttribute('data-server') };
  });
  V.areas = P.dotAreas[V.form][V.L.id];
  bindReads(V, g);
}

/** The width of a form's drawing, in its units (the same in every lane). */
function formWidth(form) {
  var g = views[0].forms[form];
  return g ? Number(g.getAttribute('data-view').split(' ')[2]) : Infinity;
}

/** Draws every lane in form (no change when it does already). */
function useForm(form) {
  var changed = false;
  views.forEach(function (V) {
    if (V.form === form || !V.forms[form]) return;
    V.svg.replaceChild(V.forms[form], V.forms[V.form]);
    V.form = form;
    V.svg.setAttribute('viewBox', V.forms[form].getAttribute('data-view'));
    bindForm(V);
    V.jump = true;
    changed = true;
  });
  if (changed) render();
}
`;
