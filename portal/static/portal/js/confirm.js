// A button with data-confirm asks before it acts: the policy (Content-Security-Policy) allows
// no inline onclick handler, so the question is asked from here.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-confirm]");
  if (button && !window.confirm(button.dataset.confirm)) {
    event.preventDefault();
  }
});
