// The web chat widget: plain JavaScript, no framework, no network beyond this host.
// It speaks the app channel API (/api/visitors, /api/conversations/...) and renders Bot Framework activities.
(() => {
  'use strict';

  const MAX_LENGTH = 2000;
  const COUNTER_FROM = 1800;
  const RETRY_FIRST_MS = 1000;
  const RETRY_MAX_MS = 15000;

  /** localStorage keys; the token and ids survive a reload so the history comes back. */
  const KEYS = {
    token: 'conversational.token',
    customerId: 'conversational.customerId',
    expiresAt: 'conversational.expiresAt',
    conversationId: 'conversational.conversationId',
    locale: 'conversational.locale',
  };

  const STRINGS = {
    'zh-CN': {
      title: '小C · 智能客服',
      botName: '小C',
      subtitle: '智能客服 · 在线',
      you: '我',
      languageLabel: '语言',
      messagesLabel: '聊天记录',
      quickRepliesLabel: '快捷回复',
      inputLabel: '输入消息',
      placeholder: '请输入您的问题…',
      send: '发送',
      sending: '发送中…',
      typing: '小C 正在输入…',
      reconnecting: '重新连接中…',
      sendFailed: '发送失败，点击重试',
      cannotSend: '消息无法发送',
      startFailed: '无法连接客服，点击重试',
      safety: '为保障账户安全，请勿在对话中发送密码、验证码',
      counter: (n) => `${n}/${MAX_LENGTH}`,
    },
    en: {
      title: 'C · Virtual assistant',
      botName: 'C',
      subtitle: 'Virtual assistant · Online',
      you: 'You',
      languageLabel: 'Language',
      messagesLabel: 'Chat history',
      quickRepliesLabel: 'Quick replies',
      inputLabel: 'Type a message',
      placeholder: 'Type your question…',
      send: 'Send',
      sending: 'Sending…',
      typing: 'C is typing…',
      reconnecting: 'Reconnecting…',
      sendFailed: 'Not sent. Tap to retry',
      cannotSend: 'This message cannot be sent',
      startFailed: 'Cannot reach customer service. Tap to retry',
      safety: 'For your security, never share passwords or codes here',
      counter: (n) => `${n}/${MAX_LENGTH}`,
    },
  };

  const $ = (id) => document.getElementById(id);
  const ui = {
    body: $('chat-body'),
    list: $('messages'),
    quickReplies: $('quick-replies'),
    typing: $('typing'),
    banner: $('reconnect-banner'),
    queueBanner: $('queue-banner'),
    startError: $('start-error'),
    startRetry: $('start-retry'),
    form: $('composer'),
    input: $('input'),
    send: $('send'),
    counter: $('counter'),
    langButtons: Array.from(document.querySelectorAll('[data-locale]')),
  };

  const state = {
    locale: 'zh-CN',
    token: null,
    customerId: null,
    expiresAt: null,
    conversationId: null,
    ready: false,
    /** Bumped whenever the session starts over; late answers from an older session are ignored. */
    generation: 0,
    /** Highest activity sequence number seen from any source: the stream resumes after it. */
    lastSeq: 0,
    /** Activity id → rendered element, so nothing is shown twice (the POST answer and the stream both deliver). */
    rendered: new Map(),
    /** The customer's messages not yet confirmed by the server, oldest first. */
    pending: [],
    inFlight: 0,
    stream: null,
    retryDelay: RETRY_FIRST_MS,
    reconnectTimer: 0,
    leaving: false,
  };

  // ---------- storage ----------

  const storage = {
    get(key) {
      try { return window.localStorage.getItem(key); } catch { return null; }
    },
    set(key, value) {
      try {
        if (value === null || value === undefined) window.localStorage.removeItem(key);
        else window.localStorage.setItem(key, String(value));
      } catch { /* private mode or full: the chat still works, without history on reload */ }
    },
  };

  function loadSession() {
    state.token = storage.get(KEYS.token);
    state.customerId = storage.get(KEYS.customerId);
    state.expiresAt = storage.get(KEYS.expiresAt);
    state.conversationId = storage.get(KEYS.conversationId);
  }

  function saveSession(session) {
    state.token = session.token;
    state.customerId = session.customerId;
    state.expiresAt = session.expiresAt;
    storage.set(KEYS.token, session.token);
    storage.set(KEYS.customerId, session.customerId);
    storage.set(KEYS.expiresAt, session.expiresAt);
  }

  function forgetConversation() {
    state.conversationId = null;
    storage.set(KEYS.conversationId, null);
  }

  function forgetSession() {
    forgetConversation();
    state.token = state.customerId = state.expiresAt = null;
    storage.set(KEYS.token, null);
    storage.set(KEYS.customerId, null);
    storage.set(KEYS.expiresAt, null);
  }

  function tokenUsable() {
    if (!state.token) return false;
    const expires = Date.parse(state.expiresAt || '');
    return Number.isNaN(expires) || expires - Date.now() > 60_000;
  }

  // ---------- HTTP ----------

  class ApiError extends Error {
    constructor(status, detail) {
      super(detail || `HTTP ${status}`);
      this.status = status;
      this.detail = detail;
    }
  }

  async function api(method, path, body, auth = true) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (auth && state.token) headers.Authorization = `Bearer ${state.token}`;
    let response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch (error) {
      throw new ApiError(0, error && error.message); // offline, DNS, connection reset
    }

    const text = await response.text().catch(() => '');
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch { data = null; }
    if (!response.ok) {
      throw new ApiError(response.status, (data && (data.detail || data.title)) || response.statusText);
    }

    return data;
  }

  const conversationPath = (suffix) => `/api/conversations/${encodeURIComponent(state.conversationId)}${suffix}`;

  function newClientMessageId() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') return window.crypto.randomUUID();
    // randomUUID needs a secure context; getRandomValues does not (plain http on an intranet).
    const bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  // ---------- language ----------

  const t = (key) => STRINGS[state.locale][key];

  function initialLocale() {
    const fromQuery = new URLSearchParams(window.location.search).get('lang');
    const chosen = fromQuery || storage.get(KEYS.locale);
    if (chosen && chosen.toLowerCase().startsWith('en')) return 'en';
    return 'zh-CN';
  }

  function setLocale(locale) {
    state.locale = STRINGS[locale] ? locale : 'zh-CN';
    storage.set(KEYS.locale, state.locale);
    applyStrings();
  }

  function applyStrings() {
    document.documentElement.lang = state.locale;
    document.title = t('title');
    for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
    for (const el of document.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
    for (const button of ui.langButtons) button.setAttribute('aria-pressed', String(button.dataset.locale === state.locale));
    for (const el of ui.list.querySelectorAll('time[datetime]')) el.textContent = formatTime(new Date(el.dateTime));
    handoff.relabel();
    updateCounter();
  }

  function formatTime(date) {
    if (Number.isNaN(date.getTime())) return '';
    const time = date.toLocaleTimeString(state.locale, { hour: '2-digit', minute: '2-digit', hour12: false });
    const now = new Date();
    if (date.toDateString() === now.toDateString()) return time;
    const day = date.toLocaleDateString(state.locale, { month: 'short', day: 'numeric' });
    return `${day} ${time}`;
  }

  // ---------- rendering ----------

  function roleOf(activity) {
    const role = activity.from && activity.from.role;
    return role === 'user' ? 'user' : role === 'agent' ? 'agent' : 'bot';
  }

  function createMessage(role, text, timestamp, senderName) {
    const item = document.createElement('li');
    item.className = `msg msg--${role}`;
    item.dataset.role = role;

    if (role !== 'user') {
      const avatar = document.createElement('div');
      avatar.className = 'avatar avatar--message';
      avatar.setAttribute('aria-hidden', 'true');
      avatar.textContent = role === 'agent' ? (senderName || '客').slice(0, 1) : 'C';
      item.append(avatar);
    }

    const column = document.createElement('div');
    column.className = 'msg__column';

    const sender = document.createElement('span');
    // An agent is named above their message; the bot and the customer only for screen readers.
    sender.className = role === 'agent' && senderName ? 'msg__name' : 'visually-hidden';
    if (role === 'agent' && senderName) sender.textContent = senderName;
    else sender.dataset.i18n = role === 'user' ? 'you' : 'botName';
    if (sender.dataset.i18n) sender.textContent = t(sender.dataset.i18n);

    const bubble = document.createElement('div');
    bubble.className = 'msg__bubble';
    bubble.textContent = text; // text, never HTML; CSS keeps the line breaks

    const meta = document.createElement('div');
    meta.className = 'msg__meta';
    const time = document.createElement('time');
    const when = timestamp ? new Date(timestamp) : new Date();
    time.dateTime = when.toISOString();
    time.textContent = formatTime(when);
    meta.append(time);

    column.append(sender, bubble, meta);
    item.append(column);
    return item;
  }

  /** Puts a message with a server sequence number in order: before any later one and before messages still sending. */
  function placeInOrder(item, seq) {
    let before = null;
    for (const other of ui.list.children) {
      if (other === item) continue;
      // A failed message keeps its place (later ones go after it); one still on its way stays last.
      if (!other.dataset.seq && other.classList.contains('is-failed')) continue;
      if (!other.dataset.seq || Number(other.dataset.seq) > seq) { before = other; break; }
    }
    if (item.nextSibling !== before || item.parentNode !== ui.list) ui.list.insertBefore(item, before);
  }

  function receive(activities) {
    let changed = false;
    for (const activity of activities || []) {
      if (!activity) continue;
      const seq = Number(activity.id);
      if (Number.isFinite(seq)) state.lastSeq = Math.max(state.lastSeq, seq);
      if (activity.type !== 'message' || activity.id === undefined || activity.id === null) continue;
      const id = String(activity.id);
      if (state.rendered.has(id)) continue;

      const role = roleOf(activity);
      if (role === 'user' && adoptPending(activity)) { changed = true; continue; }

      const hasActions = activity.suggestedActions && (activity.suggestedActions.actions || []).length > 0;
      if (!activity.text && !hasActions) continue;

      const name = activity.from && activity.from.name;
      const item = createMessage(role, activity.text || '', activity.timestamp, name);
      item.dataset.id = id;
      item.dataset.seq = String(seq);
      if (role === 'agent' && name) item.dataset.name = name;
      if (hasActions) item.actions = activity.suggestedActions.actions;
      state.rendered.set(id, item);
      placeInOrder(item, seq);
      handoff.messageShown(role, seq, name);
      changed = true;
    }

    if (changed) {
      updateQuickReplies();
      scrollToEnd();
    }
  }

  /** The server's copy of a message this page sent: it takes over the optimistic bubble instead of adding one. */
  function adoptPending(activity, pendingItem) {
    const text = (activity.text || '').trim();
    const match = pendingItem || state.pending.find((p) => !p.id && p.text === text);
    if (!match) return false;
    match.id = String(activity.id);
    const seq = Number(activity.id);
    match.el.dataset.id = match.id;
    match.el.dataset.seq = String(seq);
    match.el.classList.remove('is-sending', 'is-failed');
    const time = match.el.querySelector('time');
    if (activity.timestamp && time) {
      time.dateTime = new Date(activity.timestamp).toISOString();
      time.textContent = formatTime(new Date(activity.timestamp));
    }
    clearMessageError(match);
    state.rendered.set(match.id, match.el);
    state.pending = state.pending.filter((p) => p !== match);
    placeInOrder(match.el, seq);
    return true;
  }

  function updateQuickReplies() {
    const last = ui.list.lastElementChild;
    const actions = last && last.dataset.role !== 'user' && last.actions ? last.actions : null;
    const key = actions ? last.dataset.id : '';
    if (ui.quickReplies.dataset.for === key) return;
    ui.quickReplies.dataset.for = key;
    ui.quickReplies.replaceChildren();
    for (const action of actions || []) {
      const title = action.title || action.value;
      if (!title) continue;
      if (action.type === 'openUrl') {
        if (!/^https?:\/\//i.test(String(action.value))) continue;
        const link = document.createElement('a');
        link.className = 'quick-reply';
        link.href = action.value;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        link.textContent = title;
        ui.quickReplies.append(link);
        continue;
      }

      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'quick-reply';
      button.textContent = title;
      button.addEventListener('click', () => send(String(action.value || title)));
      ui.quickReplies.append(button);
    }

    ui.quickReplies.hidden = ui.quickReplies.childElementCount === 0;
  }

  function updateTyping() {
    ui.typing.hidden = state.inFlight <= 0;
    if (!ui.typing.hidden) scrollToEnd();
  }

  function scrollToEnd() {
    ui.body.scrollTop = ui.body.scrollHeight;
  }

  function clearMessages() {
    ui.list.replaceChildren();
    state.rendered.clear();
    state.pending = [];
    state.lastSeq = 0;
    state.inFlight = 0;
    handoff.showQueue(null);
    updateTyping();
    updateQuickReplies();
  }

  // ---------- sending ----------

  function send(rawText) {
    const text = String(rawText || '').trim().slice(0, MAX_LENGTH);
    if (!text || !state.ready) return false;
    const pending = { text, clientMessageId: newClientMessageId(), id: null, el: null };
    pending.el = createMessage('user', text, null);
    pending.el.classList.add('is-sending');
    ui.list.append(pending.el);
    state.pending.push(pending);
    updateQuickReplies();
    scrollToEnd();
    post(pending);
    return true;
  }

  async function post(pending) {
    const generation = state.generation;
    pending.el.classList.add('is-sending');
    pending.el.classList.remove('is-failed');
    clearMessageError(pending);
    state.inFlight++;
    updateTyping();
    try {
      const turn = await api('POST', conversationPath('/messages'), {
        text: pending.text,
        clientMessageId: pending.clientMessageId, // the same id on a retry: the server processes it once
        locale: state.locale,
      });
      if (generation !== state.generation) return;
      const activities = (turn && turn.activities) || [];
      const echo = activities.find((a) => a && a.type === 'message' && roleOf(a) === 'user');
      if (echo && !pending.id) {
        if (state.rendered.has(String(echo.id))) {
          // The stream already showed it as someone else's copy; drop the optimistic bubble.
          pending.el.remove();
          state.pending = state.pending.filter((p) => p !== pending);
        } else {
          adoptPending(echo, pending);
        }
      }
      receive(activities);
    } catch (error) {
      if (generation !== state.generation) return;
      if (error.status === 401 || error.status === 404) {
        // The token expired or the conversation is gone: start over and say it again there.
        const unsent = state.pending.map((p) => p.text);
        startOver(error.status === 401, unsent);
        return;
      }
      markFailed(pending, error);
    } finally {
      if (generation === state.generation) {
        state.inFlight = Math.max(0, state.inFlight - 1);
        updateTyping();
      }
    }
  }

  function clearMessageError(pending) {
    const existing = pending.el.querySelector('.msg__error');
    if (existing) existing.remove();
  }

  function markFailed(pending, error) {
    pending.el.classList.remove('is-sending');
    pending.el.classList.add('is-failed');
    clearMessageError(pending);
    const retryable = !error.status || error.status === 408 || error.status === 429 || error.status >= 500;
    const meta = pending.el.querySelector('.msg__meta');
    const notice = document.createElement('span');
    notice.className = 'msg__error';
    notice.setAttribute('role', 'alert');
    const icon = document.createElement('span');
    icon.className = 'msg__error-icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = '!';
    let label;
    if (retryable) {
      label = document.createElement('button');
      label.type = 'button';
      label.className = 'msg__retry';
      label.dataset.i18n = 'sendFailed';
      label.addEventListener('click', () => post(pending));
    } else {
      label = document.createElement('span');
      label.dataset.i18n = 'cannotSend';
      if (error.detail) notice.title = error.detail;
    }
    label.textContent = t(label.dataset.i18n);
    notice.append(icon, label);
    meta.append(notice);
  }

  // ---------- session ----------

  async function start(resend = [], attempt = 0) {
    const generation = ++state.generation;
    setReady(false);
    ui.startError.hidden = true;
    try {
      if (!tokenUsable()) await createVisitor();
      if (generation !== state.generation) return;

      if (state.conversationId && !(await loadHistory(generation))) return;
      if (generation !== state.generation) return;
      if (!state.conversationId) await startConversation(generation);
      if (generation !== state.generation) return;

      setReady(true);
      connectStream();
      loadQueue(generation);
      for (const text of resend) send(text);
    } catch (error) {
      if (generation !== state.generation) return;
      if (error.status === 401 && attempt === 0) {
        // The stored token was rejected: one clean start-over as a new visitor (a second 401 is a real problem).
        forgetSession();
        clearMessages();
        start(resend, attempt + 1);
        return;
      }
      ui.startError.hidden = false;
    }
  }

  /** Waiting for a person after a reload: the banner comes back at once (404: not queued). */
  async function loadQueue(generation) {
    try {
      const status = await api('GET', conversationPath('/queue'));
      if (generation === state.generation) handoff.showQueue(status);
    } catch { /* not queued, or the stream will tell */ }
  }

  async function createVisitor() {
    saveSession(await api('POST', '/api/visitors', undefined, false));
  }

  /** Renders the whole conversation after a reload. False when it is gone and a new one should start instead. */
  async function loadHistory(generation) {
    try {
      const set = await api('GET', conversationPath('/activities?after=0'));
      if (generation !== state.generation) return false;
      receive(set.activities);
      if (set && Number.isFinite(Number(set.watermark))) state.lastSeq = Math.max(state.lastSeq, Number(set.watermark));
      return true;
    } catch (error) {
      if (error.status === 404) {
        forgetConversation();
        clearMessages();
        return true;
      }
      throw error;
    }
  }

  async function startConversation(generation) {
    const created = await api('POST', '/api/conversations', { locale: state.locale });
    if (generation !== state.generation) return;
    state.conversationId = created.conversationId;
    storage.set(KEYS.conversationId, created.conversationId);
    receive(created.activities);
  }

  function startOver(newVisitor, resend) {
    closeStream();
    setConnection('connecting');
    if (newVisitor) forgetSession(); else forgetConversation();
    clearMessages();
    start(resend);
  }

  function setReady(ready) {
    state.ready = ready;
    updateSendButton();
  }

  // ---------- live push (server-sent events) ----------

  function connectStream() {
    closeStream();
    if (!state.conversationId || !state.token || state.leaving) return;
    const url = `${conversationPath('/stream')}?after=${state.lastSeq}&access_token=${encodeURIComponent(state.token)}`;
    const stream = new EventSource(url);
    state.stream = stream;
    if (ui.body.dataset.connection !== 'reconnecting') setConnection('connecting');
    stream.addEventListener('open', () => {
      if (stream !== state.stream) return;
      state.retryDelay = RETRY_FIRST_MS;
      setConnection('open');
    });
    stream.addEventListener('activity', (event) => {
      if (stream !== state.stream) return;
      try { receive([JSON.parse(event.data)]); } catch { /* a malformed event is skipped, not fatal */ }
    });
    stream.addEventListener('queue', (event) => {
      if (stream !== state.stream) return;
      try { handoff.showQueue(JSON.parse(event.data)); } catch { /* a malformed event is skipped, not fatal */ }
    });
    stream.addEventListener('error', () => {
      if (stream !== state.stream || state.leaving) return;
      // We reconnect ourselves (with backoff, after the highest id seen) rather than let EventSource retry blindly.
      closeStream();
      setConnection('reconnecting');
      scheduleReconnect();
    });
  }

  function closeStream() {
    if (state.stream) state.stream.close();
    state.stream = null;
    window.clearTimeout(state.reconnectTimer);
    state.reconnectTimer = 0;
  }

  function scheduleReconnect() {
    window.clearTimeout(state.reconnectTimer);
    const delay = state.retryDelay;
    state.retryDelay = Math.min(delay * 2, RETRY_MAX_MS);
    state.reconnectTimer = window.setTimeout(reconnect, delay);
  }

  async function reconnect() {
    state.reconnectTimer = 0;
    const generation = state.generation;
    try {
      // Catch up first: this also tells a dead network (retry) from a rejected token or a deleted conversation (start over).
      const set = await api('GET', conversationPath(`/activities?after=${state.lastSeq}`));
      if (generation !== state.generation) return;
      receive(set.activities);
    } catch (error) {
      if (generation !== state.generation) return;
      if (error.status === 401 || error.status === 404) {
        startOver(error.status === 401, []);
        return;
      }
      scheduleReconnect();
      return;
    }

    connectStream();
  }

  /** 'connecting', 'open' or 'reconnecting' (with the banner); also a hook for the browser tests. */
  function setConnection(connection) {
    ui.body.dataset.connection = connection;
    ui.banner.hidden = connection !== 'reconnecting';
  }

  // ---------- composer ----------

  function updateSendButton() {
    ui.send.disabled = !state.ready || ui.input.value.trim().length === 0;
  }

  function updateCounter() {
    const length = ui.input.value.length;
    ui.counter.hidden = length < COUNTER_FROM;
    ui.counter.textContent = t('counter')(length);
    ui.counter.classList.toggle('is-full', length >= MAX_LENGTH);
  }

  function autoGrow() {
    ui.input.style.height = 'auto';
    ui.input.style.height = `${Math.min(ui.input.scrollHeight, 132)}px`;
  }

  function submit() {
    if (ui.send.disabled) return;
    if (send(ui.input.value)) {
      ui.input.value = '';
      autoGrow();
      updateCounter();
      updateSendButton();
      ui.input.focus();
    }
  }

  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });

  ui.input.addEventListener('keydown', (event) => {
    // Enter sends; Shift+Enter is a new line; Enter that confirms a Chinese IME candidate is not a send.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      submit();
    }
  });

  ui.input.addEventListener('input', () => {
    autoGrow();
    updateCounter();
    updateSendButton();
  });

  for (const button of ui.langButtons) {
    button.addEventListener('click', () => setLocale(button.dataset.locale));
  }

  ui.startRetry.addEventListener('click', () => start());

  window.addEventListener('online', () => {
    if (!state.ready || state.stream || !state.reconnectTimer) return;
    state.retryDelay = RETRY_FIRST_MS;
    window.clearTimeout(state.reconnectTimer);
    reconnect();
  });

  window.addEventListener('pagehide', () => {
    state.leaving = true;
    closeStream();
  });

  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    state.leaving = false; // back from the back/forward cache
    if (state.ready) reconnect();
  });

  // ---------- go ----------

  const handoff = window.chatHandoff.create({
    list: ui.list,
    banner: ui.queueBanner,
    locale: () => state.locale,
    placeInOrder,
  });

  state.locale = initialLocale();
  applyStrings();
  loadSession();
  start();
})();
