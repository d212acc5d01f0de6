// The trainer console's "test a question" tab (测试问题): the bot's knowledge search over /api/knowledge/search, shown
// as a ranked table with each retriever's score. Tabs follow the URL hash (#entries, #test, #unanswered, and the
// copilot catalogue's #scripts, #disclosures, #offers, which share one view).
(() => {
  "use strict";

  const texts = window.trainerTexts;
  const { $, call } = window.staff;
  const t = (key) => texts[document.documentElement.lang in texts ? document.documentElement.lang : "zh-CN"][key];
  let last = null;

  // Each tab's hash and the view it shows; anything else is the entries.
  const views = { "#test": "testbox", "#unanswered": "unanswered", "#scripts": "copilot", "#disclosures": "copilot", "#offers": "copilot" };

  function showTab() {
    const hash = location.hash in views ? location.hash : "#entries";
    const shown = views[hash] || "workspace";
    const allowed = $("forbidden").hidden;
    for (const view of ["workspace", ...Object.values(views)]) {
      $(view).hidden = view !== shown || !allowed;
    }

    document.querySelectorAll(".tabs__tab").forEach((tab) => {
      if (tab.getAttribute("href") === hash) {
        tab.setAttribute("aria-current", "page");
      } else {
        tab.removeAttribute("aria-current");
      }
    });
  }

  async function run(event) {
    event.preventDefault();
    const result = await call("POST", "/api/knowledge/search",
      { question: $("test-question").value, language: $("test-language").value, channel: $("test-channel").value });
    last = result.ok ? result.data : null;
    render();
  }

  const score = (value, digits) => (value === null || value === undefined ? t("notFound") : value.toFixed(digits));

  function cell(row, text, className) {
    const td = document.createElement("td");
    if (className) td.className = className;
    td.textContent = text;
    row.append(td);
    return td;
  }

  function scoreCell(row, value, rank, digits) {
    const td = cell(row, score(value, digits), "num");
    if (rank) {
      const small = document.createElement("span");
      small.className = "results__rank";
      small.textContent = t("rankOf")(rank);
      td.append(small);
    }
  }

  function render() {
    const verdict = $("test-verdict");
    const table = $("test-results");
    const body = table.querySelector("tbody");
    body.replaceChildren();
    if (!last) {
      verdict.hidden = true;
      table.hidden = true;
      return;
    }

    const confidence = last.confidence.toFixed(2);
    const floor = last.floor.toFixed(2);
    verdict.hidden = false;
    verdict.className = `notice testbox__verdict testbox__verdict--${last.wouldAnswer ? "answer" : "none"}`;
    verdict.textContent = last.hits.length === 0 ? t("noHits")
      : last.wouldAnswer ? t("wouldAnswer")(confidence, floor) : t("wouldNotAnswer")(confidence, floor);
    table.hidden = last.hits.length === 0;
    last.hits.forEach((hit, index) => {
      const row = document.createElement("tr");
      cell(row, String(index + 1), "num");
      const entry = cell(row, "");
      const title = document.createElement("div");
      title.className = "results__title";
      title.textContent = hit.title;
      const meta = document.createElement("div");
      meta.className = "results__meta";
      meta.textContent = `${hit.entryId} · ${hit.matchedText}`;
      entry.append(title, meta);
      scoreCell(row, hit.lexical, hit.lexicalRank, 2);
      scoreCell(row, hit.dense, hit.denseRank, 3);
      cell(row, hit.fused.toFixed(4), "num");
      body.append(row);
    });
  }

  window.addEventListener("hashchange", showTab);
  $("test-form").addEventListener("submit", run);
  document.querySelectorAll(".lang-switch__option").forEach((button) => button.addEventListener("click", () => setTimeout(render)));
  // trainer.js decides whether the console is allowed after sign-in; follow it.
  new MutationObserver(showTab).observe($("forbidden"), { attributes: true, attributeFilter: ["hidden"] });
  new MutationObserver(showTab).observe($("app"), { attributes: true, attributeFilter: ["hidden"] });
  $("test-language").value = document.documentElement.lang === "en" ? "en" : "zh-CN";
})();
