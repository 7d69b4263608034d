// Boards: suggest members while typing an @mention. Progressive enhancement only —
// without JS people type @[Vorname Nachname] by hand and the server resolves it.
(function () {
  "use strict";
  var MENTION = /@([^\s@\[\]]{2,40})$/;

  function setup(textarea) {
    var url = textarea.getAttribute("data-mention-url");
    var list = document.createElement("ul");
    list.className = "mention-suggestions";
    list.hidden = true;
    list.setAttribute("role", "listbox");
    textarea.insertAdjacentElement("afterend", list);
    var timer = null;

    function close() { list.hidden = true; list.textContent = ""; }

    function insert(match, mention) {
      var caret = textarea.selectionStart;
      var before = textarea.value.slice(0, caret - match.length - 1);
      textarea.value = before + mention + " " + textarea.value.slice(caret);
      var pos = before.length + mention.length + 1;
      textarea.setSelectionRange(pos, pos);
      textarea.focus();
      close();
    }

    function show(match, people) {
      list.textContent = "";
      people.forEach(function (person) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "link-button";
        button.textContent = person.name;
        button.addEventListener("click", function () { insert(match, person.mention); });
        item.appendChild(button);
        list.appendChild(item);
      });
      list.hidden = people.length === 0;
    }

    textarea.addEventListener("input", function () {
      var found = MENTION.exec(textarea.value.slice(0, textarea.selectionStart));
      clearTimeout(timer);
      if (!found) { close(); return; }
      timer = setTimeout(function () {
        var query = (url.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(found[1]);
        fetch(url + query, { credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (people) { show(found[1], people); })
          .catch(close);
      }, 200);
    });
    textarea.addEventListener("keydown", function (e) { if (e.key === "Escape") { close(); } });
  }

  document.querySelectorAll("textarea[data-mention-url]").forEach(setup);
})();
