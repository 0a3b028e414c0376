/* « Mes premiers jours »: a checkbox per step and a progress line.
 *
 * Socle's own code, no dependency. Without JavaScript the page is a plain ordered
 * list of links; this script only adds the checkboxes. What the reader ticks stays
 * in this browser (localStorage, one key per référentiel): no cookie, no request.
 * If storage is unavailable (private browsing, blocked), ticking still works until
 * the page is left.
 */
(function () {
  "use strict";

  function storageKey(list) {
    return "socle.premiers-jours." + list.getAttribute("data-socle-premiers-jours");
  }

  function load(key) {
    try {
      var saved = JSON.parse(window.localStorage.getItem(key) || "[]");
      return Array.isArray(saved) ? saved : [];
    } catch (error) {
      return [];
    }
  }

  function save(key, done) {
    try {
      if (done.length) {
        window.localStorage.setItem(key, JSON.stringify(done));
      } else {
        window.localStorage.removeItem(key);
      }
    } catch (error) {
      /* storage refused: the ticks last as long as the page */
    }
  }

  function setup(list) {
    if (list.hasAttribute("data-socle-pret")) return;
    list.setAttribute("data-socle-pret", "");
    var key = storageKey(list);
    var done = load(key);
    var steps = Array.prototype.slice.call(list.querySelectorAll("li[data-etape]"));

    var status = document.createElement("p");
    status.className = "socle-progression";
    status.setAttribute("role", "status");
    var bar = document.createElement("progress");
    bar.max = steps.length;
    bar.setAttribute("aria-hidden", "true");
    var text = document.createElement("span");
    status.appendChild(bar);
    status.appendChild(text);
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "md-button socle-progression__effacer";
    reset.textContent = "Tout décocher";
    list.parentNode.insertBefore(status, list);
    list.parentNode.insertBefore(reset, list.nextSibling);

    function refresh() {
      var count = steps.filter(function (step) {
        return done.indexOf(step.getAttribute("data-etape")) !== -1;
      }).length;
      bar.value = count;
      text.textContent = count + (count > 1 ? " étapes lues" : " étape lue") + " sur " + steps.length;
      reset.hidden = count === 0;
    }

    steps.forEach(function (step) {
      var id = step.getAttribute("data-etape");
      var title = step.querySelector("a");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.className = "socle-etape__case";
      box.id = "case-" + id;
      box.checked = done.indexOf(id) !== -1;
      box.setAttribute("aria-label", "Lu : " + (title ? title.textContent : id));
      box.addEventListener("change", function () {
        done = done.filter(function (other) { return other !== id; });
        if (box.checked) done.push(id);
        save(key, done);
        step.classList.toggle("socle-etape--lue", box.checked);
        refresh();
      });
      step.classList.toggle("socle-etape--lue", box.checked);
      step.insertBefore(box, step.firstChild);
    });

    reset.addEventListener("click", function () {
      done = [];
      save(key, done);
      steps.forEach(function (step) {
        step.querySelector("input.socle-etape__case").checked = false;
        step.classList.remove("socle-etape--lue");
      });
      refresh();
      var first = list.querySelector("input.socle-etape__case");
      if (first) first.focus();
    });
    refresh();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-socle-premiers-jours]"), setup);
  }

  // Material's instant navigation announces each new page on document$; otherwise, once.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
