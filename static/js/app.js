// Behaviour every page shares. The page works without it; this only helps keyboard users.
(function () {
  "use strict";

  // After a failed submit the error summary gets the focus, so the errors are announced
  // and the first correction is one Tab away.
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }

  // Escape closes an open menu (<details>) and returns the focus to its button.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") { return; }
    document.querySelectorAll("details.dropdown[open], details.menu-toggle[open]").forEach(function (menu) {
      var inside = menu.contains(document.activeElement);
      menu.open = false;
      if (inside) { menu.querySelector("summary").focus(); }
    });
  });

  // A click outside an open dropdown closes it, as people expect from menus.
  document.addEventListener("click", function (e) {
    document.querySelectorAll("details.dropdown[open]").forEach(function (menu) {
      if (!menu.contains(e.target)) { menu.open = false; }
    });
  });
})();
