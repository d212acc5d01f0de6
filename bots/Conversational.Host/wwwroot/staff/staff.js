// What the staff pages share: JSON calls with the staff cookie, the zh-CN/English switch, and the sign-in gate.
// Plain DOM; text is always set with textContent, never parsed as HTML.
window.staff = (() => {
  "use strict";

  const $ = (id) => document.getElementById(id);

  /** A JSON call with the staff cookie: { ok, status, data } (data is the JSON answer or problem details, or null). */
  async function call(method, path, body) {
    let response;
    try {
      response = await fetch(path, {
        method,
        credentials: "same-origin",
        cache: "no-store",
        headers: body === undefined ? { Accept: "application/json" } : { Accept: "application/json", "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      return { ok: false, status: 0, data: null }; // offline or the host restarting
    }
    const type = response.headers.get("Content-Type") || "";
    const data = type.includes("json") ? await response.json().catch(() => null) : null;
    return { ok: response.ok, status: response.status, data };
  }

  /** The page's words in zh-CN (first) and English; the choice is remembered per page under storageKey. */
  function texts(table, storageKey, onChange) {
    const state = { locale: localStorage.getItem(storageKey) === "en" ? "en" : "zh-CN" };
    const t = (key) => table[state.locale][key] ?? table["zh-CN"][key] ?? key;

    function apply() {
      document.documentElement.lang = state.locale;
      document.title = t("pageTitle");
      document.querySelectorAll("[data-i18n]").forEach((node) => { node.textContent = t(node.dataset.i18n); });
      document.querySelectorAll("[data-i18n-placeholder]").forEach((node) => { node.placeholder = t(node.dataset.i18nPlaceholder); });
      document.querySelectorAll("[data-i18n-aria-label]").forEach((node) => node.setAttribute("aria-label", t(node.dataset.i18nAriaLabel)));
      document.querySelectorAll(".lang-switch__option").forEach((button) =>
        button.setAttribute("aria-pressed", String(button.dataset.locale === state.locale)));
    }

    document.querySelectorAll(".lang-switch__option").forEach((button) => button.addEventListener("click", () => {
      state.locale = button.dataset.locale === "en" ? "en" : "zh-CN";
      localStorage.setItem(storageKey, state.locale);
      apply();
      onChange();
    }));
    apply();
    return { t, get locale() { return state.locale; }, get en() { return state.locale === "en"; } };
  }

  /**
   * The sign-in gate: shows #signin until /api/staff/me answers, then #app; #forbidden instead of #workspace when the
   * role may not use the page. Calls enter(me) once signed in with an allowed role, leave() on sign-out.
   */
  function gate({ roles, t, enter, leave }) {
    async function start() {
      const me = await call("GET", "/api/staff/me");
      if (me.status === 401 || !me.ok) {
        $("app").hidden = true;
        $("signin").hidden = false;
        $("signin-username").focus();
        return;
      }

      $("signin").hidden = true;
      $("app").hidden = false;
      $("user-name").textContent = me.data.displayName;
      const allowed = roles.includes(me.data.role);
      $("forbidden").hidden = allowed;
      $("workspace").hidden = !allowed;
      if (allowed) {
        await enter(me.data);
      }
    }

    $("signin-form").addEventListener("submit", async (event) => {
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
    });

    $("sign-out").addEventListener("click", async () => {
      await leave();
      await call("POST", "/api/staff/logout");
      await start();
    });

    return { start };
  }

  /** Seconds as 2:05 (or 1:02:05). */
  function duration(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    const pad = (n) => String(n).padStart(2, "0");
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
  }

  function clock(iso, locale) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return "";
    return date.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit", hour12: false });
  }

  /** An element with a class and text (never HTML). */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  return { $, call, texts, gate, duration, clock, el };
})();
