/* Phones: start with the filters folded away so the results come first (the summary says
   when some are applied). Without JavaScript they simply stay open. */
(function () {
  var panel = document.querySelector(".filter-panel");
  if (!panel || !window.matchMedia) return;
  var narrow = window.matchMedia("(max-width: 59.99em)");
  if (narrow.matches) panel.open = false;
  var widen = function (event) { if (!event.matches) panel.open = true; };
  if (narrow.addEventListener) narrow.addEventListener("change", widen);
})();
