// Boards: suggest members while typing an @mention. Progressive enhancement only —
// without JS people type @[Vorname Nachname] by hand and the server resolves it.
// Keyboard: ArrowDown/ArrowUp move through the suggestions, Enter or Tab takes the
// highlighted one, Escape closes the list; the textarea keeps the focus throughout
// (aria-activedescendant tells screen readers which suggestion is highlighted).
(function () {
  "use strict";
  var MENTION = /@([^\s@\[\]]{2,40})$/;
  var counter = 0;

  function setup(textarea) {
    var url = textarea.getAttribute("data-mention-url");
    var list = document.createElement("ul");
    counter += 1;
    list.id = "mention-suggestions-" + counter;
    list.className = "mention-suggestions";
    list.hidden = true;
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", textarea.getAttribute("data-mention-label") || "@");
    textarea.insertAdjacentElement("afterend", list);
    textarea.setAttribute("aria-autocomplete", "list");
    textarea.setAttribute("aria-controls", list.id);
    var timer = null;
    var people = [];
    var match = "";
    var active = -1;

    function close() {
      list.hidden = true;
      list.textContent = "";
      people = [];
      active = -1;
      textarea.removeAttribute("aria-activedescendant");
    }

    function insert(person) {
      var caret = textarea.selectionStart;
      var before = textarea.value.slice(0, caret - match.length - 1);
      textarea.value = before + person.mention + " " + textarea.value.slice(caret);
      var pos = before.length + person.mention.length + 1;
      textarea.setSelectionRange(pos, pos);
      textarea.focus();
      close();
    }

    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      active = (index + options.length) % options.length;
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      textarea.setAttribute("aria-activedescendant", options[active].id);
    }

    function show(found, results) {
      list.textContent = "";
      match = found;
      people = results;
      active = -1;
      textarea.removeAttribute("aria-activedescendant");
      results.forEach(function (person, i) {
        var item = document.createElement("li");
        item.id = list.id + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = person.name;
        // mousedown, not click: the textarea must not lose its caret position first.
        item.addEventListener("mousedown", function (e) { e.preventDefault(); insert(person); });
        list.appendChild(item);
      });
      list.hidden = results.length === 0;
    }

    textarea.addEventListener("input", function () {
      var found = MENTION.exec(textarea.value.slice(0, textarea.selectionStart));
      clearTimeout(timer);
      if (!found) { close(); return; }
      timer = setTimeout(function () {
        var query = (url.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(found[1]);
        fetch(url + query, { credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (results) { show(found[1], results); })
          .catch(close);
      }, 200);
    });

    textarea.addEventListener("keydown", function (e) {
      if (list.hidden || people.length === 0) { return; }
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        highlight(active + (e.key === "ArrowDown" ? 1 : -1) + (active < 0 && e.key === "ArrowUp" ? 1 : 0));
      } else if ((e.key === "Enter" || e.key === "Tab") && active >= 0) {
        e.preventDefault();
        insert(people[active]);
      } else if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        close();
      }
    });
    textarea.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  document.querySelectorAll("textarea[data-mention-url]").forEach(setup);
})();
