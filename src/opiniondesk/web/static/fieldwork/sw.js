// Service worker of the field report form: keeps the form page and its assets so that the form
// opens without a connection. Reports themselves are queued by queue.js, never by this worker.
"use strict";
var CACHE = "opiniondesk-fieldwork-v1";
var FORM = "/field-reports/new";
var ASSETS = [FORM, "/static/fieldwork/queue.js", "/static/app.css", "/static/favicon.svg"];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(ASSETS); }));
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || ASSETS.indexOf(url.pathname) < 0) { return; }
  // network first, so a signed-in page with a fresh token wins; the copy when offline
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok && !response.redirected) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(url.pathname, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(url.pathname).then(function (hit) { return hit || Response.error(); });
  }));
});
