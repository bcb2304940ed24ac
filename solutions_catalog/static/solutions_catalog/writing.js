// Writing a case study: rows added and removed in place, and the draft saved every 30 s.
// Without script the form still works: "Add a row" asks the server for one more empty row,
// the Delete checkboxes remove rows, and the buttons save.
(() => {
  const form = document.querySelector("form.write-form");
  if (!form) return;

  const hideDeleted = (row) => {
    const remove = row.querySelector("input[name$='-DELETE']");
    if (!remove) return;
    remove.closest("div").hidden = true;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "secondary small";
    button.textContent = remove.labels[0] ? remove.labels[0].textContent.replace(/:$/, "") : "×";
    button.addEventListener("click", () => {
      remove.checked = true;
      row.hidden = true;
      dirty = true;
    });
    row.append(button);
  };

  form.querySelectorAll("[data-rows]").forEach((rows) => {
    const prefix = rows.dataset.rows;
    const total = rows.querySelector(`input[name='${prefix}-TOTAL_FORMS']`);
    const list = rows.querySelector("[data-row-list]");
    const template = rows.querySelector("template[data-empty-row]");
    list.querySelectorAll(".write-row").forEach(hideDeleted);
    const add = rows.querySelector("[data-add-row]");
    if (!add) return;
    add.addEventListener("click", (event) => {
      event.preventDefault();
      const index = Number(total.value);
      const html = template.innerHTML.replace(/__prefix__/g, String(index));
      list.insertAdjacentHTML("beforeend", html);
      const row = list.lastElementChild;
      const legend = row.querySelector("legend");
      if (legend) legend.textContent = `${legend.textContent} ${index + 1}`;
      total.value = String(index + 1);
      hideDeleted(row);
      const first = row.querySelector("input:not([type=hidden]), select, textarea");
      if (first) first.focus();
    });
  });

  // A file over the limit is named at its field before the form is sent.
  form.querySelectorAll("input[type=file][data-max-size]").forEach((input) => {
    const errors = document.createElement("ul");
    errors.className = "errorlist";
    errors.id = `${input.id}-size-error`;
    input.before(errors);
    input.addEventListener("change", () => {
      const file = input.files[0];
      const tooLarge = file && file.size > Number(input.dataset.maxSize);
      errors.innerHTML = "";
      input.removeAttribute("aria-invalid");
      if (tooLarge) {
        const item = document.createElement("li");
        item.textContent = input.dataset.tooLarge;
        errors.append(item);
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", errors.id);
        input.value = "";
      }
    });
  });

  // Autosave: what changed since the last save, every data-autosave seconds.
  let dirty = false;
  const status = form.querySelector("[data-autosave-status]");
  form.addEventListener("input", () => { dirty = true; });
  form.addEventListener("change", () => { dirty = true; });
  const save = async () => {
    if (!dirty) return;
    dirty = false;
    const data = new FormData(form);
    data.set("autosave", "1");
    for (const input of form.querySelectorAll("input[type=file]")) data.delete(input.name);
    const response = await fetch(form.action, {method: "POST", body: data,
                                               headers: {"X-Requested-With": "fetch"}});
    if (response.ok) {
      const saved = await response.json();
      if (form.action !== new URL(saved.url, location.href).href) {
        form.action = saved.url;  // a new case study now has its page
        history.replaceState(null, "", saved.url);
      }
      status.textContent = `${form.dataset.saved} ${saved.saved_at}`;
    } else {
      status.textContent = form.dataset.notSaved;
    }
  };
  setInterval(save, Number(form.dataset.autosave || 30) * 1000);
})();
