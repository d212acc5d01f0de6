// The widget's side of a handoff to a person: the queue banner (from the stream's `event: queue`), and the notices
// when an agent joins and when the bot is back. Notices are read off the order of the messages themselves, so a
// reloaded history shows them in the same places.
window.chatHandoff = (() => {
  'use strict';

  const STRINGS = {
    'zh-CN': {
      queue: (ahead, minutes) => `正在为您转接人工客服 · 前面还有 ${ahead} 位 · 预计 ${minutes} 分钟`,
      offered: '正在为您转接人工客服 · 客服即将接入',
      joined: (name) => `${name} 已接入，为您服务`,
      agentJoined: '人工客服已接入，为您服务',
      botBack: '人工服务已结束，智能客服小C继续为您服务',
    },
    en: {
      queue: (ahead, minutes) => `Connecting you to an agent · ${ahead} ahead of you · about ${minutes} min`,
      offered: 'Connecting you to an agent · an agent is about to join',
      joined: (name) => `${name} has joined the chat`,
      agentJoined: 'An agent has joined the chat',
      botBack: 'The agent has left; C, the virtual assistant, is back',
    },
  };

  /** The queue states in which the customer still waits for a person (the server may send them in any case). */
  const WAITING = new Set(['waiting', 'offered']);

  function create({ list, banner, locale, placeInOrder }) {
    const t = (key) => STRINGS[locale()][key];
    let queue = null;

    function showQueue(status) {
      queue = status && WAITING.has(String(status.state).toLowerCase()) ? status : null;
      renderQueue();
    }

    function renderQueue() {
      banner.hidden = !queue;
      if (!queue) return;
      const offered = String(queue.state).toLowerCase() === 'offered';
      const minutes = Math.max(1, Math.ceil((Number(queue.estimatedWaitSeconds) || 0) / 60));
      banner.querySelector('.queue-banner__text').textContent = offered
        ? t('offered') : t('queue')(Number(queue.aheadOfSameLevel) || 0, minutes);
    }

    /** The bot or agent message shown last before the given sequence number. */
    function speakerBefore(seq) {
      let speaker = null;
      for (const item of list.children) {
        const role = item.dataset.role;
        if ((role === 'bot' || role === 'agent') && Number(item.dataset.seq) < seq) speaker = item;
      }
      return speaker;
    }

    function addNotice(seq, kind, name) {
      const at = String(seq - 0.5);
      if (list.querySelector(`.msg-notice[data-seq="${at}"]`)) return;
      const item = document.createElement('li');
      item.className = `msg-notice msg-notice--${kind}`;
      item.dataset.seq = at;
      item.dataset.kind = kind;
      if (name) item.dataset.name = name;
      item.setAttribute('role', 'status');
      item.append(document.createElement('span'));
      label(item);
      placeInOrder(item, Number(at));
    }

    function label(item) {
      const { kind, name } = item.dataset;
      item.firstChild.textContent = kind === 'back' ? t('botBack') : name ? t('joined')(name) : t('agentJoined');
    }

    /** Called for each message as it is placed: an agent's first word, or the bot after an agent, gets a notice. */
    function messageShown(role, seq, name) {
      if (role === 'agent') {
        showQueue(null);
        const before = speakerBefore(seq);
        if (!before || before.dataset.role !== 'agent' || (before.dataset.name || '') !== (name || '')) addNotice(seq, 'joined', name);
      } else if (role === 'bot') {
        const before = speakerBefore(seq);
        if (before && before.dataset.role === 'agent') addNotice(seq, 'back');
      }
    }

    function relabel() {
      for (const item of list.querySelectorAll('.msg-notice')) label(item);
      renderQueue();
    }

    return { showQueue, messageShown, relabel };
  }

  return { create };
})();
