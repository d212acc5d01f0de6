// The trainer console: staff sign-in, then the knowledge entries (list, filter, create, edit, retire, version history)
// over /api/knowledge/entries. Plain DOM; text is always set with textContent, never parsed as HTML.
(() => {
  "use strict";

  const { $, call } = window.staff;
  const api = "/api/knowledge/entries";
  const form = $("editor");
  const state = { entries: [], current: null, filterTimer: 0 };
  const language = window.staff.texts(window.trainerTexts, "conversational.trainer.locale", () => {
    renderList();
    if (state.current) {
      showEntry(state.current);
    } else if (!form.hidden) {
      $("editor-title").textContent = t("newTitle");
    }
  });
  const { t } = language;
  const gate = window.staff.gate({
    roles: ["trainer", "admin"],
    t,
    enter: loadList,
    leave: async () => { state.current = null; },
  });

  // The list

  async function loadList() {
    const query = new URLSearchParams();
    for (const [name, id] of [["q", "filter-text"], ["language", "filter-language"], ["status", "filter-status"], ["tag", "filter-tag"]]) {
      if ($(id).value) {
        query.set(name, $(id).value);
      }
    }

    const result = await call("GET", `${api}?${query}`);
    if (!result.ok) {
      return;
    }

    state.entries = result.data.entries;
    fillTags(result.data.tags);
    renderList();
  }

  function fillTags(tags) {
    const select = $("filter-tag");
    const chosen = select.value;
    [...select.options].slice(1).forEach((option) => option.remove());
    for (const tag of tags) {
      select.add(new Option(tag, tag, false, tag === chosen));
    }
  }

  function renderList() {
    const list = $("entry-list");
    list.replaceChildren();
    $("list-count").textContent = state.entries.length ? t("count")(state.entries.length) : t("noMatches");
    for (const entry of state.entries) {
      const retired = entry.status.toLowerCase() === "retired";
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "entry" + (retired ? " entry--retired" : "");
      button.dataset.id = entry.id;
      button.setAttribute("aria-current", String(state.current?.id === entry.id));
      const title = document.createElement("div");
      title.className = "entry__title";
      title.append(span(entry.content.title), span(entry.content.language, "pill pill--lang"),
        span(t(retired ? "statusRetired" : "statusActive"), retired ? "pill pill--retired" : "pill"));
      const meta = document.createElement("div");
      meta.className = "entry__meta";
      meta.textContent = [entry.id, `v${entry.version}`, ...entry.content.tags].join(" · ");
      button.append(title, meta);
      button.addEventListener("click", () => openEntry(entry.id));
      item.append(button);
      list.append(item);
    }
  }

  function span(text, className) {
    const node = document.createElement("span");
    node.textContent = text;
    if (className) {
      node.className = className;
    }
    return node;
  }

  // The editor

  async function openEntry(id) {
    const result = await call("GET", `${api}/${encodeURIComponent(id)}`);
    if (result.ok) {
      notice(null);
      showEntry(result.data);
    }
  }

  function showEntry(entry) {
    state.current = entry;
    const content = entry.content;
    $("empty-state").hidden = true;
    form.hidden = false;
    clearErrors();
    $("editor-title").textContent = t("editTitle");
    const retired = entry.status.toLowerCase() === "retired";
    const status = $("editor-status");
    status.hidden = false;
    status.className = retired ? "pill pill--retired" : "pill";
    status.textContent = t(retired ? "statusRetired" : "statusActive");
    $("editor-version").textContent = t("version")(entry.version);
    $("editor-meta").textContent = t("changedBy")(entry.changedBy, when(entry.changedAt));
    $("field-id").value = entry.id;
    $("field-id").readOnly = true;
    $("field-kind").value = content.kind.toLowerCase();
    $("field-language").value = content.language;
    $("field-owner").value = content.owner;
    $("field-title").value = content.title;
    $("field-questions").value = content.questions.join("\n");
    $("field-answer").value = content.answer;
    $("field-tags").value = content.tags.join(", ");
    $("field-channels").value = content.channels.join(", ");
    $("field-valid-from").value = toLocalInput(content.validFrom);
    $("field-valid-until").value = toLocalInput(content.validUntil);
    $("retire").hidden = retired;
    $("retire-confirm").hidden = true;
    renderList();
    loadHistory(entry.id);
  }

  function newEntry() {
    state.current = null;
    form.reset();
    clearErrors();
    notice(null);
    $("empty-state").hidden = true;
    form.hidden = false;
    $("history").hidden = true;
    $("editor-title").textContent = t("newTitle");
    $("editor-status").hidden = true;
    $("editor-version").textContent = "";
    $("editor-meta").textContent = "";
    $("field-id").readOnly = false;
    $("field-language").value = language.locale;
    $("retire").hidden = true;
    $("retire-confirm").hidden = true;
    renderList();
    $("field-id").focus();
  }

  function contentFromForm() {
    const list = (value, separator) => value.split(separator).map((item) => item.trim()).filter(Boolean);
    return {
      id: $("field-id").value.trim(),
      kind: $("field-kind").value,
      title: $("field-title").value,
      questions: list($("field-questions").value, /\n/),
      answer: $("field-answer").value,
      language: $("field-language").value,
      tags: list($("field-tags").value, /[,，]/),
      channels: list($("field-channels").value, /[,，]/),
      validFrom: fromLocalInput($("field-valid-from").value),
      validUntil: fromLocalInput($("field-valid-until").value),
      owner: $("field-owner").value,
    };
  }

  async function save(event) {
    event.preventDefault();
    clearErrors();
    const editing = state.current;
    const content = contentFromForm();
    $("save").disabled = true;
    try {
      const result = editing
        ? await call("PUT", `${api}/${encodeURIComponent(editing.id)}`, { expectedVersion: editing.version, content })
        : await call("POST", api, content);
      if (result.ok) {
        const message = !editing ? t("created")(result.data.version)
          : result.data.version === editing.version ? t("unchanged") : t("saved")(result.data.version);
        showEntry(result.data);
        notice(message, "success");
        await loadList();
      } else {
        failure(result);
      }
    } finally {
      $("save").disabled = false;
    }
  }

  async function retire() {
    const entry = state.current;
    $("retire-confirm").hidden = true;
    const result = await call("POST", `${api}/${encodeURIComponent(entry.id)}/retire`, { expectedVersion: entry.version });
    if (result.ok) {
      showEntry(result.data);
      notice(t("retired")(result.data.version), "success");
      await loadList();
    } else {
      failure(result);
    }
  }

  function failure(result) {
    if (result.status === 401) {
      // The staff cookie expired: sign in again (what was typed stays in the form behind the sign-in).
      gate.start();
    } else if (result.status === 400 && result.data?.errors) {
      for (const [field, problems] of Object.entries(result.data.errors)) {
        const slot = form.querySelector(`[data-error-for="${field}"]`);
        if (slot) {
          slot.textContent = problems.join(" ");
          slot.closest(".field").classList.add("field--invalid");
        }
      }
      notice(t("invalid"), "error");
    } else if (result.status === 409 && result.data?.current) {
      const current = result.data.current;
      notice(t("conflict")(current.changedBy, current.version), "warning", () => { showEntry(current); notice(null); });
    } else {
      notice(result.data?.detail || t("failed"), "error");
    }
  }

  function clearErrors() {
    form.querySelectorAll(".field__error").forEach((slot) => { slot.textContent = ""; });
    form.querySelectorAll(".field--invalid").forEach((field) => field.classList.remove("field--invalid"));
  }

  function notice(message, kind, reload) {
    const box = $("editor-notice");
    box.hidden = !message;
    box.className = "notice" + (kind ? ` notice--${kind}` : "");
    box.textContent = message || "";
    if (reload) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "button button--ghost";
      button.textContent = t("reload");
      button.addEventListener("click", reload);
      box.append(button);
    }
    if (message) {
      box.scrollIntoView({ block: "nearest" });
    }
  }

  // History

  async function loadHistory(id) {
    const result = await call("GET", `${api}/${encodeURIComponent(id)}/versions`);
    if (!result.ok || state.current?.id !== id) {
      return;
    }

    const list = $("history-list");
    list.replaceChildren();
    for (const version of result.data) {
      const item = document.createElement("li");
      item.className = "version" + (version.kind === "Retired" ? " version--retired" : "");
      const head = document.createElement("div");
      head.className = "version__head";
      head.append(span(`v${version.entry.version}`, "version__number"), span(t("change")[version.kind] || version.kind),
        span(`${version.entry.changedBy} · ${when(version.entry.changedAt)}`, "version__who"));
      item.append(head);
      if (version.kind !== "Created") {
        const changes = document.createElement("div");
        changes.className = "version__changes";
        for (const field of version.changedFields) {
          changes.append(span(t("fields")[field] || field, "chip"));
        }
        item.append(changes);
        const detail = describe(version);
        if (detail) {
          const text = document.createElement("p");
          text.className = "version__detail";
          text.textContent = detail;
          item.append(text);
        }
      }
      list.append(item);
    }
    $("history").hidden = false;
  }

  // The new value of the short fields a version changed (long ones are named by their chip only).
  function describe(version) {
    const content = version.entry.content;
    const values = {
      title: content.title, tags: content.tags.join(", "), channels: content.channels.join(", ") || t("allChannels"),
      owner: content.owner, language: content.language, kind: t("kinds")[content.kind.toLowerCase()],
      validFrom: content.validFrom ? when(content.validFrom) : "—", validUntil: content.validUntil ? when(content.validUntil) : "—",
    };
    return version.changedFields.filter((field) => field in values).map((field) => `${t("fields")[field]}：${values[field]}`).join("；");
  }

  // Dates: the API speaks ISO 8601 with offsets; the inputs speak the browser's local time.

  function when(iso) {
    return new Date(iso).toLocaleString(language.locale, { dateStyle: "medium", timeStyle: "short" });
  }

  function toLocalInput(iso) {
    if (!iso) {
      return "";
    }
    const date = new Date(iso);
    const pad = (n) => String(n).padStart(2, "0");
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  }

  function fromLocalInput(value) {
    return value ? new Date(value).toISOString() : null;
  }

  // Wiring

  $("new-entry").addEventListener("click", newEntry);
  form.addEventListener("submit", save);
  $("retire").addEventListener("click", () => { $("retire-confirm").hidden = false; $("retire-yes").focus(); });
  $("retire-no").addEventListener("click", () => { $("retire-confirm").hidden = true; });
  $("retire-yes").addEventListener("click", retire);
  $("filter-text").addEventListener("input", () => {
    clearTimeout(state.filterTimer);
    state.filterTimer = setTimeout(loadList, 200);
  });
  for (const id of ["filter-language", "filter-status", "filter-tag"]) {
    $(id).addEventListener("change", loadList);
  }

  gate.start();
})();
