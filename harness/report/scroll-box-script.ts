// The run report's scroll boxes (scroll-box.ts) are tab stops only while their content overflows: a box that fits
// has nothing to scroll, and a stop there would only make a keyboard reader press Tab once more. The markup makes
// every box a stop, so that without this script (or in the plan report, which has none) each stays reachable; a
// box's size changes with the window, the zoom and a details element opening, and each change is looked at again.
export const SCROLL_BOX_SCRIPT = `
(function () {
  function update(box) {
    if (box.scrollWidth > box.clientWidth) box.setAttribute('tabindex', '0');
    else box.removeAttribute('tabindex');
  }
  var observer = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) { update(entry.target.closest('.scroll-x')); });
  });
  document.querySelectorAll('.scroll-x').forEach(function (box) {
    // Now, for a box in a folded details element too, which the observer reports only once it is unfolded.
    update(box);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
  });
})();
`;
