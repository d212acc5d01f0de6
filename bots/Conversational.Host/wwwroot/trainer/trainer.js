// The trainer console: staff sign-in, then the knowledge entries (list, filter, create, edit, retire, version history)
// over /api/knowledge/entries. Plain DOM; text is always set with textContent, never parsed as HTML.
(() => {
  "use strict";

  const texts = {
    "zh-CN": {
      consoleName: "训练师控制台", pageTitle: "知识库 · 训练师控制台", signInTitle: "登录", signInHint: "使用机器人训练师或管理员账号登录。",
      username: "用户名", password: "密码", signIn: "登录", signOut: "退出", languageLabel: "语言", consoleNav: "控制台",
      wrongPassword: "用户名或密码错误。", signInFailed: "登录失败，请稍后再试。", forbidden: "此页面仅对机器人训练师和管理员开放。",
      tabEntries: "知识条目", entriesTitle: "知识条目", newEntry: "新建条目", search: "搜索", searchPlaceholder: "搜索标题、问法、答案…",
      allLanguages: "全部语言", allStatuses: "全部状态", allTags: "全部标签", statusActive: "生效中", statusRetired: "已下线",
      language: "语言", status: "状态", tags: "业务标签", count: (shown) => `共 ${shown} 条`, noMatches: "没有符合条件的条目。",
      emptyState: "选择左侧的条目查看和编辑，或新建一个条目。", newTitle: "新建条目", editTitle: "编辑条目",
      id: "ID", idPlaceholder: "如 returns-window.zh", kind: "类型", kindFaq: "常见问题（FAQ）", kindArticle: "文章", owner: "负责人",
      title: "标题", questions: "问法（每行一个）", answer: "答案（Markdown）", tagsField: "业务标签（逗号分隔）",
      channels: "限定渠道（留空＝全部渠道）", validFrom: "生效时间（可选）", validUntil: "失效时间（可选）",
      save: "保存", retire: "下线", cancel: "取消", retireConfirm: "确认下线",
      retireQuestion: "下线后机器人将不再用此条目回答，条目和版本记录会保留。确认下线？",
      version: (n) => `版本 ${n}`, changedBy: (who, when) => `${who} 于 ${when} 修改`,
      created: (n) => `已创建，当前为版本 ${n}。`, saved: (n) => `已保存为版本 ${n}。`, unchanged: "内容没有变化，未产生新版本。",
      retired: (n) => `已下线（版本 ${n}），机器人不再使用此条目。`, invalid: "请修改标出的字段后再保存。",
      conflict: (who, n) => `此条目已被 ${who} 修改为版本 ${n}，您的修改未保存。`, reload: "载入最新版本",
      failed: "操作失败，请稍后再试。", history: "版本记录",
      change: { Created: "创建", Edited: "修改", Retired: "下线" },
      fields: {
        kind: "类型", title: "标题", questions: "问法", answer: "答案", language: "语言", tags: "标签", channels: "渠道",
        validFrom: "生效时间", validUntil: "失效时间", owner: "负责人", status: "状态",
      },
      allChannels: "全部渠道", kinds: { faq: "FAQ", article: "文章" },
    },
    en: {
      consoleName: "Trainer console", pageTitle: "Knowledge · Trainer console", signInTitle: "Sign in", signInHint: "Sign in with a bot trainer or admin account.",
      username: "Username", password: "Password", signIn: "Sign in", signOut: "Sign out", languageLabel: "Language", consoleNav: "Console",
      wrongPassword: "Wrong username or password.", signInFailed: "Sign-in failed; please try again.", forbidden: "This page is for bot trainers and admins only.",
      tabEntries: "Knowledge entries", entriesTitle: "Knowledge entries", newEntry: "New entry", search: "Search", searchPlaceholder: "Search titles, questions, answers…",
      allLanguages: "All languages", allStatuses: "All statuses", allTags: "All tags", statusActive: "Active", statusRetired: "Retired",
      language: "Language", status: "Status", tags: "Business tags", count: (shown) => `${shown} entries`, noMatches: "No entries match.",
      emptyState: "Pick an entry on the left to view and edit it, or create a new one.", newTitle: "New entry", editTitle: "Edit entry",
      id: "ID", idPlaceholder: "e.g. returns-window.en", kind: "Kind", kindFaq: "FAQ", kindArticle: "Article", owner: "Owner",
      title: "Title", questions: "Questions (one per line)", answer: "Answer (Markdown)", tagsField: "Business tags (comma-separated)",
      channels: "Channels (empty = all channels)", validFrom: "Valid from (optional)", validUntil: "Valid until (optional)",
      save: "Save", retire: "Retire", cancel: "Cancel", retireConfirm: "Retire it",
      retireQuestion: "Once retired, the bot no longer answers with this entry; the entry and its history are kept. Retire it?",
      version: (n) => `Version ${n}`, changedBy: (who, when) => `changed by ${who} on ${when}`,
      created: (n) => `Created as version ${n}.`, saved: (n) => `Saved as version ${n}.`, unchanged: "Nothing changed, so no new version.",
      retired: (n) => `Retired (version ${n}); the bot no longer uses this entry.`, invalid: "Please fix the marked fields and save again.",
      conflict: (who, n) => `${who} changed this entry to version ${n} meanwhile; your changes were not saved.`, reload: "Load the latest version",
      failed: "That did not work; please try again.", history: "Version history",
      change: { Created: "Created", Edited: "Edited", Retired: "Retired" },
      fields: {
        kind: "kind", title: "title", questions: "questions", answer: "answer", language: "language", tags: "tags", channels: "channels",
        validFrom: "valid from", validUntil: "valid until", owner: "owner", status: "status",
      },
      allChannels: "all channels", kinds: { faq: "FAQ", article: "Article" },
    },
  };

  const trainerRoles = ["trainer", "admin"];
  const api = "/api/knowledge/entries";
  const $ = (id) => document.getElementById(id);
  const form = $("editor");
  const state = { locale: localStorage.getItem("conversational.trainer.locale") || "zh-CN", entries: [], current: null, filterTimer: 0 };
  const t = (key) => texts[state.locale][key];

  async function call(method, path, body) {
    const response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = response.headers.get("Content-Type") || "";
    const data = type.includes("json") ? await response.json() : null;
    return { ok: response.ok, status: response.status, data };
  }

  // Language

  function applyTexts() {
    document.documentElement.lang = state.locale;
    document.title = t("pageTitle");
    document.querySelectorAll("[data-i18n]").forEach((node) => { node.textContent = t(node.dataset.i18n); });
    document.querySelectorAll("[data-i18n-placeholder]").forEach((node) => { node.placeholder = t(node.dataset.i18nPlaceholder); });
    document.querySelectorAll("[data-i18n-aria-label]").forEach((node) => node.setAttribute("aria-label", t(node.dataset.i18nAriaLabel)));
    document.querySelectorAll(".lang-switch__option").forEach((button) =>
      button.setAttribute("aria-pressed", String(button.dataset.locale === state.locale)));
  }

  function setLocale(locale) {
    state.locale = locale;
    localStorage.setItem("conversational.trainer.locale", locale);
    applyTexts();
    renderList();
    if (state.current) {
      showEntry(state.current);
    } else if (!form.hidden) {
      $("editor-title").textContent = t("newTitle");
    }
  }

  // Sign-in

  async function start() {
    const me = await call("GET", "/api/staff/me");
    if (me.status === 401) {
      $("console").hidden = true;
      $("signin").hidden = false;
      $("signin-username").focus();
      return;
    }

    $("signin").hidden = true;
    $("console").hidden = false;
    $("user-name").textContent = me.data.displayName;
    const allowed = trainerRoles.includes(me.data.role);
    $("forbidden").hidden = allowed;
    $("workspace").hidden = !allowed;
    if (allowed) {
      await loadList();
    }
  }

  async function signIn(event) {
    event.preventDefault();
    const error = $("signin-error");
    error.hidden = true;
    const result = await call("POST", "/api/staff/login", { username: $("signin-username").value.trim(), password: $("signin-password").value });
    if (!result.ok) {
      error.textContent = t(result.status === 401 || result.status === 400 ? "wrongPassword" : "signInFailed");
      error.hidden = false;
      return;
    }

    $("signin-password").value = "";
    await start();
  }

  async function signOut() {
    await call("POST", "/api/staff/logout");
    state.current = null;
    await start();
  }

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
    $("field-language").value = state.locale === "en" ? "en" : "zh-CN";
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
    if (result.status === 400 && result.data?.errors) {
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
    return new Date(iso).toLocaleString(state.locale, { dateStyle: "medium", timeStyle: "short" });
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

  document.querySelectorAll(".lang-switch__option").forEach((button) => button.addEventListener("click", () => setLocale(button.dataset.locale)));
  $("signin-form").addEventListener("submit", signIn);
  $("sign-out").addEventListener("click", signOut);
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

  applyTexts();
  start();
})();
