// The supervisor view's opening-rate table (启齿率): /api/copilot/analytics by agent, offer or pitch script, with the
// names of agents (from the overview) and offers (from the copilot catalogue). supervisor.js refreshes it with every
// overview it receives; a refresh already under way, or one less than a few seconds old, is not repeated.
window.openingRate = (() => {
  "use strict";

  const { $, call, el } = window.staff;
  const MIN_REFRESH_MS = 4000;
  const state = { stats: null, offers: new Map(), by: "byAgent", loadedAt: 0, loading: null, names: new Map(), t: null, locale: "zh-CN" };

  const percent = (value) => `${(value * 100).toFixed(1)}%`;

  /** Reads the statistics again unless a read is under way or fresh; force after the period changed. */
  async function refresh(force) {
    if (state.loading || (!force && Date.now() - state.loadedAt < MIN_REFRESH_MS)) return state.loading;
    state.loading = (async () => {
      const to = new Date();
      const from = new Date(to.getTime() - Number($("opening-days").value) * 86_400_000);
      const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
      const [stats] = await Promise.all([call("GET", `/api/copilot/analytics?${query}`), state.offers.size ? null : loadOffers()]);
      if (stats.ok) state.stats = stats.data;
      state.loadedAt = Date.now();
      render();
    })().finally(() => { state.loading = null; });
    return state.loading;
  }

  async function loadOffers() {
    const catalog = await call("GET", "/api/copilot/catalog");
    if (!catalog.ok) return;
    for (const offer of catalog.data.offers) {
      state.offers.set(offer.id, offer.name);
      // The log keys scripts by their own id (shown under the name); the offer's name says whose it is.
      for (const script of offer.scripts) if (!state.offers.has(script.id)) state.offers.set(script.id, offer.name);
    }
  }

  /** The table in the chosen language and grouping; agents are named by the latest overview. */
  function render(t = state.t, locale = state.locale, agents = null) {
    state.t = t;
    state.locale = locale;
    if (agents) agents.forEach((agent) => state.names.set(agent.id, agent.name));
    if (!t) return;
    document.querySelectorAll("[data-opening-by]").forEach((button) => button.setAttribute("aria-pressed", String(button.dataset.openingBy === state.by)));
    $("opening-key").textContent = t("openingKeys")[state.by];
    const body = $("opening").tBodies[0];
    const rows = state.stats ? state.stats[state.by] : [];
    body.replaceChildren(...rows.map((rate) => {
      const row = el("tr");
      row.dataset.key = rate.key;
      const name = el("th");
      name.scope = "row";
      const known = state.by === "byAgent" ? state.names.get(rate.key) : state.offers.get(rate.key);
      name.append(el("span", "agent__name", known || rate.key));
      if (known) name.append(el("span", "agent__id", rate.key));
      row.append(name, el("td", "num", rate.eligible), el("td", "num", rate.pitched), el("td", "num is-strong", percent(rate.rate)),
        el("td", "num", rate.accepted), el("td", "num", rate.declined), el("td", "num", percent(rate.conversion)));
      return row;
    }));
    if (!rows.length) {
      const cell = el("td", "empty", t("noPitches"));
      cell.colSpan = 7;
      const row = el("tr");
      row.append(cell);
      body.append(row);
    }
  }

  document.querySelectorAll("[data-opening-by]").forEach((button) => button.addEventListener("click", () => {
    state.by = button.dataset.openingBy;
    render();
  }));
  $("opening-days").addEventListener("change", () => refresh(true));

  return { refresh, render };
})();
