// Messages in the list: drawing one (with its reactions, reply, vote, promote and report
// actions), putting it in sequence order, the questions list and the reply marker.
import { REACTIONS, T, el, input, list, me, root, socket, state } from "./state.js";
import { button, fmt, node, timeLabel } from "./dom.js";
import { renderModeration } from "./moderation.js";

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
  if (state.canModerate) { renderModeration(bar, m); }
  return bar;
}

function place(li, seq) {
  var after = Array.prototype.find.call(list.children, function (c) {
    return c.classList.contains("chat-pending") || Number(c.dataset.seq) > seq;
  });
  list.insertBefore(li, after || null);
}

// Show a new or changed message in its place; `announce` reads new ones to screen readers.
export function upsert(m, announce) {
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

export function setReply(m) {
  var box = el("replying");
  state.replyTo = m ? m.seq : null;
  box.hidden = !m;
  box.textContent = "";
  if (m) {
    box.appendChild(document.createTextNode(fmt(T.replying, { name: m.author_name }) + " "));
    box.appendChild(button(T.cancel, function () { setReply(null); input.focus(); }));
  }
}
