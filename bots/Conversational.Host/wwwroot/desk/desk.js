// The agent desk (坐席工作台): presence, offers with a countdown, queue counts, own chats with unread badges, and the
// open chat with the copilot panel and the context panel beside it (two tabs). Live over the /api/desk/stream WebSocket; after a drop it reconnects with backoff
// and re-reads the state and the open chat, so nothing said meanwhile is missed.
(() => {
  "use strict";

  const { $, call, el, duration, clock } = window.staff;
  const RETRY_FIRST_MS = 1000;
  const RETRY_MAX_MS = 15000;
  const HEARTBEAT_MS = 20000; // well inside the server's 60 s heartbeat timeout

  const state = {
    me: null, desk: null, open: null, socket: null, retryDelay: RETRY_FIRST_MS, reconnectTimer: 0,
    refreshTimer: 0, heartbeatTimer: 0, tickTimer: 0, signedIn: false,
    // Per chat, the sequences of customer messages the stream pushed that no state read has counted yet.
    pushed: new Map(),
  };
  const texts = window.staff.texts(window.deskTexts, "conversational.desk.locale", rerender);
  const t = texts.t;
  const label = (table, key) => (t(table) || {})[key] || key;

  // Desk state: presence, offers, queues, chats

  async function refresh() {
    const result = await call("GET", "/api/desk/state");
    if (result.status === 401) {
      disconnect(); // the cookie expired: sign in again, and stop reconnecting the stream meanwhile
      return gate.start();
    }
    if (!result.ok) return;
    state.desk = result.data;
    // A read that raced a push either counted it (its sequence is at or below the chat's lastSeq) or not: add the
    // ones it did not, so a badge is neither dropped nor doubled.
    for (const chat of state.desk.chats) {
      const uncounted = (state.pushed.get(chat.conversationId) || []).filter((seq) => seq > chat.lastSeq);
      chat.unread += uncounted.length;
      state.pushed.set(chat.conversationId, uncounted);
    }
    renderDesk();
  }

  function scheduleRefresh() {
    clearTimeout(state.refreshTimer);
    state.refreshTimer = setTimeout(refresh, 100); // a burst of changes is one re-read
  }

  function renderDesk() {
    const desk = state.desk;
    if (!desk) return;
    const status = String(desk.agent.status).toLowerCase();
    document.querySelectorAll(".presence__option").forEach((button) =>
      button.setAttribute("aria-checked", String(button.dataset.status === status)));
    $("capacity").textContent = t("capacity")(desk.agent.activeChats, desk.agent.maxChats);
    $("capacity").classList.toggle("capacity--full", desk.agent.activeChats >= desk.agent.maxChats);
    renderOffers(desk.offers);
    renderQueues(desk.queues);
    renderChats(desk.chats);
    renderOpenHeader();
  }

  function renderOffers(offers) {
    const list = $("offers");
    list.replaceChildren();
    $("offers-count").textContent = offers.length ? String(offers.length) : "";
    if (!offers.length) list.append(el("li", "empty", t("noOffers")));
    for (const offer of offers) {
      const item = el("li", "offer");
      item.dataset.conversationId = offer.conversationId;
      item.dataset.expiresAt = offer.expiresAt;
      const head = el("div", "offer__head");
      head.append(el("strong", "offer__name", offer.customerName));
      if (offer.vipLevel > 0) head.append(el("span", "pill pill--vip", `VIP${offer.vipLevel}`));
      head.append(el("span", "pill pill--brand", label("groups", offer.skillGroup)));
      const meta = el("div", "offer__meta", [label("reasons", offer.reason), t("waited")(duration(offer.waitedSeconds)), label("why", offer.why)].join(" · "));
      const timer = el("div", "offer__timer");
      timer.append(el("span", "offer__bar"));
      const countdown = el("span", "offer__countdown");
      const actions = el("div", "offer__actions");
      const accept = el("button", "button button--primary button--small", t("accept"));
      accept.type = "button";
      accept.addEventListener("click", () => acceptOffer(offer.conversationId, accept));
      const decline = el("button", "button button--ghost button--small", t("decline"));
      decline.type = "button";
      decline.addEventListener("click", () => declineOffer(offer.conversationId));
      actions.append(countdown, decline, accept);
      item.append(head, meta, timer, actions);
      list.append(item);
    }
    tick();
  }

  /** Each second: the offers' countdowns (an expired offer cannot be accepted; the next state read drops it). */
  function tick() {
    for (const item of $("offers").querySelectorAll(".offer")) {
      const left = (Date.parse(item.dataset.expiresAt) - Date.now()) / 1000;
      const total = Number(item.dataset.total || (item.dataset.total = String(Math.max(left, 1))));
      item.querySelector(".offer__bar").style.width = `${Math.max(0, Math.min(1, left / total)) * 100}%`;
      item.querySelector(".offer__countdown").textContent = left > 0 ? t("expiresIn")(Math.ceil(left)) : t("expired");
      item.classList.toggle("offer--urgent", left <= 10);
      item.querySelector(".button--primary").disabled = left <= 0;
    }
  }

  function renderQueues(queues) {
    const list = $("queues");
    list.replaceChildren();
    if (!queues.length) list.append(el("li", "empty", t("noQueues")));
    for (const queue of queues) {
      const item = el("li", "queue" + (queue.waiting > 0 ? " queue--busy" : ""));
      item.append(el("span", "queue__group", label("groups", queue.skillGroup)),
        el("span", "queue__line", t("queueLine")(queue.waiting, duration(queue.longestWaitSeconds))));
      list.append(item);
    }
  }

  function renderChats(chats) {
    const list = $("chats");
    list.replaceChildren();
    $("chats-count").textContent = chats.length ? String(chats.length) : "";
    if (!chats.length) list.append(el("li", "empty", t("noChats")));
    for (const chat of chats) {
      const item = el("li");
      const button = el("button", "chat-item");
      button.type = "button";
      button.dataset.conversationId = chat.conversationId;
      button.setAttribute("aria-current", String(state.open?.conversationId === chat.conversationId));
      const top = el("span", "chat-item__top");
      top.append(el("strong", "chat-item__name", chat.customerName), el("time", "chat-item__time", chat.lastAt ? clock(chat.lastAt, texts.locale) : ""));
      const bottom = el("span", "chat-item__bottom");
      bottom.append(el("span", "chat-item__text", chat.lastText || ""));
      if (chat.unread > 0) {
        const badge = el("span", "badge", chat.unread > 99 ? "99+" : String(chat.unread));
        badge.setAttribute("aria-label", t("unread")(chat.unread));
        bottom.append(badge);
      }
      button.append(top, el("span", "chat-item__group", label("groups", chat.skillGroup)), bottom);
      button.addEventListener("click", () => openChat(chat.conversationId));
      item.append(button);
      list.append(item);
    }
  }

  async function setPresence(status) {
    const result = await call("POST", "/api/desk/presence", { status });
    if (result.ok && state.desk) {
      state.desk.agent = result.data;
      renderDesk();
    }
  }

  async function acceptOffer(conversationId, button) {
    button.disabled = true;
    const result = await call("POST", `/api/desk/offers/${encodeURIComponent(conversationId)}/accept`);
    if (result.ok) {
      await refresh();
      await openChat(conversationId);
    } else {
      flash(result.status === 409 ? t("offerTaken") : problem(result), "error");
      await refresh();
    }
  }

  async function declineOffer(conversationId) {
    await call("POST", `/api/desk/offers/${encodeURIComponent(conversationId)}/decline`);
    await refresh();
  }

  // The open chat

  const isMine = (id) => !!state.desk?.chats.some((chat) => chat.conversationId === id);

  async function openChat(conversationId) {
    const result = await call("GET", `/api/desk/conversations/${encodeURIComponent(conversationId)}`);
    if (!result.ok) {
      flash(problem(result), "error");
      return;
    }
    const first = state.open?.conversationId !== conversationId;
    // Messages the stream pushed while this read was in flight are kept (appendActivities drops those read twice).
    const pushed = first ? [] : state.open.activities;
    state.open = { ...result.data, rendered: new Set(), activities: [] };
    $("chat-empty").hidden = true;
    $("chat").hidden = false;
    $("side").hidden = false;
    $("transcript").replaceChildren();
    if (first) flash(null);
    appendActivities(result.data.messages);
    appendActivities(pushed);
    renderOpenHeader();
    window.deskContext.render($("context-body"), result.data, texts);
    if (state.desk) renderChats(state.desk.chats);
    markRead();
    if (first && isMine(conversationId)) $("reply-input").focus();
    await copilot.open(conversationId);
  }

  function renderOpenHeader() {
    const open = state.open;
    if (!open) return;
    const customer = open.package?.customer;
    $("chat-title").textContent = customer?.name || open.conversationId;
    const meta = $("chat-meta");
    meta.replaceChildren();
    if (customer?.vipLevel > 0) meta.append(el("span", "pill pill--vip", `VIP${customer.vipLevel}`));
    const owner = String(open.owner || "").toLowerCase();
    const ownerKey = owner === "agent" ? "ownerAgent" : owner === "waiting" ? "ownerWaiting" : "ownerBot";
    meta.append(el("span", owner === "agent" ? "pill pill--success" : "pill", t(ownerKey)));
    if (open.package?.channel) meta.append(el("span", "chat__channel", open.package.channel));
    const mine = isMine(open.conversationId) && owner === "agent";
    document.querySelectorAll("#chat-actions .button").forEach((button) => { button.disabled = !mine; });
    $("reply-input").disabled = !mine;
    $("reply-send").disabled = !mine;
    if (!mine && $("chat-notice").dataset.kind !== "success") flash(t("readOnly"), "warning");
    if (mine && $("chat-notice").textContent === t("readOnly")) flash(null);
    copilot.render(); // its buttons follow whether the agent may act
  }

  function roleOf(activity) {
    const role = activity.from?.role;
    return role === "user" ? "customer" : role === "agent" ? "agent" : "bot";
  }

  function appendActivities(activities) {
    const list = $("transcript");
    for (const activity of activities || []) {
      if (!activity || activity.type !== "message" || !activity.text) continue;
      const id = String(activity.id);
      if (state.open.rendered.has(id)) continue;
      state.open.rendered.add(id);
      state.open.activities.push(activity);
      state.open.lastSeq = Math.max(Number(state.open.lastSeq) || 0, Number(activity.id) || 0);
      const role = roleOf(activity);
      const item = el("li", `line line--${role}`);
      item.dataset.seq = id;
      const who = role === "customer" ? t("customer") : role === "agent" ? (activity.from.name || t("agent")) : t("bot");
      const head = el("div", "line__head");
      head.append(el("span", "line__who", who), el("time", "line__time", clock(activity.timestamp, texts.locale)));
      item.append(head, el("div", "line__bubble", activity.text));
      // Keep the log in sequence order even when the POST answer and the stream race.
      const after = [...list.children].find((other) => Number(other.dataset.seq) > Number(id));
      list.insertBefore(item, after || null);
    }
    list.scrollTop = list.scrollHeight;
  }

  async function markRead() {
    const open = state.open;
    // Not gated on the chat list: right after an accept the list may not show the chat yet (the server decides anyway).
    if (!open || String(open.owner).toLowerCase() !== "agent") return;
    await call("POST", `/api/desk/conversations/${encodeURIComponent(open.conversationId)}/read`, { seq: Number(open.lastSeq) || 0 });
    state.pushed.delete(open.conversationId);
    const chat = state.desk?.chats.find((c) => c.conversationId === open.conversationId);
    if (chat && chat.unread) {
      chat.unread = 0;
      renderChats(state.desk.chats);
    }
  }

  function receiveActivity(conversationId, activity) {
    if (state.open?.conversationId === conversationId) {
      appendActivities([activity]);
      if (document.visibilityState === "visible") markRead();
      return;
    }
    const chat = state.desk?.chats.find((c) => c.conversationId === conversationId);
    const seq = Number(activity.id);
    if (chat && roleOf(activity) === "customer" && seq > chat.lastSeq) {
      const pushed = state.pushed.get(conversationId) || [];
      if (pushed.includes(seq)) return; // the same message again after a reconnect
      state.pushed.set(conversationId, [...pushed, seq]);
      chat.unread = (chat.unread || 0) + 1;
      chat.lastText = activity.text || chat.lastText;
      chat.lastAt = activity.timestamp || chat.lastAt;
      renderChats(state.desk.chats);
    }
  }

  async function sendReply(event) {
    event.preventDefault();
    const input = $("reply-input");
    const text = input.value.trim();
    const open = state.open;
    if (!text || !open) return;
    $("reply-send").disabled = true;
    const result = await call("POST", `/api/desk/conversations/${encodeURIComponent(open.conversationId)}/messages`, { text });
    $("reply-send").disabled = false;
    if (result.ok) {
      input.value = "";
      if (state.open === open) copilot.sent(text);
      if (state.open === open) appendActivities([result.data]);
      input.focus();
    } else {
      flash(problem(result), "error");
    }
  }

  function flash(message, kind) {
    const box = $("chat-notice");
    box.hidden = !message;
    box.textContent = message || "";
    box.dataset.kind = kind || "";
    box.className = `notice chat__notice${kind ? ` notice--${kind}` : ""}`;
  }

  const problem = (result) => result.data?.detail || result.data?.title || t("failed");

  // Live: the desk WebSocket

  function connect() {
    if (!state.signedIn) return;
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const socket = new WebSocket(`${scheme}://${location.host}/api/desk/stream`);
    state.socket = socket;
    setLive(state.retryDelay === RETRY_FIRST_MS ? "connecting" : "reconnecting");
    // The stream's first frame comes once the server knows where each chat stands: what landed before it is read
    // again over HTTP then, what lands after is pushed, so nothing falls between the two (on a first connect or a retry).
    let first = true;
    socket.addEventListener("open", () => {
      if (socket !== state.socket) return;
      state.retryDelay = RETRY_FIRST_MS;
      setLive("open");
    });
    socket.addEventListener("message", (event) => {
      if (socket !== state.socket) return;
      let message;
      try { message = JSON.parse(event.data); } catch { return; } // a malformed frame is skipped, not fatal
      if (message.type === "state" && first) {
        first = false;
        catchUp();
      } else if (message.type === "state") scheduleRefresh();
      else if (message.type === "activity") receiveActivity(message.conversationId, message.activity);
      else if (message.type === "copilot") copilot.receive(message.conversationId, message.copilot);
    });
    socket.addEventListener("close", () => {
      if (socket !== state.socket || !state.signedIn) return;
      state.socket = null;
      setLive("reconnecting");
      clearTimeout(state.reconnectTimer);
      state.reconnectTimer = setTimeout(connect, state.retryDelay);
      state.retryDelay = Math.min(state.retryDelay * 2, RETRY_MAX_MS);
    });
  }

  /** On (re)connecting: whatever changed meanwhile is read again, not waited for. */
  async function catchUp() {
    await refresh();
    if (state.open) await openChat(state.open.conversationId);
  }

  function setLive(connection) {
    const live = $("live");
    live.dataset.state = connection;
    live.textContent = t(connection === "open" ? "live" : connection);
  }

  function disconnect() {
    state.signedIn = false;
    clearTimeout(state.reconnectTimer);
    clearInterval(state.heartbeatTimer);
    clearInterval(state.tickTimer);
    if (state.socket) state.socket.close();
    state.socket = null;
  }

  // Start, language, wiring

  async function enter(me) {
    state.me = me;
    state.signedIn = true;
    state.open = null;
    $("chat").hidden = true;
    $("side").hidden = true;
    $("chat-empty").hidden = false;
    await refresh();
    connect();
    state.heartbeatTimer = setInterval(() => call("POST", "/api/desk/heartbeat"), HEARTBEAT_MS);
    state.tickTimer = setInterval(tick, 1000);
  }

  function rerender() {
    renderDesk();
    setLive($("live").dataset.state);
    if (state.open) {
      $("transcript").replaceChildren();
      const activities = state.open.activities;
      state.open.rendered = new Set();
      state.open.activities = [];
      appendActivities(activities);
      window.deskContext.render($("context-body"), state.open, texts);
    }
    copilot.render();
  }

  const gate = window.staff.gate({ roles: ["agent", "supervisor", "admin"], t, enter, leave: disconnect });

  /** Puts text into the reply box for editing: into an empty box as it is, after what is typed on a new line. */
  function insertReply(text) {
    const input = $("reply-input");
    if (input.disabled) return;
    input.value = input.value.trim() ? `${input.value.replace(/\s+$/, "")}\n${text}` : text;
    input.focus();
    // A variable still to fill ({amount}) is selected, so typing replaces it.
    const at = input.value.search(/\{[a-z0-9_]+\}/);
    if (at >= 0) input.setSelectionRange(at, input.value.indexOf("}", at) + 1);
    else input.setSelectionRange(input.value.length, input.value.length);
  }

  /** The right column's tabs: the copilot (智能助手) and the customer context (客户信息). */
  function showTab(tab) {
    for (const [button, panel] of [[$("tab-copilot"), $("copilot")], [$("tab-context"), $("context")]]) {
      const selected = button === tab;
      button.setAttribute("aria-selected", String(selected));
      button.tabIndex = selected ? 0 : -1;
      panel.hidden = !selected;
    }
  }

  const actions = window.deskActions.wire({
    texts,
    current: () => state.open,
    groups: () => Object.keys(t("groups")),
    done: async (message, replies) => {
      if (replies) appendActivities(replies);
      await refresh();
      if (state.open) await openChat(state.open.conversationId);
      flash(message, "success");
    },
    problem,
  });

  const copilot = window.deskCopilot.create({
    texts,
    current: () => state.open,
    canAct: () => !$("reply-input").disabled,
    insert: insertReply,
    openTicket: (draft) => actions.openTicket(draft),
    problem,
  });

  document.querySelectorAll(".presence__option").forEach((button) => button.addEventListener("click", () => setPresence(button.dataset.status)));
  $("reply").addEventListener("submit", sendReply);
  $("reply-input").addEventListener("input", () => { if (!$("reply-input").value.trim()) copilot.abandoned(); });
  for (const tab of [$("tab-copilot"), $("tab-context")]) {
    tab.addEventListener("click", () => showTab(tab));
    tab.addEventListener("keydown", (event) => {
      if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
      const other = tab === $("tab-copilot") ? $("tab-context") : $("tab-copilot");
      showTab(other);
      other.focus();
    });
  }
  $("reply-input").addEventListener("keydown", (event) => {
    // Enter sends; Shift+Enter is a new line; Enter that confirms a Chinese IME candidate is not a send.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      $("reply").requestSubmit();
    }
  });
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") markRead(); });

  gate.start();
})();
