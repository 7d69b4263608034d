// Live unread badge: the server sends "notifications:unread" {count} to this user's room.
(function () {
  "use strict";
  function update(data) {
    var count = (data && data.count) || 0;
    document.querySelectorAll("[data-unread-badge]").forEach(function (badge) {
      badge.textContent = String(count);
      badge.hidden = count === 0;
    });
  }
  function attach(socket) { socket.on("notifications:unread", update); }
  if (window.AlumniHub && window.AlumniHub.socket) {
    attach(window.AlumniHub.socket);
  } else {
    document.addEventListener("alumnihub:socket", function (event) { attach(event.detail); });
  }
})();
