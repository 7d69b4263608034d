// Live chat room (templates/chat/_room.html) over the page's shared Socket.IO connection.
// Exactly once: every message gets a UUID when it is written and waits in localStorage until
// the server acknowledges it (also across reloads); the server stores a resent id only once.
// Catch-up: the client keeps the last gapless sequence number and the last change number,
// and asks for everything after them on every (re)connect or when it notices a gap.
(function () {
  "use strict";
  var root = document.querySelector("[data-chat]");
  if (!root || !window.AlumniHub || !window.AlumniHub.socket) { return; }
  var socket = window.AlumniHub.socket;
  var T = JSON.parse(root.dataset.strings);
  var REACTIONS = JSON.parse(root.dataset.reactions);
  var MUTE_CHOICES = JSON.parse(root.dataset.muteChoices || "[]");
  var me = Number(root.dataset.userId);
  var canModerate = root.dataset.canModerate === "true";
  var lang = document.documentElement.lang || "de";
  var el = function (name) { return root.querySelector("[data-chat-" + name + "]"); };
  var list = el("messages"), input = el("input"), form = el("form");
  var outboxKey = ["alumnihub.chat.outbox", root.dataset.kind, root.dataset.refId, me].join(".");
  var state = {
    room: null, lastSeq: 0, changeSeq: Number(root.dataset.changeSeq), first: true,
    messages: {}, people: {}, mutes: [], inFlight: {}, replyTo: null, syncing: false, typingAt: 0, typists: {}
  };

  function fmt(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_m, key) { return values[key]; });
  }
  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
  }
  function node(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) { n.className = cls; }
    if (text !== undefined) { n.textContent = text; }
    return n;
  }
  function button(label, onClick, cls) {
    var b = node("button", "chat-button " + (cls || ""), label);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  // --- the outbox: written messages not yet acknowledged -------------------------------
  function loadOutbox() {
    try { return JSON.parse(localStorage.getItem(outboxKey)) || []; } catch (e) { return []; }
  }
  function saveOutbox(items) {
    try { localStorage.setItem(outboxKey, JSON.stringify(items)); } catch (e) { /* full: keep in memory */ }
  }
  function dropFromOutbox(clientId) {
    saveOutbox(loadOutbox().filter(function (i) { return i.client_id !== clientId; }));
    var pending = list.querySelector('[data-client-id="' + clientId + '"]');
    if (pending) { pending.remove(); }
  }
  function showPending(item) {
    if (list.querySelector('[data-client-id="' + item.client_id + '"]')) { return; }
    var li = node("li", "chat-message chat-own chat-pending");
    li.dataset.clientId = item.client_id;
    li.appendChild(node("p", "chat-meta", T.you + " · " + T.pending));
    li.appendChild(node("p", "chat-text", item.body));
    list.appendChild(li);
  }
  function flushOutbox() {
    if (!state.room || !socket.connected) { return; }
    var next = loadOutbox().filter(function (i) { return !state.inFlight[i.client_id]; })[0];
    if (next) { sendItem(next); }
  }
  function sendItem(item) {
    state.inFlight[item.client_id] = true;
    var data = { room: state.room, client_id: item.client_id, body: item.body,
                 reply_to: item.reply_to, question: item.question };
    socket.timeout(10000).emit("chat:send", data, function (err, ack) {
      delete state.inFlight[item.client_id];
      if (err) { return; } // no answer: resent after the reconnect, the server dedupes
      if (ack.ok) {
        dropFromOutbox(item.client_id);
        upsert(ack.message, false);
      } else if (ack.field === "rate") {
        showError(ack.error);
        setTimeout(flushOutbox, 5000);
        return;
      } else {
        dropFromOutbox(item.client_id);
        showError(ack.error);
        if (!input.value) { input.value = item.body; }
      }
      flushOutbox();
    });
  }
  function submit() {
    var body = input.value.trim();
    if (!body) { return; }
    var item = { client_id: uuid(), body: body, reply_to: state.replyTo,
                 question: el("question").checked };
    saveOutbox(loadOutbox().concat([item]));
    showPending(item);
    input.value = "";
    el("question").checked = false;
    setReply(null);
    showError("");
    input.focus();
    flushOutbox();
  }

  // --- rendering -------------------------------------------------------------------------
  function timeLabel(iso) {
    return new Date(iso).toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit",
                                                     timeZone: "Europe/Berlin" });
  }
  function render(m) {
    var li = node("li", "chat-message" + (m.author_id === me ? " chat-own" : "") +
                        (m.question ? " chat-is-question" : ""));
    li.id = "chat-msg-" + m.seq;
    li.dataset.seq = m.seq;
    var meta = node("p", "chat-meta");
    meta.appendChild(node("strong", "chat-author", m.author_name));
    if (m.author_id === me) { meta.appendChild(node("span", "chat-own-mark", " (" + T.you + ")")); }
    var time = node("time", "", " " + timeLabel(m.created_at));
    time.dateTime = m.created_at;
    meta.appendChild(time);
    if (m.question) {
      meta.appendChild(node("span", "tag", T.question + (m.answered ? " · " + T.answered : "")));
    }
    li.appendChild(meta);
    if (m.reply_to) {
      var quote = node("blockquote", "chat-quote");
      quote.appendChild(node("strong", "", m.reply_to.author_name + " "));
      quote.appendChild(document.createTextNode(m.reply_to.excerpt));
      li.appendChild(quote);
    }
    if (m.deleted) {
      li.appendChild(node("p", "chat-text chat-deleted", T.deleted));
      return li;
    }
    var text = node("div", "chat-text prose");
    text.innerHTML = m.body_html; // sanitised on the server when stored (core.markup.render)
    li.appendChild(text);
    li.appendChild(renderActions(m));
    return li;
  }
  function renderActions(m) {
    var bar = node("p", "chat-actions");
    REACTIONS.forEach(function (emoji) {
      var people = m.reactions[emoji] || [];
      var b = button(emoji + (people.length ? " " + people.length : ""), function () {
        socket.emit("chat:react", { message: m.id, emoji: emoji });
      }, "chat-reaction");
      b.setAttribute("aria-pressed", people.indexOf(me) >= 0 ? "true" : "false");
      b.setAttribute("aria-label", T.react + " " + emoji + ": " + people.length);
      bar.appendChild(b);
    });
    bar.appendChild(button(T.reply, function () { setReply(m); input.focus(); }));
    if (m.question) {
      var voted = m.votes.indexOf(me) >= 0;
      var v = button(T.vote + " (" + m.votes.length + ")", function () {
        socket.emit("chat:vote", { message: m.id });
      });
      v.setAttribute("aria-pressed", voted ? "true" : "false");
      bar.appendChild(v);
    }
    if (root.dataset.promoteUrl) {  // empty in private rooms: no wiki tips from there
      var promote = node("a", "chat-promote", T.promote);
      promote.href = root.dataset.promoteUrl.replace(/\/0$/, "/" + m.id);
      bar.appendChild(promote);
    }
    if (m.author_id !== me) {
      var report = node("a", "chat-report", T.report);
      report.href = root.dataset.reportMessageUrl.replace(/\/0\/melden$/, "/" + m.id + "/melden");
      bar.appendChild(report);
    }
    if (canModerate) { renderModeration(bar, m); }
    return bar;
  }
  function renderModeration(bar, m) {
    if (m.question) {
      bar.appendChild(button(m.answered ? T.reopen : T.answered, function () {
        socket.emit("chat:answer", { message: m.id, answered: !m.answered });
      }));
    }
    if (root.dataset.recap === "true") {
      bar.appendChild(button(T.recap, function () {
        socket.emit("chat:recap", { message: m.id }, function (ack) {
          if (ack && ack.ok) { el("pending").textContent = T.recap_done; } else { showError(ack && ack.error); }
        });
      }));
    }
    bar.appendChild(button(T.delete, function () {
      socket.emit("chat:delete", { message: m.id });
    }, "secondary"));
    if (m.author_id && m.author_id !== me) { bar.appendChild(renderMuteForm(m)); }
  }
  // --- muting: choose a duration per author; the list of who is muted until when --------
  function renderMuteForm(m) {
    var box = node("span", "chat-mute-form");
    var select = node("select");
    select.id = "chat-mute-" + m.id;
    MUTE_CHOICES.forEach(function (choice) {
      var option = node("option", "", choice[1]);
      option.value = choice[0];
      option.selected = choice[0] === 15;
      select.appendChild(option);
    });
    var label = node("label", "", T.mute_for);
    label.htmlFor = select.id;
    var b = button(T.mute, function () { mute(m.author_id, Number(select.value)); }, "secondary");
    b.appendChild(node("span", "visually-hidden", ": " + m.author_name));
    [label, select, b].forEach(function (n) { box.appendChild(n); });
    return box;
  }
  function mute(userId, minutes) {
    socket.emit("chat:mute", { room: state.room, user: userId, minutes: minutes }, function (ack) {
      showError(ack && !ack.ok ? ack.error : "");
    });
  }
  function showMutes() {
    var box = el("mutes");
    if (!box) { return; }
    var now = Date.now();
    var muted = state.mutes.filter(function (m) { return new Date(m.until).getTime() > now; });
    box.textContent = "";
    muted.forEach(function (m) {
      var li = node("li", "", m.name + " ");
      var time = node("time", "", fmt(T.muted_until_short, { time: timeLabel(m.until) }));
      time.dateTime = m.until;
      li.appendChild(time);
      li.appendChild(document.createTextNode(" "));
      var b = button(T.unmute, function () { mute(m.id, 0); }, "secondary");
      b.appendChild(node("span", "visually-hidden", ": " + m.name));
      li.appendChild(b);
      box.appendChild(li);
    });
    if (!muted.length) { box.appendChild(node("li", "muted", T.nobody_muted)); }
  }
  function place(li, seq) {
    var after = Array.prototype.find.call(list.children, function (c) {
      return c.classList.contains("chat-pending") || Number(c.dataset.seq) > seq;
    });
    list.insertBefore(li, after || null);
  }
  function upsert(m, announce) {
    if (m.room !== state.room) { return; }
    var known = state.messages[m.seq];
    state.messages[m.seq] = m;
    var empty = el("empty");
    if (empty) { empty.remove(); }
    var pending = list.querySelector('[data-client-id="' + m.client_id + '"]');
    if (pending) { pending.remove(); }
    var li = render(m), old = document.getElementById("chat-msg-" + m.seq);
    if (old) { old.replaceWith(li); } else { place(li, m.seq); }
    while (state.messages[state.lastSeq + 1]) { state.lastSeq += 1; }
    if (announce && !known && m.author_id !== me && !m.deleted) {
      el("live").textContent = fmt(T.new_message, { name: m.author_name, text: li.querySelector(".chat-text").textContent });
    }
    renderQuestions();
  }
  function renderQuestions() {
    var box = el("questions");
    var qs = Object.keys(state.messages).map(function (k) { return state.messages[k]; })
      .filter(function (m) { return m.question && !m.deleted; })
      .sort(function (a, b) { return (a.answered - b.answered) || (b.votes.length - a.votes.length) || (a.seq - b.seq); });
    box.textContent = "";
    qs.forEach(function (q) {
      var li = node("li", q.answered ? "chat-answered" : "");
      var a = node("a", "", q.author_name);
      a.href = "#chat-msg-" + q.seq;
      li.appendChild(a);
      li.appendChild(document.createTextNode(" · " + q.votes.length + " " + T.votes +
                                             (q.answered ? " · " + T.answered : "")));
      box.appendChild(li);
    });
  }
  function setReply(m) {
    var box = el("replying");
    state.replyTo = m ? m.seq : null;
    box.hidden = !m;
    box.textContent = "";
    if (m) {
      box.appendChild(document.createTextNode(fmt(T.replying, { name: m.author_name }) + " "));
      box.appendChild(button(T.cancel, function () { setReply(null); input.focus(); }));
    }
  }
  function showError(text) { el("error").textContent = text || ""; }
  function showState(s) {
    el("status").textContent = s.open ? T.open : T.closed;
    root.dataset.open = s.open ? "true" : "false";
    form.hidden = !s.open; // outside its times the room is a read-only transcript
    root.querySelectorAll("[data-chat-state]").forEach(function (b) {
      b.hidden = (b.dataset.chatState === "open") === s.open;
    });
  }
  function showMuted(until) {
    var box = el("muted");
    box.hidden = !until;
    box.textContent = until ? fmt(T.muted, { time: timeLabel(until) }) : "";
  }

  // --- catching up -------------------------------------------------------------------------
  function apply(answer, announce) {
    answer.messages.forEach(function (m) { upsert(m, announce); });
    answer.changes.forEach(function (m) { if (state.messages[m.seq]) { upsert(m, false); } });
    state.changeSeq = Math.max(state.changeSeq, answer.change_seq);
    if (answer.more) { sync(); }
  }
  function sync() {
    if (state.syncing || !state.room) { return; }
    state.syncing = true;
    socket.emit("chat:sync", { room: state.room, after_seq: state.lastSeq, after_change: state.changeSeq }, function (answer) {
      state.syncing = false;
      if (answer && answer.ok) { apply(answer, true); }
    });
  }
  function join() {
    var firstSeq = Number((list.querySelector("[data-seq]") || { dataset: { seq: 1 } }).dataset.seq);
    var after = state.first ? Math.max(0, firstSeq - 1) : state.lastSeq;
    socket.emit("chat:join", { kind: root.dataset.kind, ref_id: Number(root.dataset.refId),
                               after_seq: after, after_change: state.changeSeq }, function (answer) {
      if (!answer || !answer.ok) { showError(answer && answer.error); return; }
      if (state.first) {
        list.querySelectorAll("[data-seq]").forEach(function (li) { li.remove(); });
        state.lastSeq = after;
        state.first = false;
      }
      state.room = answer.room;
      canModerate = answer.can_moderate;
      apply(answer, false);
      showState(answer);
      showMuted(answer.muted_until);
      state.mutes = answer.muted || [];
      showMutes();
      state.people = {};
      answer.people.forEach(function (p) { state.people[p.id] = p.name; });
      showPresence();
      el("pending").textContent = "";
      flushOutbox();
    });
  }

  // --- live events -------------------------------------------------------------------------
  socket.on("connect", join);
  socket.on("disconnect", function () { state.inFlight = {}; el("pending").textContent = T.offline; });
  socket.on("chat:message", function (m) {
    if (m.room !== state.room) { return; }
    if (m.seq > state.lastSeq + 1) { sync(); }
    upsert(m, true);
  });
  socket.on("chat:update", function (u) {
    if (u.message.room !== state.room) { return; }
    if (u.change > state.changeSeq + 1) { sync(); } else { state.changeSeq = Math.max(state.changeSeq, u.change); }
    if (state.messages[u.message.seq]) { upsert(u.message, false); }
  });
  socket.on("chat:state", function (s) { if (s.room === state.room) { showState(s); } });
  socket.on("chat:muted", function (m) { if (m.room === state.room) { showMuted(m.until); } });
  socket.on("chat:mutes", function (m) {
    if (m.room === state.room) { state.mutes = m.muted; showMutes(); }
  });
  socket.on("chat:presence", function (p) {
    if (p.room !== state.room) { return; }
    if (p.joined) { state.people[p.joined.id] = p.joined.name; }
    if (p.left) { delete state.people[p.left]; }
    showPresence();
  });
  function showPresence() {
    var box = el("presence");
    var names = Object.keys(state.people).map(function (id) { return state.people[id]; }).sort();
    box.textContent = "";
    names.forEach(function (name) { box.appendChild(node("li", "", name)); });
    if (!names.length) { box.appendChild(node("li", "muted", T.nobody)); }
  }
  socket.on("chat:typing", function (t) {
    if (t.room !== state.room) { return; }
    state.typists[t.user_id] = { name: t.name, until: Date.now() + 4000 };
    showTyping();
    setTimeout(showTyping, 4100);
  });
  function showTyping() {
    var now = Date.now(), names = [];
    Object.keys(state.typists).forEach(function (id) {
      if (state.typists[id].until > now) { names.push(state.typists[id].name); } else { delete state.typists[id]; }
    });
    el("typing").textContent = names.length === 0 ? "" :
      names.length === 1 ? fmt(T.typing_one, { name: names[0] }) : T.typing_many;
  }

  // --- the form: Enter sends, Shift+Enter breaks the line, focus stays ------------------------
  form.addEventListener("submit", function (event) { event.preventDefault(); submit(); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  input.addEventListener("input", function () {
    if (state.room && socket.connected && Date.now() - state.typingAt > 3000) {
      state.typingAt = Date.now();
      socket.emit("chat:typing", { room: state.room });
    }
  });
  root.querySelectorAll("[data-chat-state]").forEach(function (b) {
    b.addEventListener("click", function (event) {
      if (!state.room || !socket.connected) { return; } // the form posts it instead
      event.preventDefault();
      socket.emit("chat:state", { room: state.room, state: b.dataset.chatState });
    });
  });
  // The browser knows at once when the network is gone; Socket.IO would notice only after
  // its ping timeout (up to ~45 s), and messages written meanwhile would seem sent.
  window.addEventListener("offline", function () { socket.disconnect(); });
  window.addEventListener("online", function () { if (!socket.connected) { socket.connect(); } });
  setInterval(function () {
    if (state.room && socket.connected) { socket.emit("chat:ping", {}); }
    showMutes(); // a mute that ran out leaves the list
  }, 30000);
  loadOutbox().forEach(showPending);
  if (!socket.connected) { el("pending").textContent = T.offline; }
  if (socket.connected) { join(); }
})();
