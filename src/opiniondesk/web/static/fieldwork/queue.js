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
    // the browser knows it is offline: keep the queue and wait for the "online" event rather
    // than trying (a request from a page the service worker controls may not fail fast)
    if (navigator.onLine === false) { show("offline", queue.length); return Promise.resolve(); }
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

  function collect(photo) {
    var report = { instance_id: uuid4() };
    ["topic", "unit_code", "mood", "concern", "spread", "heard_at", "summary", "suggested_action"].forEach(function (name) {
      report[name] = form.elements[name].value.trim();
    });
    var duty = form.elements.duty_id;
    if (duty && duty.value) { report.duty_id = Number(duty.value); }
    if (photo) { report.photo = photo; }
    return report;
  }

  // ---- the photo: read as base64; a large one is scaled down on the phone first (a canvas
  // keeps only pixels, so its metadata is gone even before the server strips it again)
  var photoInput = document.getElementById("fr-photo");
  var MAX_SIDE = 2048;

  function readAsBase64(blob) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(String(reader.result).split(",")[1] || ""); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsDataURL(blob);
    });
  }

  function shrink(file) {
    if (!window.createImageBitmap) { return Promise.resolve(file); }
    return createImageBitmap(file).then(function (bitmap) {
      var scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) {
        canvas.toBlob(function (blob) { resolve(blob || file); }, "image/jpeg", 0.85);
      });
    });
  }

  function readPhoto() {
    var file = photoInput && photoInput.files && photoInput.files[0];
    if (!file) { return Promise.resolve(null); }
    var limit = Number(photoInput.getAttribute("data-max-bytes"));
    var ready = file.size > limit ? shrink(file) : Promise.resolve(file);
    return ready.then(function (blob) {
      if (blob.size > limit) { throw new Error("too-large"); }
      return readAsBase64(blob);
    });
  }

  // Offline, the server cannot be asked: a rough check on the phone catches the commonest
  // kinds (the server still redacts everything it knows before storing).
  var OFFLINE_KINDS = [
    ["phone", /(?:\+?84|0)[\s.-]?\d{2,3}(?:[\s.-]?\d{3}){2}/],
    ["email", /[^\s@]+@[^\s@]+\.[a-z]{2,}/i],
    ["cccd", /\b\d{12}\b/]
  ];

  function localKinds(text) {
    return OFFLINE_KINDS.filter(function (k) { return k[1].test(text); }).map(function (k) { return k[0]; });
  }

  function checkPersonalData(text) {
    if (!text.trim()) { return Promise.resolve([]); }
    if (!navigator.onLine) { return Promise.resolve(localKinds(text)); }
    return post("/api/v1/field-reports/pii-check", { text: text }).then(function (r) {
      return r.ok ? r.json().then(function (j) { return j.kinds; }) : localKinds(text);
    }, function () { return localKinds(text); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!form.checkValidity()) { form.reportValidity(); return; }
    if (unitCode && !unitCode.value) {
      unitHint.textContent = unitHint.getAttribute("data-missing");
      unitSearch.focus();
      return;
    }
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
      return readPhoto().then(function (photo) {
        var queue = load();
        queue.push(collect(photo));
        try {
          save(queue);
        } catch (e) {  // the device's storage is full: keep the text, not the photo
          queue[queue.length - 1].photo = undefined;
          save(queue);
        }
        show("queued", queue.length);
        form.elements.topic.value = "";
        form.elements.summary.value = "";
        form.elements.suggested_action.value = "";
        if (photoInput) { photoInput.value = ""; }
        flush();
      }, function () {
        piiBox.textContent = photoInput.getAttribute("data-too-large");
        piiBox.hidden = false;
      });
    });
  });

  // ---- the unit picker: the units embedded in the page (kept by the service worker, so
  // it works offline), matched without diacritics as the server's `fold` does
  var unitSearch = document.getElementById("fr-unit-search");
  var unitCode = document.getElementById("fr-unit");
  var unitHint = document.getElementById("fr-unit-hint");
  var choices = document.getElementById("fr-unit-choices");
  var dataNode = document.getElementById("fr-unit-data");
  var units = [];
  try { units = JSON.parse(dataNode ? dataNode.textContent : "[]"); } catch (e) { units = []; }

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[\u0111\u0110]/g, "d").toLowerCase();
  }

  function search(query) {
    var typed = fold(query).split(/\s+/).filter(Boolean);
    if (!typed.length) { return []; }
    var found = units.filter(function (u) {
      if (u[0] === query.trim()) { return true; }
      var words = u[3].split(" ");
      return typed.every(function (part) {
        return words.some(function (w) { return w.indexOf(part) === 0; });
      });
    });
    found.sort(function (a, b) {
      return (a[0] !== query.trim()) - (b[0] !== query.trim()) || a[1].length - b[1].length;
    });
    return found.slice(0, 20);
  }

  function choose(unit) {
    unitCode.value = unit[0];
    unitSearch.value = unit[1];
    unitHint.textContent = unitHint.getAttribute("data-chosen").replace("{name}", unit[1]).replace("{code}", unit[0]);
    choices.hidden = true;
  }

  function showChoices() {
    unitCode.value = "";
    var found = search(unitSearch.value);
    choices.textContent = "";
    found.forEach(function (unit) {
      var item = document.createElement("li");
      item.setAttribute("role", "option");
      item.setAttribute("tabindex", "0");
      item.setAttribute("data-code", unit[0]);
      item.textContent = unit[1] + " \u2014 " + unit[2] + " (" + unit[0] + ")";
      item.addEventListener("click", function () { choose(unit); });
      item.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); choose(unit); } });
      choices.appendChild(item);
    });
    choices.hidden = !found.length;
    if (!found.length && unitSearch.value.trim()) { unitHint.textContent = unitHint.getAttribute("data-none"); }
  }

  if (unitSearch) {
    unitSearch.addEventListener("input", showChoices);
    unitSearch.addEventListener("keydown", function (e) {
      if (e.key === "Enter") {
        e.preventDefault();
        var first = choices.querySelector("li");
        if (first && !choices.hidden) { first.click(); }
      }
    });
  }

  window.addEventListener("online", flush);
  setInterval(flush, 20000);
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/field-reports/sw.js").catch(function () {});
  }
  var waiting = load().length;
  if (waiting) { show("queued", waiting); }
  flush();
})();
