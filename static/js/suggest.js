/* A filter's text box with suggestions (scoculture.filters.SuggestInput): as the visitor
   types, ask the API list in data-suggest-url for rows whose name holds the words, show them
   in a listbox (the WAI-ARIA combobox pattern: arrows, Enter, Escape, or a click), and when
   one is picked submit its slug, so the address is the same as a link's. Without this script
   the box still works: the server takes an exact name or a slug. */
(function () {
  var DELAY = 200; // ms of quiet typing before asking
  var MIN_LENGTH = 2;

  function setUp(input, index) {
    var form = input.form;
    var listbox = document.createElement("ul");
    listbox.id = (input.id || "suggest-" + index) + "-suggestions";
    listbox.className = "suggestions";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", input.labels && input.labels[0] ? input.labels[0].textContent : "");
    listbox.hidden = true;
    input.insertAdjacentElement("afterend", listbox);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);
    // A polite live region: how many suggestions there are, read out when they change.
    var status = document.createElement("p");
    status.id = (input.id || "suggest-" + index) + "-status";
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    listbox.insertAdjacentElement("afterend", status);

    var name = input.name;
    // The slug the form submits in place of the text, while the text is the picked name.
    var slug = document.createElement("input");
    slug.type = "hidden";
    input.insertAdjacentElement("afterend", slug);
    // The row the page was filtered by: its name in the box (the server may have put the
    // slug there, when namesakes share the name), its slug sent.
    var picked = null;
    if (input.dataset.slug) {
      picked = { slug: input.dataset.slug, name: input.dataset.name };
      input.value = picked.name;
    }
    var options = [];
    var active = -1;
    var timer = null;
    var asked = 0;

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(i) {
      options.forEach(function (li, n) { li.setAttribute("aria-selected", n === i ? "true" : "false"); });
      active = i;
      if (i >= 0) {
        input.setAttribute("aria-activedescendant", options[i].id);
        options[i].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function pick(row) {
      picked = row;
      input.value = row.name;
      close();
    }

    function show(rows) {
      listbox.textContent = "";
      options = rows.map(function (row, n) {
        var li = document.createElement("li");
        li.id = listbox.id + "-" + n;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = row.name;
        var where = [row.city, row.country && row.country.name].filter(Boolean).join(", ");
        if (where) {
          var small = document.createElement("span");
          small.className = "suggestions__where";
          small.textContent = where;
          li.appendChild(small);
        }
        // mousedown, not click: it comes before the box loses focus.
        li.addEventListener("mousedown", function (event) {
          event.preventDefault();
          pick(row);
        });
        listbox.appendChild(li);
        return li;
      });
      active = -1;
      status.textContent = rows.length
        ? input.dataset.heardCount.replace("%(count)s", rows.length)
        : input.dataset.heardNone;
      listbox.hidden = !rows.length;
      input.setAttribute("aria-expanded", rows.length ? "true" : "false");
    }

    function ask() {
      var text = input.value.trim();
      if (text.length < MIN_LENGTH) { close(); status.textContent = ""; return; }
      var ticket = ++asked;
      fetch(input.dataset.suggestUrl + "&name=" + encodeURIComponent(text), {
        headers: { Accept: "application/json" },
      })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) {
          if (ticket !== asked) return; // an answer to an older text
          show(data.results.map(function (row) {
            return { slug: row.slug, name: row.name, city: row.city, country: row.country };
          }));
        })
        .catch(close);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (listbox.hidden) return;
        event.preventDefault();
        // Past either end: back to the text (-1), then round again.
        var next = active + (event.key === "ArrowDown" ? 1 : -1);
        if (next < -1) next = options.length - 1;
        if (next >= options.length) next = -1;
        highlight(next);
      } else if (event.key === "Enter" && !listbox.hidden && active >= 0) {
        event.preventDefault();
        options[active].dispatchEvent(new MouseEvent("mousedown", { cancelable: true }));
      } else if (event.key === "Escape" && !listbox.hidden) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", close);

    form.addEventListener("submit", function () {
      if (picked && input.value.trim() === picked.name) {
        slug.name = name;
        slug.value = picked.slug;
        input.removeAttribute("name");
      }
    });
    // Back to this page from the results (the page kept in memory): the box is named again.
    window.addEventListener("pageshow", function () {
      input.name = name;
      slug.removeAttribute("name");
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest-url]"), setUp);
})();
