// One Socket.IO connection per page, shared by all features (window.AlumniHub.socket).
// The server accepts it only for logged-in users from this origin.
(function () {
  "use strict";
  if (typeof io === "undefined") { return; }
  var socket = io({ transports: ["websocket", "polling"], withCredentials: true });
  // The server closes the sockets of a login that ended (logout, deactivation, password
  // change elsewhere). One try tells whether this page's own login still holds; if not, the
  // page stops knocking until it is reloaded.
  socket.on("disconnect", function (reason) {
    if (reason === "io server disconnect") {
      socket.io.reconnection(false);
      socket.connect();
    }
  });
  socket.on("connect", function () { socket.io.reconnection(true); });
  window.AlumniHub = window.AlumniHub || {};
  window.AlumniHub.socket = socket;
  document.dispatchEvent(new CustomEvent("alumnihub:socket", { detail: socket }));
})();
