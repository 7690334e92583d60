// The SCO of Bina's sample package. It speaks SCORM 1.2's API (LMSInitialize, LMSSetValue,
// LMSCommit, LMSFinish) through the API object the LMS puts in a window around it.
(function () {
  "use strict";
  function findApi(win) {
    for (var depth = 0; win && depth < 10; depth++) {
      if (win.API) return win.API;
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  var api = findApi(window);
  var started = Date.now();
  function timespan(ms) {
    var s = Math.floor(ms / 1000);
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return pad(Math.floor(s / 3600)) + ":" + pad(Math.floor(s / 60) % 60) + ":" + pad(s % 60);
  }
  if (api) {
    api.LMSInitialize("");
    if (api.LMSGetValue("cmi.core.lesson_status") === "not attempted") {
      api.LMSSetValue("cmi.core.lesson_status", "incomplete");
    }
    api.LMSCommit("");
  }
  var form = document.getElementById("latihan");
  var result = document.getElementById("hasil");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var q1 = form.querySelector("input[name=q1]:checked");
    var q2 = form.querySelector("input[name=q2]:checked");
    var right = (q1 && q1.value === "b" ? 1 : 0) + (q2 && q2.value === "benar" ? 1 : 0);
    var score = right * 50;
    var passed = right === 2;
    result.textContent = passed
      ? "Benar semua. Skor " + score + ": modul selesai."
      : "Skor " + score + ". Baca lagi pertanyaannya dan coba sekali lagi.";
    if (!api) return;
    api.LMSSetValue("cmi.core.score.raw", String(score));
    api.LMSSetValue("cmi.core.lesson_status", passed ? "passed" : "failed");
    api.LMSSetValue("cmi.core.session_time", timespan(Date.now() - started));
    // Committed first, so the result is stored before the lesson ends.
    api.LMSCommit("");
    if (passed) api.LMSFinish("");
  });
})();
