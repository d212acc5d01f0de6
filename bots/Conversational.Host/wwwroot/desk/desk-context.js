// The context panel of the open chat, read off the handoff package (转人工交接包, handoff/README.md): summary, profile,
// the task in progress with its step and slots, intents with confidence, the emotion trajectory, the timeline, notes.
window.deskContext = (() => {
  "use strict";

  const { call, el, duration, clock } = window.staff;
  const stepCache = new Map();

  /** The steps the bot can resume a skill at ([{ step, zhCn, en }]); one request per skill per page. */
  function steps(skill) {
    if (!stepCache.has(skill)) {
      stepCache.set(skill, call("GET", `/api/desk/skill-steps/${encodeURIComponent(skill)}`)
        .then((result) => (result.ok && Array.isArray(result.data) ? result.data : [])));
    }
    return stepCache.get(skill);
  }

  function section(title, className) {
    const box = el("section", `card${className ? ` ${className}` : ""}`);
    box.append(el("h3", "card__title", title));
    return box;
  }

  function facts(rows) {
    const list = el("dl", "facts");
    for (const [name, value] of rows) {
      if (value === undefined || value === null || value === "") continue;
      list.append(el("dt", "", name));
      const dd = el("dd");
      if (value instanceof Node) dd.append(value); else dd.textContent = String(value);
      list.append(dd);
    }
    return list;
  }

  const isEmpty = (value) => value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length);
  const isScalar = (value) => typeof value !== "object" || value === null;

  /**
   * The slots as the skill keeps them: plain values in the table; records and lists (a statement, the cards on file)
   * folded under their name, so what the customer chose stays at a glance; empty slots are left out.
   */
  function slotTable(slots, t) {
    const table = el("dl", "facts facts--slots");
    const folded = el("div", "slots-more");
    for (const [name, value] of Object.entries(slots || {})) {
      if (isEmpty(value)) continue;
      if (isScalar(value) || (Array.isArray(value) && value.every(isScalar))) {
        table.append(el("dt", "mono", name), el("dd", "slot", Array.isArray(value) ? value.join("、") : String(value)));
        continue;
      }
      const details = el("details", "slot-record");
      details.append(el("summary", "mono", name), el("pre", "slot-record__json", JSON.stringify(value, null, 2)));
      folded.append(details);
    }
    const box = el("div");
    if (table.childElementCount) box.append(table);
    if (folded.childElementCount) box.append(el("p", "card__hint", t("moreSlots")), folded);
    return box;
  }

  function render(container, conversation, texts) {
    const t = texts.t;
    const label = (table, key) => (t(table) || {})[key] || key;
    const pkg = conversation.package || {};
    const customer = pkg.customer || {};
    container.replaceChildren();

    if (pkg.summary) {
      const summary = section(t("summary"), "card--summary");
      summary.append(el("p", "summary", texts.en ? pkg.summary.en : pkg.summary.zhCn));
      container.append(summary);
    }

    const profile = section(t("profile"));
    const tags = el("span", "tags");
    for (const tag of customer.tags || []) tags.append(el("span", "pill", tag));
    const vip = customer.vipLevel > 0 ? el("span", "pill pill--vip", `VIP${customer.vipLevel}`) : "0";
    profile.append(facts([
      [t("customerId"), customer.id], [t("tier"), label("tiers", customer.tier)], [t("vipLevel"), vip],
      [t("tags"), (customer.tags || []).length ? tags : null], [t("channel"), pkg.channel],
      [t("handoffReason"), pkg.handoff ? label("reasons", pkg.handoff.reason) : null],
      [t("waitedFor"), pkg.handoff ? duration(pkg.handoff.waitedSeconds) : null],
    ]));
    container.append(profile);

    const skill = section(t("skillTitle"), "card--skill");
    if (pkg.skill) {
      const stepName = el("span", "step", pkg.skill.step);
      skill.append(facts([[t("skillTitle"), label("intents", pkg.skill.skill)], [t("step"), stepName]]));
      steps(pkg.skill.skill).then((known) => {
        const match = known.find((s) => s.step === pkg.skill.step);
        if (match) stepName.textContent = texts.en ? match.en : match.zhCn;
      });
      if (Object.values(pkg.skill.slots || {}).some((value) => !isEmpty(value))) {
        skill.append(el("h4", "card__subtitle", t("slots")), slotTable(pkg.skill.slots, t));
      }
    } else {
      skill.append(el("p", "card__empty", t("noSkill")));
    }
    container.append(skill);

    const intents = section(t("intentsTitle"));
    if ((pkg.intents || []).length) {
      const list = el("ol", "intents");
      for (const intent of pkg.intents) {
        const item = el("li", "intent");
        const confidence = Math.round((intent.confidence || 0) * 100);
        const meter = el("span", "meter");
        const fill = el("span", `meter__fill${confidence < 50 ? " meter__fill--low" : ""}`);
        fill.style.width = `${confidence}%`;
        meter.append(fill);
        item.append(el("span", "intent__name", label("intents", intent.intent)), meter, el("span", "intent__score", `${confidence}%`));
        item.title = `${intent.intent} · ${clock(intent.at, texts.locale)}`;
        list.append(item);
      }
      intents.append(list);
    } else {
      intents.append(el("p", "card__empty", t("noIntents")));
    }
    container.append(intents);

    const emotions = section(t("emotionsTitle"));
    if ((pkg.emotions || []).length) {
      const track = el("ol", "emotions");
      for (const emotion of pkg.emotions) {
        const item = el("li", `emotion emotion--${String(emotion.level).toLowerCase()}`);
        item.append(el("span", "emotion__dot"), el("span", "emotion__kind", `${label("emotionKinds", emotion.kind)} · ${label("levels", emotion.level)}`),
          el("q", "emotion__cue", emotion.cue), el("time", "emotion__time", clock(emotion.at, texts.locale)));
        track.append(item);
      }
      emotions.append(track);
    } else {
      emotions.append(el("p", "card__empty card__empty--calm", t("calm")));
    }
    container.append(emotions);

    if ((conversation.notes || []).length) {
      const notes = section(t("notesTitle"), "card--notes");
      for (const note of conversation.notes) {
        const item = el("blockquote", "note");
        item.append(el("p", "", note.text), el("footer", "", `${note.from} · ${clock(note.at, texts.locale)}`));
        notes.append(item);
      }
      container.append(notes);
    }

    if ((pkg.timeline || []).length) {
      const timeline = section(t("timelineTitle"));
      const list = el("ol", "timeline");
      for (const moment of pkg.timeline) {
        const item = el("li", `moment moment--${moment.source}`);
        item.append(el("time", "moment__time", clock(moment.at, texts.locale)), el("span", "moment__detail", moment.detail));
        if (moment.count > 1) item.append(el("span", "pill", t("times")(moment.count)));
        list.append(item);
      }
      timeline.append(list);
      container.append(timeline);
    }
  }

  return { render, steps };
})();
