// The agent's actions on the open chat, each a small dialog: transfer (to a group or an agent, with a note), hand back
// to the bot (optionally into a step of the task in progress), close with a disposition (warned of unsaid mandatory
// disclosures), and a prefilled ticket.
window.deskActions = (() => {
  "use strict";

  const { $, call, el } = window.staff;

  function wire({ texts, current, groups, done, problem }) {
    const t = texts.t;
    const path = (suffix) => `/api/desk/conversations/${encodeURIComponent(current().conversationId)}${suffix}`;
    let dispositions = null;

    function open(dialogId) {
      const dialog = $(dialogId);
      dialog.querySelectorAll(".notice--error").forEach((box) => { box.hidden = true; });
      dialog.showModal();
      return dialog;
    }

    function fail(id, message) {
      const box = $(id);
      box.textContent = message;
      box.hidden = false;
    }

    /** Submits a dialog's form once: the button stays disabled until the answer is in. */
    function onSubmit(formId, action) {
      $(formId).addEventListener("submit", async (event) => {
        event.preventDefault();
        const buttons = $(formId).querySelectorAll("button");
        buttons.forEach((b) => { b.disabled = true; });
        try { await action(); } finally { buttons.forEach((b) => { b.disabled = false; }); }
      });
    }

    document.querySelectorAll("dialog [data-close]").forEach((button) =>
      button.addEventListener("click", () => button.closest("dialog").close()));

    // Transfer (转接)
    $("action-transfer").addEventListener("click", () => {
      const select = $("transfer-group");
      select.replaceChildren(...groups().map((group) => new Option((t("groups") || {})[group] || group, group)));
      select.value = "general";
      $("transfer-agent").value = "";
      $("transfer-note").value = "";
      open("transfer-dialog");
    });
    $("transfer-form").addEventListener("change", () => {
      const toAgent = $("transfer-form").elements.target.value === "agent";
      $("transfer-agent-field").hidden = !toAgent;
      $("transfer-group-field").hidden = toAgent;
    });
    onSubmit("transfer-form", async () => {
      const toAgent = $("transfer-form").elements.target.value === "agent";
      const body = toAgent ? { toAgentId: $("transfer-agent").value.trim() } : { toSkillGroup: $("transfer-group").value };
      if (!body.toAgentId && !body.toSkillGroup) return fail("transfer-error", t("transferNeedsTarget"));
      body.note = $("transfer-note").value.trim();
      const result = await call("POST", path("/transfer"), body);
      if (!result.ok) return fail("transfer-error", problem(result));
      $("transfer-dialog").close();
      await done(t("transferred"));
    });

    // Hand back to the bot (转回机器人), optionally into a step of the active skill
    $("action-handback").addEventListener("click", async () => {
      const select = $("handback-step");
      select.replaceChildren(new Option(t("resumeNone"), ""));
      const skill = current().package?.skill;
      if (skill) {
        for (const step of await window.deskContext.steps(skill.skill)) {
          select.add(new Option(texts.en ? step.en : step.zhCn, step.step));
        }
        // The step the customer left is the usual place to continue.
        if ([...select.options].some((o) => o.value === skill.step)) select.value = skill.step;
      }
      open("handback-dialog");
    });
    onSubmit("handback-form", async () => {
      const step = $("handback-step").value;
      const result = await call("POST", path("/handback"), step ? { resumeStep: step } : {});
      if (!result.ok) return fail("handback-error", problem(result));
      $("handback-dialog").close();
      await done(t("handedBack"), result.data?.replies);
    });

    // Close with a disposition (结束会话 + 处理结果). With mandatory disclosures unsaid the server answers 409 with
    // them; the dialog lists them and the agent either cancels or closes anyway, which the server records for
    // quality inspection (DisclosuresMissed).
    let acknowledge = false;
    function showMissing(missing) {
      acknowledge = missing.length > 0;
      $("close-missing").hidden = !acknowledge;
      $("close-missing-list").replaceChildren(...missing.map((item) => el("li", "", item.title || item.id)));
      $("close-confirm").hidden = acknowledge;
      $("close-anyway").hidden = !acknowledge;
    }
    $("action-close").addEventListener("click", async () => {
      if (!dispositions) {
        const result = await call("GET", "/api/desk/dispositions");
        dispositions = result.ok ? result.data : [];
      }
      $("close-disposition").replaceChildren(...dispositions.map((d) => new Option(texts.en ? d.en : d.zhCn, d.code)));
      showMissing([]);
      open("close-dialog");
    });
    onSubmit("close-form", async () => {
      const result = await call("POST", path("/close"),
        { disposition: $("close-disposition").value, acknowledgeMissingDisclosures: acknowledge });
      if (result.status === 409 && Array.isArray(result.data?.missingDisclosures)) return showMissing(result.data.missingDisclosures);
      if (!result.ok) return fail("close-error", problem(result));
      $("close-dialog").close();
      await done(t("closed"));
    });

    // One-click ticket from the prefilled draft (一键建工单): the desk's own draft, or the copilot's (with its template title)
    function openTicket(draft) {
      $("ticket-kind").hidden = !draft.title;
      $("ticket-kind").textContent = draft.title ? t("ticketKind")(draft.title) : "";
      $("ticket-text").value = draft.text || "";
      const fields = $("ticket-fields");
      fields.replaceChildren();
      for (const [name, value] of Object.entries(draft.fields || {})) {
        const row = el("label", "ticket-field");
        const input = el("input");
        input.name = name;
        input.value = value ?? "";
        row.append(el("span", "mono", name), input);
        fields.append(row);
      }
      open("ticket-dialog");
    }
    $("action-ticket").addEventListener("click", async () => {
      const result = await call("GET", path("/ticket-draft"));
      openTicket(result.ok ? result.data : { text: "", fields: {} });
    });
    onSubmit("ticket-form", async () => {
      const fields = {};
      $("ticket-fields").querySelectorAll("input").forEach((input) => { fields[input.name] = input.value; });
      const result = await call("POST", path("/tickets"), { text: $("ticket-text").value.trim(), fields });
      if (!result.ok) return fail("ticket-error", problem(result));
      $("ticket-dialog").close();
      await done(t("ticketCreated")(result.data.ticketId));
    });

    return { openTicket };
  }

  return { wire };
})();
