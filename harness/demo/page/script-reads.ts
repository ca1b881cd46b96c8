// The player script's readers (lane.reads; read-marks.ts places what it fills in): at the clock's time, for each
// mailbox a reader reads, how far it has read (the router's ThresholdDate, R8; sync's watermark, S6: the received
// time of the last item it took) on the box's top left edge, and a ring round the box while a read is under way (R8:
// every minute; S5: every 5 minutes). A read lasts a moment. While the clock runs its ring shows for the virtual time
// that 0.4 seconds of play take at the speed chosen (a second with reduced motion), so no ring flashes more than 2.5
// times a second, and a router reading every minute at 10 minutes per second is simply always reading. Paused, the
// page shows one instant and a ring says the mailbox is read at that instant: a read in the last second of virtual
// time (what a read takes follows it within a few hundred milliseconds, 400 at most in the lessons, so stepping to
// a message a read took shows that read's ring; a read a minute before, which play would still show, does not). After
// the switch to sync (R14) the router's positions are greyed (read-marks.ts). The lane's status line says the same
// in words, with each mailbox's last and next read.
import { ROUTER_FROM_START, SSS_NO_WATERMARK } from './read-marks.js';

export const SCRIPT_READS = `
var READ_SHOW_S = 0.4, READ_SHOW_S_REDUCED = 1, READ_NOW_MS = 1000;
var reduceMotion = window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)') : { matches: false };
var READERS = { router: { name: 'The E-mail Router', what: 'ThresholdDate, R8', none: ${JSON.stringify(ROUTER_FROM_START)}, noneWords: 'from 0001-01-01: the whole Inbox' },
  sss: { name: 'Server-side sync', what: 'watermark, S6', none: ${JSON.stringify(SSS_NO_WATERMARK)}, noneWords: 'no watermark: all since it was enabled' },
  stopped: { name: 'The E-mail Router, stopped by the switch to server-side sync (R14), had read', what: 'ThresholdDate, R8, now used by nobody' } };

function undelta(gaps) { var at = 0; return (gaps || []).map(function (g) { return at += g; }); }
/** Per mailbox, its readers' reads: times as they are, positions apart from when they moved. */
LANES.forEach(function (L) {
  L.routerStop = P.routerStops[L.id];
  L.reads = {};
  (L.lane.reads || []).forEach(function (r) {
    (L.reads[r.place] = L.reads[r.place] || []).push({ by: r.by, reads: undelta(r.reads), failed: undelta(r.failed),
      upAt: r.upTo.map(function (e) { return e[0]; }), upTo: r.upTo.map(function (e) { return e[1]; }) });
  });
});

/** The reader that read the mailbox last at or before t (its last read, whether it failed, how far it had read), and
 * the next read by any of them; null before the first. */
function readAt(entries, t) {
  var best = null, next = Infinity;
  entries.forEach(function (e) {
    var i = upper(e.reads, t), j = upper(e.failed, t);
    var ok = i > 0 ? e.reads[i - 1] : -Infinity, bad = j > 0 ? e.failed[j - 1] : -Infinity, last = Math.max(ok, bad);
    next = Math.min(next, i < e.reads.length ? e.reads[i] : Infinity, j < e.failed.length ? e.failed[j] : Infinity);
    if (last === -Infinity || (best !== null && last < best.last)) return;
    var k = upper(e.upAt, t) - 1;
    best = { by: e.by, last: last, failed: bad > ok, upTo: k >= 0 ? e.upTo[k] : null };
  });
  if (best !== null) best.next = next;
  return best;
}

/** A time of day as the drawing shows it: 10:31 (the clock's own, without the date or seconds). */
function hhmm(t) { var c = clockAt(t); return c.charAt(0) === '+' ? c : c.slice(11, 16); }

/** The lane's rings and positions in the form it draws (script-forms.ts calls this as it binds a form). */
function bindReads(V, g) {
  V.readMarks = {};
  Array.prototype.forEach.call(g.querySelectorAll('text.up-to'), function (el) {
    var id = el.getAttribute('data-place');
    V.readMarks[id] = { text: el, words: el.querySelector('tspan'), ring: g.querySelector('rect.read-ring[data-place="' + id + '"]'), shown: null, textCls: null, ringCls: null };
  });
}

/** How long after a read its ring shows: while playing, what 0.4 s of play take; paused, the instant's second. */
function readShowMs(playing) {
  return playing ? P.speeds[state.speed].msPerS * (reduceMotion.matches ? READ_SHOW_S_REDUCED : READ_SHOW_S) : READ_NOW_MS;
}

/** Draws the readers at t; returns what the status line says of them. */
function drawReads(V, t, playing) {
  var L = V.L, words = { router: [], sss: [], stopped: [] }, showMs = readShowMs(playing);
  L.lane.places.forEach(function (p) {
    var entries = L.reads[p.id], mark = V.readMarks[p.id];
    if (!entries || !mark) return;
    var r = readAt(entries, t), R = r === null ? null : READERS[r.by];
    var text = r === null ? '' : r.upTo === null ? R.none : hhmm(r.upTo);
    if (mark.shown !== text) { mark.words.textContent = text; mark.shown = text; }
    // The router's last position once it has stopped for good (R14): nobody reads on from it.
    var stopped = r !== null && r.by === 'router' && L.routerStop !== null && t >= L.routerStop;
    var textCls = 'up-to' + (stopped ? ' stopped' : '');
    if (mark.textCls !== textCls) { mark.text.setAttribute('class', textCls); mark.textCls = textCls; }
    var cls = 'read-ring' + (r !== null && t - r.last < showMs ? (r.failed ? ' reading failed' : ' reading') : '');
    if (mark.ringCls !== cls) { mark.ring.setAttribute('class', cls); mark.ringCls = cls; }
    if (r === null) return;
    words[stopped ? 'stopped' : r.by].push(p.label + ' up to ' + (r.upTo === null ? R.noneWords : hhmm(r.upTo)) + ', last read ' + hhmm(r.last) + (r.failed ? ' (failed)' : '')
      + (r.next < Infinity ? ', next ' + hhmm(r.next) : ''));
  });
  return ['router', 'sss', 'stopped'].filter(function (by) { return words[by].length; }).map(function (by) {
    return READERS[by].name + (by === 'stopped' ? '' : ' has read') + ' (' + READERS[by].what + '): ' + words[by].join('; ') + '.';
  }).join(' ');
}
`;
