// The playground: sends the pasted article to POST /api/v1/classify?explain=true and shows label, probability
// bars and the evidence terms marked in the text. Pasted HTML is never rendered: only its text is shown.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var KEY = 'newsdesk.playground.key';
  var EXAMPLE = {
    title: 'Police arrest three over Ikeja warehouse robbery',
    text: 'Police in Lagos have arrested three men suspected of robbing a warehouse in Ikeja on Sunday night.\n\n' +
      'A police spokesman said the suspects tied up a security guard, loaded bags of rice and cartons of ' +
      'cooking oil into a van and fled before dawn. Detectives traced the van through a roadside camera.\n\n' +
      'The suspects will be charged in court once investigations are complete, the spokesman said.'
  };

  try { $('key').value = sessionStorage.getItem(KEY) || ''; } catch (e) {}

  $('example').addEventListener('click', function () {
    $('title').value = EXAMPLE.title;
    $('text').value = EXAMPLE.text;
    $('format').value = 'text';
  });

  $('classify').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var raw = $('text').value, title = $('title').value.trim(), key = $('key').value.trim();
    var asHtml = $('format').value === 'html' || ($('format').value === 'auto' && /<[a-z!][\s\S]*>/i.test(raw));
    var body = asHtml ? { html: raw } : { text: raw };
    if (title) body.title = title;
    try { sessionStorage.setItem(KEY, key); } catch (e) {}
    $('submit').disabled = true;
    $('error').hidden = true;
    fetch('/api/v1/classify?explain=true', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + key },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) throw new Error(json.detail || json.title || ('HTTP ' + r.status));
        var shown = asHtml ? textOfHtml(raw) : { title: title, text: raw };
        show(json, title || shown.title, shown.text);
      });
    }).catch(function (e) {
      $('result').hidden = true;
      $('error').textContent = 'Could not classify: ' + e.message;
      $('error').hidden = false;
    }).then(function () {
      $('submit').disabled = false;
    });
  });

  // the readable text of a pasted page, for display only: parsed inert, scripts and styles dropped
  function textOfHtml(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    doc.querySelectorAll('script,style,noscript,template,nav,header,footer,aside').forEach(function (n) { n.remove(); });
    var h1 = doc.querySelector('h1');
    var title = (h1 && h1.textContent.trim()) || doc.title || '';
    if (h1) h1.remove();
    var blocks = doc.querySelectorAll('p,li,blockquote,h2,h3,h4,pre');
    var text = blocks.length
      ? Array.prototype.map.call(blocks, function (b) { return b.textContent.trim(); }).filter(Boolean).join('\n\n')
      : (doc.body ? doc.body.textContent.trim() : '');
    return { title: title, text: text };
  }

  function percent(p) {
    return (Math.round(p * 1000) / 10) + '%';
  }

  function show(p, title, text) {
    $('label').textContent = p.label;
    $('label').dataset.label = p.label;
    $('confidence').textContent = percent(p.confidence) + ' sure';
    $('review').hidden = !p.needsReview;
    var bars = $('bars');
    bars.textContent = '';
    Object.keys(p.probabilities).forEach(function (label) {
      var v = p.probabilities[label];
      var row = el('div', 'bar');
      row.dataset.label = label;
      row.setAttribute('role', 'meter');
      row.setAttribute('aria-label', label);
      row.setAttribute('aria-valuemin', '0');
      row.setAttribute('aria-valuemax', '100');
      row.setAttribute('aria-valuenow', String(Math.round(v * 100)));
      row.appendChild(el('span', 'bar-name', label));
      var track = row.appendChild(el('span', 'bar-track'));
      track.appendChild(el('span', 'bar-fill')).style.width = (v * 100).toFixed(1) + '%';
      row.appendChild(el('span', 'bar-value', percent(v)));
      bars.appendChild(row);
    });
    var terms = $('terms');
    terms.textContent = '';
    (p.evidence || []).forEach(function (e) {
      var li = terms.appendChild(el('li', null, e.term));
      li.appendChild(el('small', null, '+' + e.weight.toFixed(3)));
    });
    var words = [], titleWords = [];
    (p.evidence || []).forEach(function (e) {
      if (e.term.indexOf('cue:') === 0) return;
      if (e.term.indexOf('title:') === 0) titleWords.push(e.term.slice(6));
      else words.push(e.term);
    });
    var box = $('highlighted');
    box.textContent = '';
    if (title) mark(box.appendChild(el('h3')), title, titleWords);
    mark(box.appendChild(el('div')), text, words);
    $('model').textContent = 'Model ' + p.modelVersion;
    $('result').hidden = false;
  }

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text != null) n.textContent = text;
    return n;
  }

  // appends text to parent with every whole-word match of terms wrapped in <mark>, longest terms first
  function mark(parent, text, terms) {
    var alts = terms.filter(Boolean)
      .sort(function (a, b) { return b.length - a.length; })
      .map(function (t) { return t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'); });
    if (!alts.length) {
      parent.textContent = text;
      return;
    }
    var re = new RegExp('(?<![\\p{L}\\p{N}])(?:' + alts.join('|') + ')(?![\\p{L}\\p{N}])', 'giu');
    var at = 0, m;
    while ((m = re.exec(text)) !== null) {
      parent.appendChild(document.createTextNode(text.slice(at, m.index)));
      var hit = parent.appendChild(el('mark', 'evidence', m[0]));
      hit.title = 'evidence for the label';
      at = m.index + m[0].length;
    }
    parent.appendChild(document.createTextNode(text.slice(at)));
  }
})();
