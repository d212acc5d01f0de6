// The trainer console's copilot tabs (话术 #scripts, 合规披露 #disclosures, 服销货架 #offers) over /api/copilot/catalog:
// one versioned catalogue, a list per tab with filters, and an editor whose fields show the server's validation by path.
// Every save is made from the catalogue version read; a 409 says who saved first. Plain DOM; text via textContent only.
(() => {
  "use strict";

  const texts = window.trainerTexts;
  const api = "/api/copilot/catalog";
  const kinds = { "#scripts": "scripts", "#disclosures": "disclosures", "#offers": "offers" };
  const businesses = ["installment", "card", "pricing", "returns", "general"];
  const layers = ["high_value", "growth", "mass", "care"];
  const { $, call, el } = window.staff;
  const t = (key) => texts[document.documentElement.lang in texts ? document.documentElement.lang : "zh-CN"][key];
  const form = $("copilot-editor");
  // editing: the saved item the form shows (null while creating one).
  const state = { catalog: null, kind: null, editing: null };

  const commas = (value) => value.split(/[,，]/).map((item) => item.trim()).filter(Boolean);
  // One group of concepts per line; a group's alternatives separated by | or 、 (the form says so).
  const groups = (value) => value.split("\n").map((line) => line.split(/[|、]/).map((item) => item.trim()).filter(Boolean)).filter((group) => group.length);
  const groupLines = (concepts) => concepts.map((group) => group.join(" | ")).join("\n");
  const items = () => (state.catalog ? state.catalog[state.kind] : []);
  const label = (item) => (state.kind === "offers" ? item.name : item.title);
  const when = (iso) => new Date(iso).toLocaleString(document.documentElement.lang, { dateStyle: "medium", timeStyle: "short" });

  // Tabs: trainer-test.js shows the #copilot view for the three hashes; this follows which list it is.

  async function follow() {
    if ($("copilot").hidden || $("app").hidden) {
      return;
    }

    const kind = kinds[location.hash];
    if (kind !== state.kind) {
      state.kind = kind;
      closeEditor();
    }

    renderStatic();
    await load();
  }

  async function load() {
    const result = await call("GET", api);
    if (result.ok) {
      state.catalog = result.data;
      renderList();
    }
  }

  // Option lists and titles that depend on the language.
  function renderStatic() {
    $("copilot-list-title").textContent = t("copilotTitles")[state.kind];
    // Named by kind: the knowledge editor's own field is called plain 标题.
    $("copilot-title-label").textContent = t("copilotTitleLabels")[state.kind] || "";
    for (const id of ["copilot-filter-business", "copilot-business"]) {
      const select = $(id);
      const chosen = select.value;
      [...select.options].filter((option) => option.value).forEach((option) => option.remove());
      businesses.forEach((business) => select.add(new Option(t("businesses")[business], business, false, business === chosen)));
    }
    checks("offer-layers", layers, t("layers"));
    checks("offer-scenarios", businesses, t("businesses"));
    $("copilot-editor-title").textContent = t(state.editing ? "copilotEditTitles" : "copilotNewTitles")[state.kind];
    renderRetire();
    renderVersion();
  }

  function checks(id, values, names) {
    const box = $(id);
    const ticked = new Set([...box.querySelectorAll("input:checked")].map((input) => input.value));
    box.replaceChildren(...values.map((value) => {
      const option = el("label", "check");
      const input = el("input");
      input.type = "checkbox";
      input.value = value;
      input.checked = ticked.has(value);
      option.append(input, el("span", "", names[value]));
      return option;
    }));
  }

  function setChecks(id, values) {
    $(id).querySelectorAll("input").forEach((input) => { input.checked = values.includes(input.value); });
  }

  const checked = (id) => [...$(id).querySelectorAll("input:checked")].map((input) => input.value);

  function renderVersion() {
    const catalog = state.catalog;
    $("copilot-catalog-version").textContent = !catalog ? ""
      : catalog.version === 0 ? t("catalogEmpty") : t("catalogVersion")(catalog.version, catalog.changedBy, when(catalog.changedAt));
  }

  // The list

  function matches(item) {
    const business = $("copilot-filter-business").value;
    const language = $("copilot-filter-language").value;
    const status = $("copilot-filter-status").value;
    const text = $("copilot-filter-text").value.trim().toLowerCase();
    const itemBusinesses = state.kind === "offers" ? item.rules.scenarios : [item.business];
    const words = [item.id, label(item), item.text, item.wording, item.category, ...(item.scripts || []).map((script) => script.text)];
    return (!business || !itemBusinesses.length || itemBusinesses.includes(business))
      && (!language || item.language === language)
      && (!status || (status === "retired") === Boolean(item.retired))
      && (!text || words.some((word) => word && word.toLowerCase().includes(text)));
  }

  function renderList() {
    renderVersion();
    const shown = items().filter(matches);
    $("copilot-count").textContent = shown.length ? t("copilotCount")(shown.length) : t("copilotNoMatches");
    $("copilot-list").replaceChildren(...shown.map((item) => {
      const button = el("button", "entry" + (item.retired ? " entry--retired" : ""));
      button.type = "button";
      button.dataset.id = item.id;
      button.setAttribute("aria-current", String(state.editing?.id === item.id));
      const title = el("div", "entry__title");
      title.append(el("span", "", label(item)), el("span", "pill pill--lang", item.language));
      if (state.kind !== "offers") title.append(el("span", "pill pill--business", t("businesses")[item.business] || item.business));
      if (item.retired) title.append(el("span", "pill pill--retired", t("statusRetired")));
      const meta = el("div", "entry__meta", [item.id, summary(item)].join(" · "));
      button.append(title, meta);
      button.addEventListener("click", () => open(item));
      const row = el("li");
      row.append(button);
      return row;
    }));
  }

  function summary(item) {
    if (state.kind === "scripts") return item.text;
    if (state.kind === "disclosures") return (item.mandatory ? `${t("mandatoryPill")} · ` : "") + item.wording;
    const scenarios = item.rules.scenarios.map((business) => t("businesses")[business] || business).join("、") || t("anyScenario");
    return `${item.category} · ${scenarios} · ${t("offerMeta")(item.scripts.length, item.priority)}`;
  }

  // The editor

  function closeEditor() {
    state.editing = null;
    form.hidden = true;
    $("copilot-empty").hidden = false;
    notice(null);
  }

  function showForm() {
    form.hidden = false;
    $("copilot-empty").hidden = true;
    form.querySelectorAll("[data-kinds]").forEach((field) => { field.hidden = !field.dataset.kinds.split(" ").includes(state.kind); });
    clearErrors();
    renderStatic();
  }

  function open(item) {
    state.editing = item;
    showForm();
    notice(null);
    fill(item);
    $("copilot-id").readOnly = true;
    renderList();
  }

  function create() {
    state.editing = null;
    showForm();
    notice(null);
    form.reset();
    fill(blank());
    $("copilot-id").readOnly = false;
    renderList();
    $("copilot-id").focus();
  }

  function blank() {
    const language = $("copilot-filter-language").value || (document.documentElement.lang === "en" ? "en" : "zh-CN");
    const business = $("copilot-filter-business").value || "general";
    if (state.kind === "scripts") return { id: "", business, language, title: "", text: "", intents: [], keywords: [] };
    if (state.kind === "disclosures") return { id: "", business, language, title: "", wording: "", concepts: [], mandatory: true };
    return {
      id: "", name: "", category: "", language, priority: 0, scripts: [{ id: "", text: "" }], pitchConcepts: [],
      rules: { tiers: [], minVipLevel: 0, layers: [], requiredTags: [], excludedTags: [], scenarios: [], maxPitchesPer30Days: 2, maxPitchesPerConversation: 1 },
    };
  }

  function fill(item) {
    $("copilot-id").value = item.id;
    $("copilot-language").value = item.language;
    const status = $("copilot-editor-status");
    status.hidden = !state.editing;
    status.className = item.retired ? "pill pill--retired" : "pill";
    status.textContent = t(item.retired ? "statusRetired" : "statusActive");
    if (state.kind === "offers") {
      const rules = item.rules;
      $("offer-name").value = item.name;
      $("offer-category").value = item.category;
      $("offer-priority").value = item.priority;
      $("offer-tiers").value = rules.tiers.join(", ");
      $("offer-min-vip").value = rules.minVipLevel;
      setChecks("offer-layers", rules.layers);
      setChecks("offer-scenarios", rules.scenarios);
      $("offer-required-tags").value = rules.requiredTags.join(", ");
      $("offer-excluded-tags").value = rules.excludedTags.join(", ");
      $("offer-cap-30").value = rules.maxPitchesPer30Days;
      $("offer-cap-conversation").value = rules.maxPitchesPerConversation;
      $("offer-scripts").replaceChildren();
      item.scripts.forEach(addScriptRow);
      $("offer-pitch-concepts").value = groupLines(item.pitchConcepts);
    } else {
      $("copilot-business").value = item.business;
      $("copilot-title").value = item.title;
    }
    if (state.kind === "scripts") {
      $("script-text").value = item.text;
      $("script-intents").value = item.intents.join(", ");
      $("script-keywords").value = item.keywords.join(", ");
    } else if (state.kind === "disclosures") {
      $("disclosure-wording").value = item.wording;
      $("disclosure-concepts").value = groupLines(item.concepts);
      $("disclosure-mandatory").checked = item.mandatory;
    }
    $("copilot-editor-meta").textContent = state.editing ? item.id : "";
    renderRetire();
  }

  // An offer's scripts: one row each (id and text), with its own error slots (scripts[1].text).
  function addScriptRow(script) {
    const list = $("offer-scripts");
    const index = list.children.length;
    const row = el("li", "offer-script");
    const id = el("input", "offer-script__id");
    id.value = script.id;
    id.spellcheck = false;
    id.setAttribute("aria-label", `${t("offerScriptId")} ${index + 1}`);
    const text = el("textarea", "offer-script__text");
    text.rows = 2;
    text.value = script.text;
    text.setAttribute("aria-label", `${t("offerScriptText")} ${index + 1}`);
    const remove = el("button", "button button--ghost button--small", t("offerScriptRemove"));
    remove.type = "button";
    remove.addEventListener("click", () => row.remove());
    const idError = el("span", "field__error");
    idError.dataset.copilotError = `scripts[${index}].id`;
    const textError = el("span", "field__error");
    textError.dataset.copilotError = `scripts[${index}].text`;
    row.append(id, text, remove, idError, textError);
    list.append(row);
  }

  function renderRetire() {
    const button = $("copilot-retire");
    button.hidden = !state.editing;
    if (state.editing) button.textContent = t(state.editing.retired ? "copilotRestore" : "copilotRetire");
  }

  function itemFromForm() {
    const common = { id: $("copilot-id").value.trim(), language: $("copilot-language").value, retired: Boolean(state.editing?.retired) };
    if (state.kind === "scripts") {
      return { ...common, business: $("copilot-business").value, title: $("copilot-title").value.trim(), text: $("script-text").value.trim(),
        intents: commas($("script-intents").value), keywords: commas($("script-keywords").value) };
    }
    if (state.kind === "disclosures") {
      return { ...common, business: $("copilot-business").value, title: $("copilot-title").value.trim(), wording: $("disclosure-wording").value.trim(),
        concepts: groups($("disclosure-concepts").value), mandatory: $("disclosure-mandatory").checked };
    }
    const number = (id) => Number.parseInt($(id).value, 10) || 0;
    return {
      ...common, name: $("offer-name").value.trim(), category: $("offer-category").value.trim(), priority: number("offer-priority"),
      rules: {
        tiers: commas($("offer-tiers").value), minVipLevel: number("offer-min-vip"), layers: checked("offer-layers"),
        requiredTags: commas($("offer-required-tags").value), excludedTags: commas($("offer-excluded-tags").value),
        scenarios: checked("offer-scenarios"), maxPitchesPer30Days: number("offer-cap-30"), maxPitchesPerConversation: number("offer-cap-conversation"),
      },
      scripts: [...$("offer-scripts").children].map((row) => ({
        id: row.querySelector(".offer-script__id").value.trim(), text: row.querySelector(".offer-script__text").value.trim(),
      })),
      pitchConcepts: groups($("offer-pitch-concepts").value),
    };
  }

  async function save(event) {
    event.preventDefault();
    clearErrors();
    const item = itemFromForm();
    // The id is the URL's, so it cannot be left for the server to check; and PUT creates or replaces, so a new item
    // must not silently replace another with the same id.
    const idProblem = !item.id ? "copilotIdRequired" : !state.editing && items().some((other) => other.id === item.id) ? "copilotIdTaken" : null;
    if (idProblem) {
      showErrors({ id: [t(idProblem)] }, null);
      notice(t("invalid"), "error");
      return;
    }

    await put(item, (version) => t("copilotSaved")(version));
  }

  async function toggleRetired() {
    const saved = state.editing;
    await put({ ...saved, retired: !saved.retired }, (version) => t(saved.retired ? "copilotRestored" : "copilotRetired")(version));
  }

  async function put(item, message) {
    $("copilot-save").disabled = true;
    try {
      const path = `${api}/${state.kind}/${encodeURIComponent(item.id)}`;
      const result = await call("PUT", path, { expectedVersion: state.catalog.version, item });
      if (result.ok) {
        state.catalog = result.data;
        open(items().find((saved) => saved.id === item.id));
        notice(message(result.data.version), "success");
      } else if (result.status === 400 && result.data?.errors) {
        showErrors(result.data.errors, result.data.itemPath);
        notice(t("invalid"), "error");
      } else if (result.status === 409 && result.data?.current) {
        const current = result.data.current;
        notice(t("copilotConflict")(current.changedBy, current.version), "warning", reload);
      } else {
        notice(result.data?.detail || t("failed"), "error");
      }
    } finally {
      $("copilot-save").disabled = false;
    }
  }

  // After a conflict: the latest catalogue, and the item as it is there now (or a fresh form if it is gone).
  async function reload() {
    const id = state.editing?.id;
    await load();
    const latest = items().find((item) => item.id === id);
    if (latest) {
      open(latest);
    } else if (state.editing) {
      closeEditor();
    } else {
      notice(null);
    }
  }

  // errors are keyed by catalogue path ("offers[2].scripts[0].text"); those under itemPath go beside the item's own fields.
  function showErrors(errors, itemPath) {
    const others = [];
    for (const [path, problems] of Object.entries(errors)) {
      const own = itemPath === null ? path : path.startsWith(`${itemPath}.`) ? path.slice(itemPath.length + 1) : null;
      const slot = own === null ? null : slotFor(own);
      if (slot) {
        slot.textContent = [slot.textContent, ...problems].filter(Boolean).join(" ");
        slot.closest(".field, .offer-script")?.classList.add("field--invalid");
      } else {
        others.push(`${path}: ${problems.join(" ")}`);
      }
    }
    const list = $("copilot-other-errors");
    list.replaceChildren(...(others.length ? [el("li", "", t("otherErrors")), ...others.map((line) => el("li", "", line))] : []));
  }

  // The most precise slot for a path: scripts[1].text, else without indexes (concepts[2] → concepts), else its first part.
  function slotFor(path) {
    const candidates = [path, path.replace(/\[\d+\]/g, ""), path.split(/[.[]/)[0]];
    for (const candidate of candidates) {
      const slot = form.querySelector(`[data-copilot-error="${CSS.escape(candidate)}"]`);
      if (slot && !slot.closest("[hidden]")) return slot;
    }
    return null;
  }

  function clearErrors() {
    form.querySelectorAll("[data-copilot-error]").forEach((slot) => { slot.textContent = ""; });
    form.querySelectorAll(".field--invalid").forEach((field) => field.classList.remove("field--invalid"));
    $("copilot-other-errors").replaceChildren();
  }

  function notice(message, kind, action) {
    const box = $("copilot-notice");
    box.hidden = !message;
    box.className = "notice" + (kind ? ` notice--${kind}` : "");
    box.textContent = message || "";
    if (action) {
      const button = el("button", "button button--ghost", t("reload"));
      button.type = "button";
      button.addEventListener("click", action);
      box.append(button);
    }
    if (message) box.scrollIntoView({ block: "nearest" });
  }

  window.addEventListener("hashchange", follow);
  // The view may already be showing when the trainer signs in (the hash chose it), so follow the console appearing too.
  new MutationObserver(follow).observe($("copilot"), { attributes: true, attributeFilter: ["hidden"] });
  new MutationObserver(follow).observe($("app"), { attributes: true, attributeFilter: ["hidden"] });
  $("copilot-new").addEventListener("click", create);
  $("offer-script-add").addEventListener("click", () => addScriptRow({ id: "", text: "" }));
  $("copilot-retire").addEventListener("click", toggleRetired);
  form.addEventListener("submit", save);
  $("copilot-filter-text").addEventListener("input", renderList);
  for (const id of ["copilot-filter-business", "copilot-filter-language", "copilot-filter-status"]) {
    $(id).addEventListener("change", renderList);
  }
  document.querySelectorAll(".lang-switch__option").forEach((button) => button.addEventListener("click", () => setTimeout(() => {
    if (!state.kind) return;
    renderStatic();
    renderList();
  })));
})();
