// The copilot panel (坐席助手) beside the open chat: suggested replies (scripts and knowledge answers with citations),
// the mandatory disclosures checklist, the service-sales shelf (服销货架), the customer layer, a ticket from the draft
// and, when a language model is configured, AI drafts. The view comes from GET .../copilot on opening a chat and then
// from the desk stream's `copilot` frames; the server decides everything shown, the panel only renders and inserts.
//
// A suggestion's use is recorded when the agent sends (not when they insert): only then is it known whether the text
// went out as suggested (edited=false) or changed (edited=true); an insert that is never sent is not a use.
window.deskCopilot = (() => {
  "use strict";

  const { call, el } = window.staff;

  function create({ texts, current, canAct, insert, openTicket, problem }) {
    const t = texts.t;
    const label = (table, key) => (t(table) || {})[key] || key;
    const views = new Map();      // conversationId → the latest view seen
    const dismissed = new Map();  // conversationId → Set of dismissed suggestion ids (a live update does not bring them back)
    const pending = new Map();    // suggestionId → the text inserted, until the reply is sent
    const ai = new Map();         // conversationId → { reply, summary, busy, error }
    let shownFor = null;
    const box = () => document.getElementById("copilot-body");
    const path = (id, suffix) => `/api/desk/conversations/${encodeURIComponent(id)}/copilot${suffix}`;

    /** A chat was opened: show what is known at once, then read the current view. */
    async function open(conversationId) {
      if (shownFor !== conversationId) pending.clear(); // inserted into another chat's reply box: not this one's use
      shownFor = conversationId;
      render();
      const result = await call("GET", path(conversationId, ""));
      if (current()?.conversationId !== conversationId) return;
      if (result.ok && result.data) accept(conversationId, result.data);
      else if (!views.has(conversationId)) renderUnavailable();
    }

    /** A `copilot` frame: newer than what is shown replaces it; an older one (a race with the GET) is dropped. */
    function receive(conversationId, view) {
      if (view) accept(conversationId, view);
    }

    function accept(conversationId, view) {
      const known = views.get(conversationId);
      if (known && Number(view.computedAtSeq) < Number(known.computedAtSeq)) return;
      views.set(conversationId, view);
      if (current()?.conversationId === conversationId) render();
    }

    /** The agent's reply went out: each inserted suggestion counts as used, edited when the text sent differs. */
    function sent(text) {
      const open = current();
      if (!open) return;
      for (const [suggestionId, inserted] of pending) {
        call("POST", path(open.conversationId, "/feedback"),
          { suggestionId, action: "used", edited: text.trim() !== inserted.trim() });
      }
      pending.clear();
    }

    /** The reply box was emptied by hand: what was inserted is no longer on its way. */
    function abandoned() { pending.clear(); }

    function dismiss(suggestion) {
      const open = current();
      if (!open) return;
      if (!dismissed.has(open.conversationId)) dismissed.set(open.conversationId, new Set());
      dismissed.get(open.conversationId).add(suggestion.id);
      pending.delete(suggestion.id);
      call("POST", path(open.conversationId, "/feedback"), { suggestionId: suggestion.id, action: "dismissed", edited: false });
      render();
    }

    function useSuggestion(suggestion) {
      pending.set(suggestion.id, suggestion.text);
      insert(suggestion.text);
    }

    // Rendering

    function render() {
      const container = box();
      if (!container) return;
      const open = current();
      const view = open && views.get(open.conversationId);
      container.replaceChildren();
      updateCount(view);
      if (!open) return;
      if (!view) {
        container.append(el("p", "copilot__loading", t("copilotLoading")));
        return;
      }
      const act = canAct();
      container.append(header(view), aiTools(view, act), suggestions(view, act), disclosures(view, act), shelf(view, act), ticket(view, act));
    }

    function renderUnavailable() {
      const container = box();
      if (!container) return;
      container.replaceChildren(el("p", "card__empty", t("copilotUnavailable")));
      updateCount(null);
    }

    /** The tab shows how many mandatory disclosures are still unsaid, so it is seen from the customer tab too. */
    function updateCount(view) {
      const count = document.getElementById("copilot-count");
      if (!count) return;
      const missing = (view?.disclosures || []).filter((d) => d.mandatory && !d.ticked).length;
      count.textContent = missing ? String(missing) : "";
      count.title = missing ? t("disclosuresMissing")(missing) : "";
    }

    function section(title, className, extra) {
      const card = el("section", `card copilot-card ${className}`);
      const head = el("h3", "card__title copilot-card__title");
      head.append(el("span", "", title));
      if (extra) head.append(extra);
      card.append(head);
      return card;
    }

    function button(text, className, onClick, enabled = true) {
      const node = el("button", `button button--small ${className}`, text);
      node.type = "button";
      node.disabled = !enabled;
      node.addEventListener("click", onClick);
      return node;
    }

    /** The business, the intent and the customer layer (客户分层) with the reasons the score came from. */
    function header(view) {
      const head = el("section", "copilot-head");
      const line = el("div", "copilot-head__line");
      line.append(el("span", "pill pill--brand", label("businesses", view.business)));
      const intent = view.intent && label("intents", view.intent);
      if (intent && intent !== label("businesses", view.business)) line.append(el("span", "pill", intent));
      head.append(line);
      if (view.layer) {
        const layer = el("div", `layer layer--${view.layer.name}`);
        const name = el("div", "layer__name");
        name.append(el("span", "layer__label", t("layerTitle")), el("strong", "", label("layers", view.layer.name)),
          el("span", "layer__score", t("layerScore")(view.layer.score)));
        layer.append(name);
        if ((view.layer.reasons || []).length) layer.append(reasons("layerReasons", view.layer.reasons, "layer__reasons"));
        head.append(layer);
      }
      return head;
    }

    /** A reason's value as its sentence takes it: ids through their tables, money as ¥86,000 (¥86,000.50 with cents). */
    const reasonValues = {
      aimed_at_layer: (layer) => label("layers", layer),
      aimed_at_scenario: (business) => label("businesses", business),
      tier: (tier) => label("tiers", tier),
      spend_12m: (amount) => {
        const yuan = Number(amount);
        const digits = Number.isInteger(yuan) ? 0 : 2;
        return `¥${yuan.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
      },
    };

    /**
     * The reasons the server gives as data ({ code, points, value }: the layering's or the shelf's codes), worded in the
     * desk's language, each with its points (+40, -10) unless it is a condition that scores nothing.
     */
    function reasons(table, list, className) {
      const words = t(table) || {};
      const text = list.map((reason) => {
        const value = reason.value == null ? "" : (reasonValues[reason.code] || String)(reason.value);
        const sentence = words[reason.code] ? words[reason.code](value, reason.points) : [reason.code, value].filter(Boolean).join(" ");
        return reason.points == null ? sentence : `${sentence} ${reason.points < 0 ? "" : "+"}${reason.points}`;
      });
      return el("div", className, text.join(" · "));
    }

    /** "AI 草拟回复" and "AI 摘要", only when the server has a language model; errors are shown as they come. */
    function aiTools(view, act) {
      const open = current();
      const wrap = el("div", "copilot-ai");
      if (!view.llmEnabled) {
        wrap.hidden = true;
        return wrap;
      }
      const state = ai.get(open.conversationId) || {};
      const row = el("div", "copilot-ai__buttons");
      row.append(
        button(state.busy === "reply" ? t("aiWorking") : t("aiDraftReply"), "button--ghost copilot-ai__button", () => draft("reply"), act && !state.busy),
        button(state.busy === "summary" ? t("aiWorking") : t("aiSummary"), "button--ghost copilot-ai__button", () => draft("summary"), act && !state.busy));
      wrap.append(row);
      if (state.error) wrap.append(el("p", "notice notice--error copilot-ai__error", state.error));
      if (state.reply) wrap.append(aiResult(t("aiReplyTitle"), state.reply, act, true));
      if (state.summary) wrap.append(aiResult(t("aiSummaryTitle"), state.summary, act, false));
      return wrap;
    }

    function aiResult(title, result, act, insertable) {
      const card = el("div", "ai-result");
      card.append(el("div", "ai-result__title", title), el("p", "ai-result__text", result.text));
      if ((result.toolCalls || []).length) {
        const tools = el("div", "ai-result__tools");
        tools.append(el("span", "", t("aiTools")));
        for (const tool of result.toolCalls) tools.append(el("span", "pill mono", tool));
        card.append(tools);
      }
      if (insertable) card.append(button(t("insert"), "button--primary", () => insert(result.text), act));
      return card;
    }

    async function draft(kind) {
      const open = current();
      if (!open) return;
      const id = open.conversationId;
      const state = { ...(ai.get(id) || {}), busy: kind, error: null };
      ai.set(id, state);
      render();
      const result = await call("POST", path(id, kind === "reply" ? "/draft-reply" : "/draft-summary"));
      state.busy = null;
      if (result.ok) state[kind] = result.data;
      else state.error = `${t(kind === "reply" ? "aiDraftReply" : "aiSummary")}：${problem(result)}`;
      render();
    }

    /** Suggested replies: kind badge, the text with unfilled variables marked, a citation for knowledge answers. */
    function suggestions(view, act) {
      const hidden = dismissed.get(view.conversationId) || new Set();
      const shown = (view.suggestions || []).filter((s) => !hidden.has(s.id));
      const card = section(t("suggestionsTitle"), "copilot-card--suggestions");
      if (!shown.length) {
        card.append(el("p", "card__empty", t("noSuggestions")));
        return card;
      }
      const list = el("ol", "suggestions");
      for (const suggestion of shown) {
        const item = el("li", "suggestion");
        item.dataset.suggestionId = suggestion.id;
        const head = el("div", "suggestion__head");
        head.append(el("span", `pill ${suggestion.kind === "knowledge" ? "pill--success" : "pill--brand"} suggestion__kind`, label("suggestionKinds", suggestion.kind)),
          el("strong", "suggestion__title", suggestion.title));
        item.append(head, filled(suggestion.text, "suggestion__text"));
        if ((suggestion.missingVariables || []).length) {
          item.append(el("p", "suggestion__missing", t("missingVariables")(suggestion.missingVariables.map((v) => label("variables", v)).join(t("listSeparator")))));
        }
        if (suggestion.citation) {
          item.append(el("p", "suggestion__citation", t("citation")(suggestion.citation.title || suggestion.citation.entryId)));
        }
        const actions = el("div", "suggestion__actions");
        actions.append(button(t("dismiss"), "button--ghost", () => dismiss(suggestion), act),
          button(t("insert"), "button--primary", () => useSuggestion(suggestion), act));
        item.append(actions);
        list.append(item);
      }
      card.append(list);
      return card;
    }

    /** A script's text with each {variable} still to fill marked, so the agent sees what to complete before sending. */
    function filled(text, className) {
      const node = el("p", className);
      for (const part of String(text || "").split(/(\{[a-z0-9_]+\})/)) {
        if (!part) continue;
        node.append(/^\{[a-z0-9_]+\}$/.test(part) ? el("mark", "variable", label("variables", part.slice(1, -1))) : document.createTextNode(part));
      }
      return node;
    }

    /** The mandatory disclosures (必读告知): ticked by the server from the agent's own messages. */
    function disclosures(view, act) {
      const items = view.disclosures || [];
      const done = items.filter((d) => d.ticked).length;
      const card = section(t("disclosuresTitle"), "copilot-card--disclosures",
        items.length ? el("span", `pill ${done === items.length ? "pill--success" : "pill--warning"}`, `${done}/${items.length}`) : null);
      if (!items.length) {
        card.append(el("p", "card__empty", t("noDisclosures")));
        return card;
      }
      const list = el("ul", "checklist");
      for (const item of items) {
        const row = el("li", `check${item.ticked ? " check--ticked" : ""}`);
        row.dataset.disclosureId = item.id;
        const mark = el("span", "check__box", item.ticked ? "✓" : "");
        mark.setAttribute("aria-hidden", "true");
        const body = el("div", "check__body");
        const title = el("div", "check__title");
        title.append(el("span", "", item.title));
        if (item.mandatory) title.append(el("span", "pill pill--danger check__must", t("mandatory")));
        title.append(el("span", "visually-hidden", item.ticked ? t("ticked") : t("notTicked")));
        body.append(title);
        if (!item.ticked) {
          body.append(filled(item.wording, "check__wording"),
            button(t("insertWording"), "button--ghost check__insert", () => insert(item.wording), act));
        }
        row.append(mark, body);
        list.append(row);
      }
      card.append(list);
      return card;
    }

    /** The service-sales shelf (服销货架): at most three offers, ready only once the customer's problem is solved. */
    function shelf(view, act) {
      const card = section(t("shelfTitle"), "copilot-card--shelf");
      if (view.offersBlockedBy) {
        card.append(el("p", "notice notice--warning shelf__blocked", label("blockedBy", view.offersBlockedBy)));
        return card;
      }
      const offers = view.offers || [];
      if (!offers.length) {
        card.append(el("p", "card__empty", t("shelfEmpty")));
        return card;
      }
      const list = el("ol", "shelf");
      for (const offer of offers) {
        const item = el("li", `shelf-offer${offer.ready ? " shelf-offer--ready" : ""}`);
        item.dataset.offerId = offer.offerId;
        const head = el("div", "shelf-offer__head");
        head.append(el("strong", "shelf-offer__name", offer.name), status(offer));
        item.append(head);
        if (offer.category) item.append(el("div", "shelf-offer__category", label("offerCategories", offer.category)));
        item.append(filled(offer.pitch, "shelf-offer__pitch"));
        if ((offer.reasons || []).length) item.append(reasons("shelfReasons", offer.reasons, "shelf-offer__reasons"));
        const actions = el("div", "shelf-offer__actions");
        actions.append(button(t("insertPitch"), offer.ready && !offer.pitched ? "button--primary" : "button--ghost",
          () => insert(offer.pitch), act && offer.ready));
        item.append(actions);
        list.append(item);
      }
      card.append(list);
      return card;
    }

    /** Opening (启齿) and the customer's answer are detected from the messages; the badge only reports them. */
    function status(offer) {
      const badge = el("span", "pill shelf-offer__status");
      if (offer.response === "accepted") badge.classList.add("pill--success");
      else if (offer.response === "declined") badge.classList.add("pill--danger");
      else if (offer.pitched) badge.classList.add("pill--brand");
      else if (offer.ready) badge.classList.add("pill--success");
      const key = offer.response === "accepted" || offer.response === "declined" ? offer.response
        : offer.pitched ? "pitched" : offer.ready ? "ready" : "waiting";
      badge.textContent = label("offerStatus", key);
      badge.dataset.status = key;
      return badge;
    }

    /** The ticket draft (工单助手) with the template of the business; it opens the ticket dialog prefilled. */
    function ticket(view, act) {
      const card = section(t("ticketDraftTitle"), "copilot-card--ticket");
      const draft = view.ticketDraft;
      if (!draft) {
        card.append(el("p", "card__empty", t("noTicketDraft")));
        return card;
      }
      card.append(el("div", "ticket-draft__title", draft.title || label("businesses", view.business)));
      const fields = Object.entries(draft.fields || {}).filter(([, value]) => value !== null && value !== "");
      if (fields.length) {
        const list = el("dl", "facts ticket-draft__fields");
        for (const [name, value] of fields) list.append(el("dt", "", label("variables", name)), el("dd", "", value));
        card.append(list);
      }
      card.append(button(t("ticketFromDraft"), "button--ghost ticket-draft__create", () => openTicket(draft), act));
      return card;
    }

    return { open, receive, sent, abandoned, render };
  }

  return { create };
})();
