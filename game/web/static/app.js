/* Roam Freely: the class pages follow the class live (server-sent events).
   Everything works without this script; it only saves a reload. No inline script, no eval. */
(function () {
  "use strict";
  var body = document.body;
  if (!window.EventSource) { return; }

  // The teacher's page: the server sends the live panel, already rendered and escaped.
  var live = body.getAttribute("data-live");
  if (live) {
    var panel = document.getElementById("live");
    var teacher = new EventSource(live);
    teacher.addEventListener("live", function (e) {
      if (panel.contains(document.activeElement) && document.activeElement.tagName === "BUTTON") {
        var keep = document.activeElement.form && document.activeElement.form.elements.act;
        keep = keep ? keep.value : null;
      }
      panel.innerHTML = e.data;
      if (keep) {
        var again = panel.querySelector('input[name="act"][value="' + keep + '"]');
        if (again && again.form) { var b = again.form.querySelector("button"); if (b) { b.focus(); } }
      }
    });
    teacher.addEventListener("gone", function () { teacher.close(); window.location.href = "/"; });
    return;
  }

  // A student's pages: a vote opening shows the bar; the reveal reloads into transparent mode.
  if (body.getAttribute("data-class") === "1") {
    var student = new EventSource("/class/events");
    var bar = document.getElementById("votebar");
    var onClassPage = body.classList.contains("classpage");
    var lastVote = null;
    student.addEventListener("class", function (e) {
      var state = JSON.parse(e.data);
      if (state.gone) { student.close(); return; }
      var reveal = state.reveal ? "1" : "0";
      if (reveal !== body.getAttribute("data-reveal")) { window.location.reload(); return; }
      if (onClassPage && lastVote !== null && state.vote !== lastVote) { window.location.reload(); return; }
      lastVote = state.vote;
      if (bar) { bar.hidden = !state.vote; }
    });
  }
})();
