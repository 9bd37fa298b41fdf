// Small enhancements; every page works without them.
(function () {
  "use strict";

  var EXIT_PRESSES = 3;
  var EXIT_WINDOW_MS = 2000;

  function exitUrl() {
    var link = document.querySelector("[data-exit]");
    return link ? link.getAttribute("href") : "/exit/";
  }

  // Leave quickly: replace this page in the history, so that Back does not return to it.
  function leave() {
    window.location.replace(exitUrl());
  }

  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var now = Date.now();
    presses = presses.filter(function (time) {
      return now - time < EXIT_WINDOW_MS;
    });
    presses.push(now);
    if (presses.length >= EXIT_PRESSES) {
      leave();
    }
  });

  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-exit], [data-print], [data-next-person]");
    if (!target) {
      return;
    }
    event.preventDefault();
    if (target.hasAttribute("data-exit")) {
      leave();
    } else if (target.hasAttribute("data-next-person")) {
      // An empty page in place of this one: Back cannot return to the answers.
      window.location.replace(target.getAttribute("href"));
    } else {
      window.print();
    }
  });

  // "I don't know" disables the date's boxes or the time it stands for (their ids, separated by
  // spaces), so only one answer is sent.
  function syncUnknown(box) {
    box.getAttribute("data-unknown-for").split(" ").forEach(function (id) {
      var input = document.getElementById(id);
      if (input) {
        input.disabled = box.checked;
      }
    });
  }

  document.addEventListener("change", function (event) {
    if (event.target.matches("[data-unknown-for]")) {
      syncUnknown(event.target);
    }
  });

  function enhance(root) {
    root.querySelectorAll("[data-unknown-for]").forEach(syncUnknown);
    root.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
    });
    // The help desk's questions come as the answers ask for them: no button needed for that.
    root.querySelectorAll("[data-without-javascript]").forEach(function (button) {
      button.hidden = true;
    });
  }

  // After htmx swaps in the next question: move focus to it and announce it.
  function focusNewContent(region) {
    var target = region.querySelector("[data-focus-after-swap]");
    if (!target) {
      return;
    }
    target.focus();
    var announcer = document.getElementById("announcer");
    if (announcer) {
      announcer.textContent = "";
      window.setTimeout(function () {
        announcer.textContent = target.textContent.trim();
      }, 100);
    }
  }

  document.addEventListener("htmx:afterSettle", function (event) {
    var region = event.detail.target;
    if (region && region.id === "questionnaire") {
      enhance(region);
      focusNewContent(region);
    }
    // The help desk: the result (or the errors, swapped in beside it) after "Show the result".
    if (region && region.id === "desk-outcome") {
      var desk = document.getElementById("desk");
      enhance(desk);
      focusNewContent(desk);
    }
  });

  // The language menu leads to the page shown. When htmx puts a new address in the bar, each link
  // takes it, after its language's own prefix (data-prefix): without JavaScript, every page comes
  // with its own links.
  function followAddress() {
    var current = document.querySelector("#language-switch a[aria-current]");
    if (!current) {
      return;
    }
    var rest = window.location.pathname.slice(current.getAttribute("data-prefix").length) || "/";
    document.querySelectorAll("#language-switch a[data-prefix]").forEach(function (link) {
      link.setAttribute("href", link.getAttribute("data-prefix") + rest);
    });
  }

  document.addEventListener("htmx:pushedIntoHistory", followAddress);
  document.addEventListener("htmx:replacedInHistory", followAddress);

  // The help desk: its questions are swapped in when the answers call for others. What was typed
  // or ticked while that answer was on its way is carried over, not lost.
  function fieldStates(root) {
    var states = {};
    root.querySelectorAll("input[id], select[id]").forEach(function (field) {
      var checkable = field.type === "radio" || field.type === "checkbox";
      states[field.id] = checkable ? field.checked : field.value;
    });
    return states;
  }

  var sentStates = null;
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (event.detail.elt.id === "desk-form") {
      sentStates = fieldStates(event.detail.elt);
    }
  });

  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    if (event.detail.target.id !== "desk-questions" || !sentStates) {
      return;
    }
    var now = fieldStates(event.detail.target);
    Object.keys(now).forEach(function (id) {
      var field = event.detail.fragment.querySelector("#" + CSS.escape(id));
      if (!field || now[id] === sentStates[id]) {
        return;
      }
      if (field.type === "radio" || field.type === "checkbox") {
        field.checked = now[id];
      } else {
        field.value = now[id];
      }
    });
  });

  // A page restored from the back-forward cache may show answers cleared since: ask again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      window.location.reload();
    }
  });

  // The sheet in French and English opens the print dialog once laid out (a plain page without
  // JavaScript: the person prints it with the browser's own command).
  window.addEventListener("load", function () {
    if (document.querySelector("[data-print-on-load]")) {
      window.print();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    enhance(document);
    var summary = document.querySelector(".error-summary");
    if (summary) {
      summary.focus();
    }
  });
})();
