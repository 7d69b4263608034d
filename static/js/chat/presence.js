// Who is in the room and who is typing: shown to everyone, nothing of it is stored.
import { T, el, input, socket, state } from "./state.js";
import { fmt, node } from "./dom.js";

export function showPresence() {
  var box = el("presence");
  var names = Object.keys(state.people).map(function (id) { return state.people[id]; }).sort();
  box.textContent = "";
  names.forEach(function (name) { box.appendChild(node("li", "", name)); });
  if (!names.length) { box.appendChild(node("li", "muted", T.nobody)); }
}

function showTyping() {
  var now = Date.now(), names = [];
  Object.keys(state.typists).forEach(function (id) {
    if (state.typists[id].until > now) { names.push(state.typists[id].name); } else { delete state.typists[id]; }
  });
  el("typing").textContent = names.length === 0 ? "" :
    names.length === 1 ? fmt(T.typing_one, { name: names[0] }) : T.typing_many;
}

export function listenForPresence() {
  socket.on("chat:presence", function (p) {
    if (p.room !== state.room) { return; }
    if (p.joined) { state.people[p.joined.id] = p.joined.name; }
    if (p.left) { delete state.people[p.left]; }
    showPresence();
  });
  socket.on("chat:typing", function (t) {
    if (t.room !== state.room) { return; }
    state.typists[t.user_id] = { name: t.name, until: Date.now() + 4000 };
    showTyping();
    setTimeout(showTyping, 4100);
  });
  // At most every 3 seconds: the server refuses more (chat/throttle.py).
  input.addEventListener("input", function () {
    if (state.room && socket.connected && Date.now() - state.typingAt > 3000) {
      state.typingAt = Date.now();
      socket.emit("chat:typing", { room: state.room });
    }
  });
}
