// The message table's search box, one of the report's two inlined scripts (the other: scroll-box-script.ts). It reads
// the page, never the network. The count it updates sits in a role="status" element, so a screen reader says how many
// rows match; none shows a row saying so.
export const REPORT_SCRIPT = `
(function () {
  var input = document.getElementById('message-search');
  var shown = document.getElementById('message-shown');
  var none = document.getElementById('message-none');
  var query = document.getElementById('message-none-query');
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
    // A run with no messages has nothing to match: the row is for a search that finds none.
    none.hidden = count > 0 || words.length === 0;
    query.textContent = input.value.trim();
  }
  input.addEventListener('input', filter);
  filter();
})();
`;
