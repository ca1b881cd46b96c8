// The player script's model, in the page's own JavaScript: the demo data read back from its JSON block and indexed
// by time once, so that "where is each message, what do the counters say, what happened last" at any instant t is
// a binary search, not a scan (a few hundred messages per lane must play without stutter).
export const SCRIPT_MODEL = `
var P = JSON.parse(document.getElementById('demo-data').textContent);
var D = P.data;
var END = D.endMs;
var START = Date.parse(D.start);
var COUNTERS = ['tracked', 'tossed', 'duplicatesPrevented', 'untracked', 'lost'];
// A dot keeps the colour of the last mark that settled its fate; a refused attempt only flashes while it is the
// latest step (the sender's next retry may well get through).
var STICKY = { tracked: 'm-tracked', tossed: 'm-tossed', 'duplicate-prevented': 'm-dup', lost: 'm-lost',
  untracked: 'm-lost', bounced: 'm-lost' };

function numeric(a, b) { return a - b; }
/** The number of entries of a sorted array at or before t (so the index of the latest one is that minus one). */
function upper(arr, t) {
  var lo = 0, hi = arr.length;
  while (lo < hi) { var mid = (lo + hi) >> 1; if (arr[mid] <= t) lo = mid + 1; else hi = mid; }
  return lo;
}
/** The number of entries strictly before t. */
function lower(arr, t) {
  var lo = 0, hi = arr.length;
  while (lo < hi) { var mid = (lo + hi) >> 1; if (arr[mid] < t) lo = mid + 1; else hi = mid; }
  return lo;
}
function byTime(items) {
  return items.map(function (x, i) { return { x: x, i: i }; })
    .sort(function (a, b) { return a.x.atMs - b.x.atMs || a.i - b.i; })
    .map(function (e) { return e.x; });
}
function timesOf(items) { return items.map(function (x) { return x.atMs; }); }
function uniqueSorted(arr) {
  return arr.slice().sort(numeric).filter(function (v, i, a) { return i === 0 || a[i - 1] !== v; });
}

var LANES = D.lanes.map(function (lane) {
  var messages = lane.messages.map(function (m) {
    var cls = [], since = [], sticky = 'm-moving';
    m.steps.forEach(function (s, i) {
      if (s.mark && STICKY[s.mark]) sticky = STICKY[s.mark];
      cls.push(s.mark === 'retry' ? 'm-retry' : sticky);
      // Since when the message has been at this step's place: dots keep their order in a box by arrival.
      since.push(i > 0 && m.steps[i - 1].place === s.place ? since[i - 1] : s.atMs);
    });
    return { times: timesOf(m.steps), cls: cls, since: since };
  });
  var counterTimes = {};
  COUNTERS.forEach(function (c) { counterTimes[c] = []; });
  lane.counterEvents.forEach(function (e) { if (counterTimes[e.counter]) counterTimes[e.counter].push(e.atMs); });
  COUNTERS.forEach(function (c) { counterTimes[c].sort(numeric); });
  var timeline = byTime(lane.timeline.map(function (e) {
    return { atMs: lane.messages[e[0]].steps[e[1]].atMs, m: e[0], s: e[1] };
  }));
  // The steps a lane's caption may headline: not those that change nothing for CRM (a person opening the mail, a
  // processed copy deleted), which crowded out what the class should look at.
  var headlines = timeline.filter(function (e) { return lane.messages[e.m].steps[e.s].minor !== true; });
  var ops = byTime(D.operations.filter(function (o) { return o.lane === 'both' || o.lane === lane.id; }));
  var captions = byTime(D.captions.filter(function (c) { return c.lane === lane.id; }));
  return { lane: lane, id: lane.id, messages: messages, counterTimes: counterTimes,
    timeline: timeline, timelineTimes: timesOf(timeline), headlines: headlines, headlineTimes: timesOf(headlines), ops: ops, opTimes: timesOf(ops),
    captions: captions, captionTimes: timesOf(captions) };
});
var SHARED_CAPTIONS = byTime(D.captions.filter(function (c) { return c.lane === 'both'; }));
var SHARED_CAPTION_TIMES = timesOf(SHARED_CAPTIONS);
// The shared caption tells what happens to both lanes; one lane's own operation (sync's cutover steps, the router's
// reset) shows in that lane's caption only, not above a lane it does not touch.
var SHARED_OPS = byTime(D.operations.filter(function (o) { return o.lane === 'both'; }));
var SHARED_OP_TIMES = timesOf(SHARED_OPS);
var OP_TIMES = uniqueSorted(timesOf(D.operations));
// Every instant the lesson says something, in either lane or above both: where play stops (when asked to) and what
// the caption keys and the scrubber's caption ticks jump between.
var CAPTION_TIMES = uniqueSorted(timesOf(D.captions));
// Every instant something happens, in either lane: what the step control walks through.
var EVENTS = uniqueSorted([].concat.apply(timesOf(D.operations).concat(timesOf(D.captions)),
  LANES.map(function (L) { return L.timelineTimes; })));

/** The index of a message's latest step at or before t, or -1 before it appears. */
function stepAt(L, mi, t) { return upper(L.messages[mi].times, t) - 1; }
function countersAt(L, t) {
  var out = {};
  COUNTERS.forEach(function (c) { out[c] = upper(L.counterTimes[c], t); });
  return out;
}
function latest(items, times, t) { var i = upper(times, t) - 1; return i >= 0 ? items[i] : null; }
/** Every item of the latest instant at or before t, in their order: a lesson may say two things at the same instant. */
function latestGroup(items, times, t) {
  var hi = upper(times, t);
  return hi === 0 ? [] : items.slice(lower(times, times[hi - 1]), hi);
}

function pad2(n) { return n < 10 ? '0' + n : String(n); }
/** Elapsed virtual time for reading: 45s, 12m 05s, 3h 04m 05s, 2d 3h 04m. */
function duration(ms) {
  var s = Math.floor(ms / 1000), d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600);
  var m = Math.floor((s % 3600) / 60), sec = s % 60;
  if (d > 0) return d + 'd ' + h + 'h ' + pad2(m) + 'm';
  if (h > 0) return h + 'h ' + pad2(m) + 'm ' + pad2(sec) + 's';
  if (m > 0) return m + 'm ' + pad2(sec) + 's';
  return sec + 's';
}
/** The scenario's clock at t: its start plus t, in UTC. */
function clockAt(t) {
  if (isNaN(START)) return '+' + duration(t);
  return new Date(START + t).toISOString().slice(0, 19).replace('T', ' ') + ' UTC';
}
function withRules(text, rules) { return rules && rules.length ? text + '  [' + rules.join(', ') + ']' : text; }
`;
