// Runs a module's SCORM 1.2 package (Bina's own script; the runtime is the npm package
// scorm-again, loaded before it). The page gives everything as data attributes of
// #scorm-pemutar: the launch address, where reports go, and what the package last
// reported, which the runtime starts from so that the package resumes.
(function () {
  "use strict";
  var box = document.getElementById("scorm-pemutar");
  if (!box || typeof window.Scorm12API !== "function") return;
  var d = box.dataset;
  var state = {};
  try { state = JSON.parse(d.state || "{}"); } catch (e) { state = {}; }
  var status = box.querySelector(".scorm-status");
  var frame = box.querySelector("iframe");
  // One id per opening of the page: the server counts a session's time once, however many
  // times (or in whatever order) its reports arrive.
  var session = window.crypto && crypto.randomUUID
    ? crypto.randomUUID()
    : String(Date.now()) + "-" + Math.random().toString(16).slice(2);
  var learner = d.learner === "1";
  var finished = false;

  function say(ok) {
    if (!status) return;
    status.textContent = ok ? (finished ? d.finished : d.saved) : d.failed;
    status.className = "scorm-status " + (ok ? "alert alert-ok" : "alert alert-error");
  }

  var api = new window.Scorm12API({
    lmsCommitUrl: learner ? d.commit : false,
    autocommit: true,
    autocommitSeconds: 30,
    logLevel: 4,
    dataCommitFormat: "json",
    // The last report (on closing the page) goes by sendBeacon, as JSON like the others.
    terminationCommitContentType: "application/json",
    requestHandler: function (commit) {
      var cmi = commit.cmi || {};
      var core = cmi.core || {};
      return {
        program_id: Number(d.program),
        module_id: Number(d.module),
        sesi: session,
        laporan: {
          status: core.lesson_status || "",
          score: (core.score && core.score.raw) || "",
          session_time: core.session_time || "",
          location: core.lesson_location || "",
          suspend_data: cmi.suspend_data || ""
        }
      };
    },
    xhrResponseHandler: function (xhr) {
      var ok = xhr.status >= 200 && xhr.status < 300;
      say(ok);
      return { result: ok, errorCode: ok ? 0 : 101 };
    }
  });
  // The last report goes by sendBeacon when the package finishes (no answer to read).
  api.on("LMSFinish", function () { finished = true; if (learner) say(true); });
  var core = {
    student_id: state.student_id || "",
    student_name: state.student_name || "",
    lesson_location: state.location || "",
    entry: state.suspend_data ? "resume" : "ab-initio"
  };
  if (state.status && state.status !== "not attempted") core.lesson_status = state.status;
  if (state.score) core.score = { raw: state.score };
  var start = { core: core };
  if (state.suspend_data) start.suspend_data = state.suspend_data;
  api.loadFromJSON(start);
  window.API = api;
  frame.src = d.launch;
})();
