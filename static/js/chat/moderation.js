// What moderators do on the messages (answered, recap, delete, mute), who is muted until
// when, the member's own "you are muted" notice, and opening or closing the room.
import { MUTE_CHOICES, T, el, form, me, root, socket, state } from "./state.js";
import { button, fmt, node, showError, untilLabel } from "./dom.js";

export function renderModeration(bar, m) {
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

export function showMutes() {
  var box = el("mutes");
  if (!box) { return; }
  var now = Date.now();
  var muted = state.mutes.filter(function (m) { return new Date(m.until).getTime() > now; });
  box.textContent = "";
  muted.forEach(function (m) {
    var li = node("li", "", m.name + " ");
    var time = node("time", "", fmt(T.muted_until_short, { time: untilLabel(m.until) }));
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

export function showMuted(until) {
  var box = el("muted");
  box.hidden = !until;
  box.textContent = until ? fmt(T.muted, { time: untilLabel(until) }) : "";
}

// --- open/closed: outside its times the room is a read-only transcript -----------------
export function showState(s) {
  el("status").textContent = s.open ? T.open : T.closed;
  root.dataset.open = s.open ? "true" : "false";
  form.hidden = !s.open;
  root.querySelectorAll("[data-chat-state]").forEach(function (b) {
    b.hidden = (b.dataset.chatState === "open") === s.open;
  });
}

export function wireStateButtons() {
  root.querySelectorAll("[data-chat-state]").forEach(function (b) {
    b.addEventListener("click", function (event) {
      if (!state.room || !socket.connected) { return; } // the form posts it instead
      event.preventDefault();
      socket.emit("chat:state", { room: state.room, state: b.dataset.chatState });
    });
  });
}
