/*
 * Newsdesk view beacon. On an article page:
 *   <script src="https://newsdesk.example/beacon.js" data-article="ARTICLE-ID" async></script>
 * Sends a "view" once the page has been visible for data-view-after seconds (default 5), and a "read" with the
 * engaged seconds when the page is hidden or left after at least data-read-after engaged seconds (default 15).
 * Engaged means visible and touched (scroll, key, pointer) within the last 10 seconds. Events go to
 * POST /api/v1/events (or data-endpoint) through navigator.sendBeacon as a text/plain JSON body.
 * Nothing is sent for a prerendered page until it is shown, nor ever when the reader asks not to be tracked
 * (Do Not Track, Global Privacy Control). The only identity is a random id kept in this site's localStorage;
 * nothing about the browser or device is read.
 */
(function (w, d, n) {
  'use strict';
  var s = d.currentScript;
  if (!s || !s.dataset.article) return;
  if (n.doNotTrack === '1' || w.doNotTrack === '1' || n.globalPrivacyControl === true) return;

  var o = s.dataset;
  var endpoint = new URL(o.endpoint || '/api/v1/events', s.src || d.baseURI).href;
  var viewAfter = seconds(o.viewAfter, 5) * 1000;
  var readAfter = seconds(o.readAfter, 15) * 1000;
  var IDLE = 10000;
  var visitor = visitorId();
  var timer = 0, last = 0, visibleMs = 0, engagedMs = 0, activeAt = 0, viewed = false, read = false;

  function seconds(v, fallback) {
    var x = parseFloat(v);
    return x >= 0 ? x : fallback;
  }

  function visitorId() {
    try {
      var key = 'newsdesk.visitor', id = w.localStorage.getItem(key);
      if (!id) {
        id = w.crypto.randomUUID ? w.crypto.randomUUID() : randomHex();
        w.localStorage.setItem(key, id);
      }
      return id;
    } catch (e) {
      return null; // storage blocked: the server falls back to its own short-lived, salted dedupe
    }
  }

  function randomHex() {
    var b = w.crypto.getRandomValues(new Uint8Array(16)), h = '';
    for (var i = 0; i < b.length; i++) h += (b[i] + 256).toString(16).slice(1);
    return h;
  }

  function send(type, secs) {
    var event = { articleId: o.article, type: type };
    if (secs) event.seconds = secs;
    if (visitor) event.visitorId = visitor;
    var body = JSON.stringify(event);
    var queued = false;
    try {
      queued = n.sendBeacon && n.sendBeacon(endpoint, body);
    } catch (e) {}
    if (!queued && w.fetch) {
      fetch(endpoint, { method: 'POST', body: body, keepalive: true, credentials: 'omit',
        headers: { 'Content-Type': 'text/plain' } }).catch(function () {});
    }
    w.dispatchEvent(new CustomEvent('newsdesk:beacon', { detail: event }));
  }

  function now() {
    return w.performance.now();
  }

  function tick() {
    var t = now();
    visibleMs += t - last;
    if (t - activeAt < IDLE) engagedMs += t - last;
    last = t;
    if (!viewed && visibleMs >= viewAfter) {
      viewed = true;
      send('view', 0);
    }
  }

  function resume() {
    if (timer || d.visibilityState !== 'visible') return;
    last = activeAt = now(); // coming into view counts as attention
    timer = setInterval(tick, Math.min(250, Math.max(50, viewAfter / 4)));
  }

  function pause() {
    if (!timer) return;
    tick();
    clearInterval(timer);
    timer = 0;
    if (!read && engagedMs >= readAfter) {
      read = true;
      send('read', Math.round(engagedMs / 1000));
    }
  }

  function active() {
    activeAt = now();
  }

  function start() {
    d.addEventListener('visibilitychange', function () {
      if (d.visibilityState === 'visible') resume();
      else pause();
    });
    w.addEventListener('pagehide', pause);
    w.addEventListener('pageshow', resume);
    ['scroll', 'keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'].forEach(function (type) {
      w.addEventListener(type, active, { passive: true, capture: true });
    });
    resume();
  }

  // a prerendered page has not been seen yet: start counting when (and if) the reader is shown it (it is also
  // hidden until then, which alone would keep the timers still; this does not rely on that)
  if (d.prerendering) d.addEventListener('prerenderingchange', start, { once: true });
  else start();
})(window, document, navigator);
