// Joining the room on every (re)connect and catching up: the client keeps the last gapless
// sequence number and the last change number, and asks for everything after them on every
// (re)connect or when it notices a gap. Live events of the room land here too.
import { T, el, list, root, socket, state } from "./state.js";
import { showError } from "./dom.js";
import { upsert } from "./messages.js";
import { showMuted, showMutes, showState } from "./moderation.js";
import { flushOutbox } from "./outbox.js";
import { showPresence } from "./presence.js";

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

export function join() {
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
    state.canModerate = answer.can_moderate;
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

export function listenToRoom() {
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
}
