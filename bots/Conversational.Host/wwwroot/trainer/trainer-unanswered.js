// The trainer console's unanswered-questions tab (未解决问题): clusters of what the bot could not answer from
// /api/knowledge/unanswered, and the three ways to close one: a new FAQ entry (prefilled title and variants), examples
// of an intent (the model retrains at once), or a dismissal. Plain DOM; text is always set with textContent.
(() => {
  "use strict";

  const texts = window.trainerTexts;
  const api = "/api/knowledge/unanswered";
  const { $, call } = window.staff;
  const t = (key) => texts[document.documentElement.lang in texts ? document.documentElement.lang : "zh-CN"][key];
  const state = { clusters: [], intents: [], current: null };

  async function load() {
    if ($("unanswered").hidden) {
      return;
    }

    const query = new URLSearchParams({ days: $("unanswered-days").value });
    if ($("unanswered-language").value) {
      query.set("language", $("unanswered-language").value);
    }

    const result = await call("GET", `${api}?${query}`);
    if (!result.ok) {
      return;
    }

    state.clusters = result.data.clusters;
    state.intents = result.data.intents;
    state.current = state.clusters.find((cluster) => cluster.id === state.current?.id) || null;
    renderList();
    renderDetail();
  }

  function span(text, className) {
    const node = document.createElement("span");
    node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  const when = (instant) => new Date(instant).toLocaleString(document.documentElement.lang);

  function renderList() {
    const list = $("cluster-list");
    list.replaceChildren();
    $("cluster-count").textContent = state.clusters.length ? t("clusterCount")(state.clusters.length) : t("noClusters");
    for (const cluster of state.clusters) {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "entry cluster-item";
      button.setAttribute("aria-current", String(state.current?.id === cluster.id));
      const title = document.createElement("div");
      title.className = "entry__title";
      title.append(span(cluster.suggestedTitle), span(cluster.language, "pill pill--lang"), span(t("times")(cluster.count), "pill pill--count"));
      const meta = document.createElement("div");
      meta.className = "entry__meta";
      meta.textContent = cluster.examples.slice(1).join(" · ") || t("lastSeen")(when(cluster.lastSeen));
      button.append(title, meta);
      button.addEventListener("click", () => select(cluster));
      item.append(button);
      list.append(item);
    }
  }

  function select(cluster) {
    state.current = cluster;
    $("cluster-notice").hidden = true;
    $("faq-form").hidden = true;
    $("intent-form").hidden = true;
    renderList();
    renderDetail();
  }

  function renderDetail() {
    const cluster = state.current;
    $("cluster-empty").hidden = Boolean(cluster);
    $("cluster-detail").hidden = !cluster;
    if (!cluster) {
      return;
    }

    $("cluster-title").textContent = cluster.suggestedTitle;
    $("cluster-count-pill").textContent = t("times")(cluster.count);
    $("cluster-count-pill").className = "pill pill--count";
    $("cluster-meta").textContent = `${cluster.language} · ${t("firstSeen")(when(cluster.firstSeen))} · ${t("lastSeen")(when(cluster.lastSeen))} · ${cluster.topIntent}`;
    $("cluster-examples").replaceChildren(...cluster.examples.map((example) => {
      const item = document.createElement("li");
      item.textContent = example;
      return item;
    }));
  }

  function notice(text, kind) {
    const node = $("cluster-notice");
    node.textContent = text;
    node.className = `notice notice--${kind}`;
    node.hidden = false;
  }

  function openFaq() {
    const cluster = state.current;
    const form = $("faq-form");
    form.reset();
    clearErrors();
    $("faq-title").value = cluster.suggestedTitle;
    $("faq-questions").value = cluster.questions.join("\n");
    $("faq-id").placeholder = cluster.language === "en" ? "e.g. gift-wrap.en" : "如 gift-wrap.zh";
    $("intent-form").hidden = true;
    form.hidden = false;
    $("faq-id").focus();
  }

  function openIntent() {
    const picker = $("intent-picker");
    picker.replaceChildren(...state.intents.map((intent) => new Option(intent, intent, false, intent === state.current.topIntent)));
    $("faq-form").hidden = true;
    $("intent-form").hidden = false;
    picker.focus();
  }

  function clearErrors() {
    document.querySelectorAll("#faq-form [data-faq-error-for]").forEach((slot) => {
      slot.textContent = "";
      slot.closest(".field").classList.remove("field--invalid");
    });
  }

  const lines = (value) => value.split("\n").map((line) => line.trim()).filter(Boolean);
  const commas = (value) => value.split(/[,，]/).map((item) => item.trim()).filter(Boolean);

  async function createFaq(event) {
    event.preventDefault();
    clearErrors();
    const result = await call("POST", `${api}/${state.current.id}/faq`, {
      id: $("faq-id").value.trim(), owner: $("faq-owner").value.trim(), title: $("faq-title").value.trim(),
      questions: lines($("faq-questions").value), answer: $("faq-answer").value, tags: commas($("faq-tags").value),
    });
    if (result.status === 400 && result.data?.errors) {
      for (const [field, problems] of Object.entries(result.data.errors)) {
        const slot = document.querySelector(`#faq-form [data-faq-error-for="${field.split("[")[0]}"]`);
        if (slot) {
          slot.textContent = problems.join(" ");
          slot.closest(".field").classList.add("field--invalid");
        }
      }

      notice(t("invalid"), "error");
      return;
    }

    await finish(result, () => t("faqCreated")(result.data.entry.id, result.data.resolved));
  }

  async function addExamples(event) {
    event.preventDefault();
    notice(t("training"), "warning");
    const intent = $("intent-picker").value;
    const result = await call("POST", `${api}/${state.current.id}/intent-example`, { intent });
    await finish(result, () => t("examplesAdded")(result.data.examplesAdded, intent, result.data.modelVersion));
  }

  async function dismiss() {
    const result = await call("POST", `${api}/${state.current.id}/dismiss`);
    await finish(result, () => t("dismissed")(result.data.resolved));
  }

  // A closed cluster leaves the list; a stale one (closed elsewhere) says so and the list reloads.
  async function finish(result, success) {
    if (!result.ok) {
      notice(result.status === 404 ? t("clusterGone") : result.data?.detail || t("failed"), "error");
      if (result.status === 404) {
        await load();
      }

      return;
    }

    $("faq-form").hidden = true;
    $("intent-form").hidden = true;
    const text = success();
    await load();
    $("cluster-empty").hidden = true;
    $("cluster-detail").hidden = false;
    ["cluster-to-faq", "cluster-to-intent", "cluster-dismiss"].forEach((id) => { $(id).disabled = true; });
    notice(text, "success");
    state.current = null;
  }

  function enableActions() {
    ["cluster-to-faq", "cluster-to-intent", "cluster-dismiss"].forEach((id) => { $(id).disabled = false; });
  }

  $("unanswered-language").addEventListener("change", load);
  $("unanswered-days").addEventListener("change", load);
  $("cluster-list").addEventListener("click", enableActions);
  $("cluster-to-faq").addEventListener("click", openFaq);
  $("cluster-to-intent").addEventListener("click", openIntent);
  $("cluster-dismiss").addEventListener("click", dismiss);
  $("faq-form").addEventListener("submit", createFaq);
  $("intent-form").addEventListener("submit", addExamples);
  document.querySelectorAll(".lang-switch__option").forEach((button) => button.addEventListener("click", () => setTimeout(() => {
    renderList();
    renderDetail();
  })));
  // trainer-test.js shows and hides the tabs; load whenever this one appears.
  new MutationObserver(load).observe($("unanswered"), { attributes: true, attributeFilter: ["hidden"] });
})();
