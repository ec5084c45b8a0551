/*
 * Newsdesk trending widget. Put an element where the list goes and load this script once:
 *   <div data-newsdesk-trending data-scope="all" data-window="now" data-count="5"></div>
 *   <script src="https://newsdesk.example/widget.js" async></script>
 * The list is an accessible <ol> (category, relative age, title link) fetched as an HTML fragment from the
 * server that served this script. Style it with CSS custom properties on any ancestor: --newsdesk-accent,
 * --newsdesk-text, --newsdesk-muted, --newsdesk-link, --newsdesk-rule, --newsdesk-gap, --newsdesk-font,
 * --newsdesk-meta-size, --newsdesk-title-weight. Options: data-scope (all, label:Crime, category:sport),
 * data-window (now, today, week), data-count (1-50), data-refresh (seconds between refreshes while visible).
 * NewsdeskTrending.refresh([element]) reloads one or all lists.
 */
(function (w, d) {
  'use strict';
  var script = d.currentScript;
  var base = script && script.src ? script.src : d.baseURI;
  var CSS =
    '.newsdesk-trending{list-style:none;margin:0;padding:0;font:var(--newsdesk-font,inherit);color:var(--newsdesk-text,inherit)}' +
    '.newsdesk-item{padding:var(--newsdesk-gap,.65rem) 0;border-top:1px solid var(--newsdesk-rule,#e2e4e8)}' +
    '.newsdesk-item:first-child{border-top:0;padding-top:0}' +
    '.newsdesk-meta{display:block;margin-bottom:.2em;font-size:var(--newsdesk-meta-size,.78em);color:var(--newsdesk-muted,#686d76);letter-spacing:.02em}' +
    '.newsdesk-category{color:var(--newsdesk-accent,#b3261e);font-weight:700;text-transform:uppercase}' +
    '.newsdesk-title{color:var(--newsdesk-link,inherit);font-weight:var(--newsdesk-title-weight,600);line-height:1.3;text-decoration:none}' +
    '.newsdesk-title:hover,.newsdesk-title:focus-visible{text-decoration:underline}' +
    '.newsdesk-empty{margin:0;color:var(--newsdesk-muted,#686d76)}';

  function addStyle() {
    if (d.getElementById('newsdesk-widget-style')) return;
    var s = d.createElement('style');
    s.id = 'newsdesk-widget-style';
    s.textContent = CSS;
    (d.head || d.documentElement).appendChild(s);
  }

  function render(el, fresh) {
    var o = el.dataset;
    var url = new URL('/widget/trending', base);
    url.searchParams.set('scope', o.scope || 'all');
    url.searchParams.set('window', o.window || 'now');
    url.searchParams.set('limit', o.count || '5');
    el.setAttribute('aria-busy', 'true');
    return fetch(url.href, { credentials: 'omit', cache: fresh ? 'no-cache' : 'default' })
      .then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.text();
      })
      .then(function (html) {
        // the fragment is built and escaped by the Newsdesk server that served this script
        el.innerHTML = html;
        o.newsdeskState = 'ready';
      })
      .catch(function () {
        o.newsdeskState = 'error';
      })
      .then(function () {
        el.removeAttribute('aria-busy');
      });
  }

  function each(fresh) {
    var els = d.querySelectorAll('[data-newsdesk-trending]');
    return Promise.all(Array.prototype.map.call(els, function (el) {
      return render(el, fresh);
    }));
  }

  function start() {
    addStyle();
    each(false);
    Array.prototype.forEach.call(d.querySelectorAll('[data-newsdesk-trending][data-refresh]'), function (el) {
      var every = Math.max(10, parseFloat(el.dataset.refresh) || 0) * 1000;
      setInterval(function () {
        if (d.visibilityState === 'visible') render(el, true);
      }, every);
    });
  }

  w.NewsdeskTrending = {
    refresh: function (el) {
      return el ? render(el, true) : each(true);
    }
  };
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', start);
  else start();
})(window, document);
