// Field report form: every report is given an instance id on the device and put in a queue in
// localStorage before anything is sent, so a report typed without a connection is never lost.
// The queue is sent when the page loads, when the connection returns and after each new report;
// the server treats a replayed instance id as the same report, so sending twice is harmless.
(function () {
  "use strict";
  var QUEUE_KEY = "opiniondesk.fieldReports.queue";
  var form = document.getElementById("field-report");
  if (!form) { return; }
  var statusBox = document.getElementById("fr-status");
  var piiBox = document.getElementById("fr-pii");
  var csrf = form.getAttribute("data-csrf");
  var sending = false;
  var piiConfirmed = "";

  function uuid4() {
    // crypto.randomUUID needs a secure context; getRandomValues works on plain http too
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function load() {
    try { return JSON.parse(localStorage.getItem(QUEUE_KEY) || "[]"); } catch (e) { return []; }
  }
  function save(queue) { localStorage.setItem(QUEUE_KEY, JSON.stringify(queue)); }

  function show(key, n) {
    var text = statusBox.getAttribute("data-" + key) || "";
    statusBox.textContent = text.replace("{n}", String(n));
    statusBox.setAttribute("data-state", key);
  }

  function post(path, body) {
    return fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body)
    });
  }

  function flush() {
    if (sending) { return Promise.resolve(); }
    var queue = load();
    if (!queue.length) { return Promise.resolve(); }
    sending = true;
    var report = queue[0];
    return post(form.getAttribute("action"), report).then(function (response) {
      var rest = load().filter(function (r) { return r.instance_id !== report.instance_id; });
      if (response.ok) {
        save(rest);
        show("sent", rest.length);
      } else if (response.status === 409 || response.status === 422) {
        save(rest);  // the server will never take this one: keeping it would block the queue
        show("refused", rest.length);
      } else {
        show("queued", queue.length);
        return false;
      }
      return true;
    }, function () {
      show("offline", queue.length);
      return false;
    }).then(function (more) {
      sending = false;
      if (more) { return flush(); }
    });
  }

  function collect() {
    var report = { instance_id: uuid4() };
    ["topic", "unit_code", "mood", "concern", "spread", "heard_at", "summary", "suggested_action"].forEach(function (name) {
      report[name] = form.elements[name].value.trim();
    });
    return report;
  }

  function checkPersonalData(text) {
    if (!navigator.onLine || !text) { return Promise.resolve([]); }
    return post("/api/v1/field-reports/pii-check", { text: text }).then(function (r) {
      return r.ok ? r.json().then(function (j) { return j.kinds; }) : [];
    }, function () { return []; });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!form.checkValidity()) { form.reportValidity(); return; }
    var text = form.elements.summary.value + "\n" + form.elements.suggested_action.value;
    checkPersonalData(text).then(function (kinds) {
      // warn once; a second press sends anyway (the server redacts before storing)
      if (kinds.length && piiConfirmed !== text) {
        piiConfirmed = text;
        piiBox.textContent = piiBox.getAttribute("data-warning").replace("{kinds}", kinds.join(", "));
        piiBox.hidden = false;
        return;
      }
      piiBox.hidden = true;
      piiConfirmed = "";
      var queue = load();
      queue.push(collect());
      save(queue);
      show("queued", queue.length);
      form.elements.topic.value = "";
      form.elements.summary.value = "";
      form.elements.suggested_action.value = "";
      flush();
    });
  });

  window.addEventListener("online", flush);
  setInterval(flush, 20000);
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/field-reports/sw.js").catch(function () {});
  }
  var waiting = load().length;
  if (waiting) { show("queued", waiting); }
  flush();
})();
