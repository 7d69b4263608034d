// "/" focuses the header search field, unless the member is typing somewhere already.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var typing = target && (target.isContentEditable ||
      /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (typing) return;
    var field = document.querySelector("[data-search-shortcut]");
    if (!field) return;
    event.preventDefault();
    field.focus();
    field.select();
  });
})();
