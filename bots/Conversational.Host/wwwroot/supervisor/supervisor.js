// The supervisor's live view (实时监控): queues by skill group (waiting by priority, longest wait) and agent states,
// pushed by the /api/supervisor/stream server-sent events, and the opening rate (supervisor-opening.js) refreshed with
// them. EventSource reconnects by itself; a rejected cookie ends it.
(() => {
  "use strict";

  const { $, call, el, duration, clock } = window.staff;
  // Longer waits are flagged: the default overflow SLA (Handoff:Groups:*:OverflowAfter, 3 min).
  const LONG_WAIT_SECONDS = 180;
  const state = { overview: null, source: null, tickTimer: 0 };
  const texts = window.staff.texts(window.supervisorTexts, "conversational.supervisor.locale", render);
  const t = texts.t;
  const group = (name) => t("groups")[name] || name;

  function render() {
    setLive($("live").dataset.state);
    window.openingRate.render(t, texts.locale, state.overview?.agents);
    const overview = state.overview;
    if (!overview) return;
    $("updated").textContent = t("updatedAt")(clock(overview.at, texts.locale));
    renderTiles(overview);
    renderQueues(overview.queues);
    renderAgents(overview.agents);
  }

  function renderTiles({ queues, agents }) {
    const waiting = queues.reduce((sum, q) => sum + q.waiting, 0);
    const longest = queues.reduce((max, q) => Math.max(max, q.longestWaitSeconds), 0);
    const status = (a) => String(a.status).toLowerCase();
    const working = agents.filter((a) => status(a) !== "offline");
    const active = working.reduce((sum, a) => sum + a.activeChats, 0);
    const capacity = working.reduce((sum, a) => sum + a.maxChats, 0);
    $("total-waiting").textContent = String(waiting);
    $("longest-wait").textContent = duration(longest);
    $("tile-longest").classList.toggle("tile--alert", longest >= LONG_WAIT_SECONDS);
    $("tile-waiting").classList.toggle("tile--busy", waiting > 0);
    $("agents-online").textContent = t("agentsOnline")(agents.filter((a) => status(a) === "available").length, agents.length);
    $("agent-load").textContent = t("loadValue")(active, capacity);
    $("agent-load-bar").style.width = `${capacity ? Math.min(100, (active / capacity) * 100) : 0}%`;
  }

  function renderQueues(queues) {
    const body = $("queues").tBodies[0];
    body.replaceChildren();
    if (!queues.length) body.append(emptyRow(5, t("noQueues")));
    for (const queue of queues) {
      const row = el("tr");
      row.dataset.group = queue.skillGroup;
      const longest = el("td", "num", duration(queue.longestWaitSeconds));
      if (queue.longestWaitSeconds >= LONG_WAIT_SECONDS) {
        longest.classList.add("is-alert");
        longest.title = t("slaBreached");
      }
      const priorities = el("td");
      const chips = el("span", "chips");
      // Highest priority first, like the queue serves them.
      for (const [priority, count] of Object.entries(queue.waitingByPriority || {}).sort((a, b) => Number(b[0]) - Number(a[0]))) {
        if (count > 0) chips.append(el("span", Number(priority) >= 50 ? "pill pill--vip" : "pill", `${t("priority")(priority)} · ${count}`));
      }
      priorities.append(chips);
      row.append(el("th", "", group(queue.skillGroup)), el("td", `num${queue.waiting ? " is-strong" : ""}`, queue.waiting),
        el("td", "num", queue.offered), longest, priorities);
      row.firstChild.scope = "row";
      body.append(row);
    }
  }

  function renderAgents(agents) {
    const body = $("agents").tBodies[0];
    body.replaceChildren();
    if (!agents.length) body.append(emptyRow(4, t("noAgents")));
    for (const agent of agents) {
      const status = String(agent.status).toLowerCase();
      const row = el("tr", `agent agent--${status}`);
      row.dataset.agentId = agent.id;
      const name = el("th");
      name.scope = "row";
      name.append(el("span", "agent__name", agent.name), el("span", "agent__id", agent.id));
      const presence = el("td");
      const pill = el("span", "presence-pill");
      pill.append(el("span", `dot dot--${status}`), el("span", "", t(status)));
      presence.append(pill);
      const load = el("td");
      const bar = el("span", "load");
      const meter = el("span", "meter");
      const fill = el("span", `meter__fill${agent.activeChats >= agent.maxChats ? " meter__fill--full" : ""}`);
      fill.style.width = `${agent.maxChats ? Math.min(100, (agent.activeChats / agent.maxChats) * 100) : 0}%`;
      meter.append(fill);
      bar.append(meter, el("span", "load__text", `${agent.activeChats}/${agent.maxChats}`));
      load.append(bar);
      const heartbeat = el("td", "num heartbeat");
      heartbeat.dataset.at = agent.lastHeartbeatAt || "";
      row.append(name, presence, load, heartbeat);
      body.append(row);
    }
    tick();
  }

  /** Heartbeat ages move every second between pushes. */
  function tick() {
    for (const cell of document.querySelectorAll(".heartbeat")) {
      const at = Date.parse(cell.dataset.at);
      if (Number.isNaN(at)) { cell.textContent = t("never"); continue; }
      const seconds = Math.max(0, Math.round((Date.now() - at) / 1000));
      cell.textContent = seconds < 120 ? t("secondsAgo")(seconds) : t("minutesAgo")(Math.floor(seconds / 60));
    }
  }

  function emptyRow(columns, text) {
    const row = el("tr");
    const cell = el("td", "empty", text);
    cell.colSpan = columns;
    row.append(cell);
    return row;
  }

  function setLive(connection) {
    $("live").dataset.state = connection;
    $("live").textContent = t(connection === "open" ? "live" : connection);
  }

  function connect() {
    const source = new EventSource("/api/supervisor/stream");
    state.source = source;
    setLive("connecting");
    source.addEventListener("open", () => { if (source === state.source) setLive("open"); });
    source.addEventListener("overview", (event) => {
      if (source !== state.source) return;
      try { state.overview = JSON.parse(event.data); } catch { return; } // a malformed event is skipped, not fatal
      setLive("open");
      render();
      window.openingRate.refresh();
    });
    source.addEventListener("error", async () => {
      if (source !== state.source) return;
      setLive("reconnecting");
      // EventSource retries a dropped stream on its own; a signed-out cookie it would retry forever, so ask.
      const me = await call("GET", "/api/staff/me");
      if (me.status === 401) {
        disconnect();
        gate.start();
      }
    });
  }

  function disconnect() {
    if (state.source) state.source.close();
    state.source = null;
    clearInterval(state.tickTimer);
  }

  async function enter() {
    const first = await call("GET", "/api/supervisor/overview");
    if (first.ok) {
      state.overview = first.data;
      render();
    }
    connect();
    state.tickTimer = setInterval(tick, 1000);
  }

  const gate = window.staff.gate({ roles: ["supervisor", "admin"], t, enter, leave: disconnect });
  gate.start();
})();
