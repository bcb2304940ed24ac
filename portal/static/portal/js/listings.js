// A listing's filters fold behind "Filters" on a phone and stand open beside the results on
// a wider screen. CSS (::details-content) does this where it is supported; this opens the
// disclosure for browsers without it. The page works the same without JavaScript.
const wide = window.matchMedia("(min-width: 48rem)");
const unfold = () => {
  if (wide.matches) {
    document.querySelectorAll("details.filters-toggle").forEach((d) => { d.open = true; });
  }
};
unfold();
wide.addEventListener("change", unfold);

// The search page redraws its form with htmx on every change: a disclosure the reader
// opened stays open.
let opened = false;
document.addEventListener("htmx:beforeSwap", () => {
  opened = [...document.querySelectorAll("details.filters-toggle")].some((d) => d.open);
});
document.addEventListener("htmx:afterSettle", () => {
  if (opened) {
    document.querySelectorAll("details.filters-toggle").forEach((d) => { d.open = true; });
  }
  unfold();
});
