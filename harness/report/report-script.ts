// The report's only script, inlined: the message table's search box. It reads the page, never the network.
export const REPORT_SCRIPT = `
(function () {
  var input = document.getElementById('message-search');
  var shown = document.getElementById('message-shown');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#message-table > tbody > tr'));
  var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
  function filter() {
    var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var count = 0;
    rows.forEach(function (row, i) {
      var hit = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
      row.hidden = !hit;
      if (hit) count++;
    });
    shown.textContent = count.toLocaleString('en-US');
  }
  input.addEventListener('input', filter);
  filter();
})();
`;
