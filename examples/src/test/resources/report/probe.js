// Injected at the top of a copy of a report by ReportInBrowserTest: records every error (script
// errors, failed resource loads, console.error and warn) and, after the load event, what the
// browser drew, as JSON in a pre element (id browser-check) read from chromium's --dump-dom.
(function () {
  var errors = [];
  window.addEventListener('error', function (e) {
    var t = e.target && e.target !== window ? ' (' + (e.target.src || e.target.href || e.target.tagName) + ')' : '';
    errors.push('error: ' + (e.message || 'resource failed') + t);
  }, true);
  window.addEventListener('unhandledrejection', function (e) { errors.push('unhandled rejection: ' + e.reason); });
  var ce = console.error, cw = console.warn;
  console.error = function () { errors.push('console.error: ' + Array.prototype.join.call(arguments, ' ')); ce.apply(console, arguments); };
  console.warn = function () { errors.push('console.warn: ' + Array.prototype.join.call(arguments, ' ')); cw.apply(console, arguments); };
  window.addEventListener('load', function () {
    var start = performance.now();
    var r = { errors: errors, charts: [], resources: [] };
    performance.getEntriesByType('resource').forEach(function (e) { r.resources.push(e.name); });
    r.markersScript = document.documentElement.getAttribute('data-markers');
    r.verdict = (document.querySelector('section.verdict') || {}).textContent || '';
    document.querySelectorAll('section.chart').forEach(function (s) {
      var svg = s.querySelector('svg.chart');
      var c = { title: s.querySelector('h2').textContent, series: [], markers: {}, thresholds: 0, outages: 0, panels: [], legendOverflow: [], actions: [], actionLabels: [], actionWidth: 0, bars: [] };
      if (svg) {
        var box = svg.getBoundingClientRect();
        svg.querySelectorAll('path.series').forEach(function (p) {
          c.series.push({ name: p.getAttribute('data-series'), length: p.getTotalLength(), width: p.getBBox().width });
        });
        svg.querySelectorAll('a.marker').forEach(function (m) {
          var kind = m.getAttribute('class').split(' ')[1];
          c.markers[kind] = (c.markers[kind] || 0) + 1;
        });
        c.thresholds = svg.querySelectorAll('line.threshold').length;
        svg.querySelectorAll('rect.experiment-action').forEach(function (a) {
          c.actions.push(a.getAttribute('data-action'));
          c.actionWidth += a.getBBox().width;
        });
        svg.querySelectorAll('text.action-label').forEach(function (t) { c.actionLabels.push(t.textContent); });
        c.outages = svg.querySelectorAll('rect.outage').length;
        s.querySelectorAll('ul.legend li').forEach(function (li) {
          var b = li.getBoundingClientRect();
          if (b.right > box.right + 1 || b.width === 0) c.legendOverflow.push(li.textContent);
        });
        svg.querySelectorAll('text.threshold-label').forEach(function (t) {
          var b = t.getBoundingClientRect();
          if (b.left < box.left - 1 || b.right > box.right + 1) c.legendOverflow.push('threshold label ' + t.textContent);
        });
      }
      s.querySelectorAll('svg.bars').forEach(function (b) {
        var box = b.getBoundingClientRect(), drawn = 0, overflow = [];
        b.querySelectorAll('rect').forEach(function (q) { if (q.getBBox().width > 0) drawn++; });
        b.querySelectorAll('text').forEach(function (t) {
          var tb = t.getBoundingClientRect();
          if (tb.left < box.left - 1 || tb.right > box.right + 1) overflow.push(t.textContent);
        });
        c.bars.push({ measure: b.getAttribute('data-measure'), drawn: drawn, overflow: overflow, top: box.top });
      });
      s.querySelectorAll('svg.panel').forEach(function (p) {
        var lens = [];
        p.querySelectorAll('path.series').forEach(function (q) { lens.push(q.getTotalLength()); });
        c.panels.push({ zone: p.getAttribute('data-zone'), series: lens, outages: p.querySelectorAll('rect.outage').length });
      });
      r.charts.push(c);
    });
    var m = document.querySelector('a.marker');
    var tip = document.getElementById('tip');
    if (m && tip) {
      window.focus(); // headless under load may not have given the page focus yet
      m.focus();
      r.focused = document.activeElement === m;
      r.tipOnFocus = tip.hidden ? '' : tip.textContent;
      m.blur();
      r.tipHiddenOnBlur = tip.hidden;
      m.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      r.tipOnHover = tip.hidden ? '' : tip.textContent;
      m.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
      r.markerHref = m.getAttribute('href');
      r.markerTargetExists = !!document.getElementById(r.markerHref.substring(1));
    }
    var nav = performance.getEntriesByType('navigation')[0];
    r.domContentLoadedMs = nav ? nav.domContentLoadedEventEnd : -1;
    r.loadEventStartMs = nav ? nav.loadEventStart : -1;
    document.body.offsetHeight; // forces layout
    r.probeMs = performance.now() - start;
    r.readyMs = performance.now();
    var pre = document.createElement('pre');
    pre.id = 'browser-check';
    pre.textContent = JSON.stringify(r);
    document.body.appendChild(pre);
  });
})();
