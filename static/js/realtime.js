// One Socket.IO connection per page, shared by all features (window.AlumniHub.socket).
// The server accepts it only for logged-in users from this origin.
(function () {
  "use strict";
  if (typeof io === "undefined") { return; }
  var socket = io({ transports: ["websocket", "polling"], withCredentials: true });
  window.AlumniHub = window.AlumniHub || {};
  window.AlumniHub.socket = socket;
  document.dispatchEvent(new CustomEvent("alumnihub:socket", { detail: socket }));
})();
