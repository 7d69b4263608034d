// The live chat room (templates/chat/_room.html) over the page's shared Socket.IO connection
// (realtime.js). Loaded as a module from our own origin; the parts by topic:
// state.js (shared state), connection.js (join, catch-up, live events), outbox.js (sending
// exactly once), messages.js (drawing messages), moderation.js (moderators, mutes, open/
// closed), presence.js (who is here, who is typing).
import { T, el, form, input, ready, socket, state } from "./state.js";
import { showMutes, wireStateButtons } from "./moderation.js";
import { join, listenToRoom } from "./connection.js";
import { loadOutbox, showPending, submit } from "./outbox.js";
import { listenForPresence } from "./presence.js";

function start() {
  listenToRoom();
  listenForPresence();
  // Enter sends, Shift+Enter breaks the line, focus stays.
  form.addEventListener("submit", function (event) { event.preventDefault(); submit(); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  wireStateButtons();
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
}

if (ready) { start(); }
