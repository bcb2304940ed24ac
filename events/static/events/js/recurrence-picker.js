// The recurrence picker: shows only the parts the chosen pattern uses, and fetches the next
// six dates (the same fragment the "Preview dates" button renders) as the fields change.
// An external file, so it runs under the portal's Content-Security-Policy without a nonce.
function startRecurrencePicker() {
  const picker = document.querySelector("[data-recurrence-picker]");
  if (!picker) {
    return;
  }
  const form = picker.closest("form");
  const preview = document.querySelector("[data-recurrence-preview]");
  const part = (name) => picker.querySelector(`[data-part="${name}"]`);
  const value = (name) => {
    const input = part(name) && part(name).querySelector("select, input");
    return input ? input.value : "";
  };
  const WHEN = ["first_date", "start_time", "time_zone"];

  function showParts() {
    const frequency = value("frequency");
    const custom = frequency === "CUSTOM";
    const monthly = frequency === "MONTHLY";
    const byWeekday = value("monthly_by") !== "monthday";
    const shown = {
      frequency: true,
      interval: !custom,
      monthly_by: monthly,
      ordinal: monthly && byWeekday,
      weekday: !custom && (!monthly || byWeekday),
      monthday: monthly && !byWeekday,
      ends: !custom,
      count: !custom && value("ends") === "count",
      until: !custom && value("ends") === "until",
      custom: custom,
    };
    for (const [name, visible] of Object.entries(shown)) {
      if (part(name)) {
        part(name).hidden = !visible;
      }
    }
  }

  let timer = null;
  let asked = 0;
  function refresh() {
    if (!preview || !form) {
      return;
    }
    const query = new URLSearchParams();
    for (const [name, entry] of new FormData(form)) {
      if (name.startsWith("recurrence_") || WHEN.includes(name)) {
        query.append(name, entry);
      }
    }
    const ask = ++asked;
    fetch(`${preview.dataset.url}?${query}`, { credentials: "same-origin" })
      .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
      .then((html) => {
        if (ask === asked) {  // only the answer to the latest change is shown
          preview.querySelector("[data-recurrence-dates]").innerHTML = html;
        }
      })
      .catch(() => {});
  }

  function changed(event) {
    const name = event.target.name || "";
    if (!name.startsWith("recurrence_") && !WHEN.includes(name)) {
      return;
    }
    showParts();
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 300);
  }

  form.addEventListener("change", changed);
  form.addEventListener("input", changed);
  showParts();
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", startRecurrencePicker);
} else {
  startRecurrencePicker();
}
