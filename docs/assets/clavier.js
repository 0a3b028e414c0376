// Socle: keyboard access to Material's header on narrow screens (RGAA 7.3, 10.7, 12.13).
(function () {
  // Material opens the navigation drawer and the search with <label> elements, which the
  // keyboard cannot reach and screen readers do not announce as buttons. Give them a
  // button's role, name, state and keys (Enter, Space).
  var names = { __drawer: "Menu de navigation", __search: "Rechercher" };
  document.querySelectorAll(".md-header label.md-header__button[for]").forEach(function (label) {
    var toggle = document.getElementById(label.htmlFor);
    if (!toggle || !(label.htmlFor in names)) return;
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    label.setAttribute("aria-label", names[label.htmlFor]);
    label.setAttribute("aria-expanded", String(toggle.checked));
    toggle.addEventListener("change", function () {
      label.setAttribute("aria-expanded", String(toggle.checked));
    });
    label.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      // Material's own document-level Enter handler would toggle it a second time.
      event.preventDefault();
      event.stopPropagation();
      label.click();
    });
  });

  // Below 960 px Material shrinks the closed search to nothing but leaves its field in
  // the Tab order, so focus disappears (socle.css hides the empty results the same way).
  // Take it out while the search is closed; the button above and the "/" shortcut still
  // open it (programmatic focus is unaffected by tabindex="-1").
  var search = document.getElementById("__search");
  var inner = document.querySelector(".md-search__form");
  if (!search || !inner) return;
  var narrow = window.matchMedia("(max-width: 59.984375em)");
  function syncSearchTabOrder() {
    var hidden = narrow.matches && !search.checked;
    inner.querySelectorAll("input, button, a[href], [tabindex]").forEach(function (element) {
      if (hidden) {
        if (!element.hasAttribute("data-socle-tabindex")) {
          element.setAttribute("data-socle-tabindex", element.getAttribute("tabindex") || "");
        }
        element.setAttribute("tabindex", "-1");
      } else if (element.hasAttribute("data-socle-tabindex")) {
        var original = element.getAttribute("data-socle-tabindex");
        if (original) element.setAttribute("tabindex", original);
        else element.removeAttribute("tabindex");
        element.removeAttribute("data-socle-tabindex");
      }
    });
  }
  search.addEventListener("change", syncSearchTabOrder);
  narrow.addEventListener("change", syncSearchTabOrder);
  syncSearchTabOrder();
})();
