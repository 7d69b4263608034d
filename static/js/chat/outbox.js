// Exactly once: every message gets a UUID when it is written and waits in localStorage until
// the server acknowledges it (also across reloads); the server stores a resent id only once.
import { T, el, input, list, outboxKey, socket, state } from "./state.js";
import { node, showError, uuid } from "./dom.js";
import { setReply, upsert } from "./messages.js";

export function loadOutbox() {
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
export function showPending(item) {
  if (list.querySelector('[data-client-id="' + item.client_id + '"]')) { return; }
  var li = node("li", "chat-message chat-own chat-pending");
  li.dataset.clientId = item.client_id;
  li.appendChild(node("p", "chat-meta", T.you + " · " + T.pending));
  li.appendChild(node("p", "chat-text", item.body));
  list.appendChild(li);
}
export function flushOutbox() {
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

// What the form's text becomes: an outbox entry, shown as pending until acknowledged.
export function submit() {
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
