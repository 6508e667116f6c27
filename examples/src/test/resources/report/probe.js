// Evaluated before a report's own scripts by BrowserCheck (over the DevTools protocol): records
// every error (script errors, failed resource loads, console.error and warn) and, after the load
// event, what the browser drew and how the markers answer keyboard focus and hover. The result is
// the promise window.__browserCheck; each interactive check waits for its condition (polled, with
// a deadline that records what was seen instead), never for a fixed time.
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
  // resolves when cond() holds, or after ms with false: the caller records what it saw
  function until(cond, ms) {
    return new Promise(function (resolve) {
      var t0 = performance.now();
      (function poll() {
        if (cond()) resolve(true);
        else if (performance.now() - t0 > ms) resolve(false);
        else setTimeout(poll, 5);
      })();
    });
  }
  // resolves after the next frame has been produced (or, with false, after ms without one)
  function nextFrame(ms) {
    return new Promise(function (resolve) {
      var done = false;
      requestAnimationFrame(function () { setTimeout(function () { done = true; resolve(true); }, 0); });
      setTimeout(function () { if (!done) resolve(false); }, ms);
    });
  }
  window.addEventListener('load', function () {
    document.body.offsetHeight; // forces style and layout
    var laidOut = performance.now();
    var r = { errors: errors, charts: [], resources: [], laidOutMs: laidOut };
    // the first frame decides which content-visibility:auto blocks are near the viewport and
    // renders them: the page is open, as a person sees it, once that frame's layout is done
    window.__browserCheck = nextFrame(10000).then(function (framed) {
      r.framed = framed;
      document.body.offsetHeight;
      r.shownMs = performance.now();
      var blocks = document.querySelectorAll('div.timeline-rows');
      r.timelineBlocks = blocks.length;
      r.timelineBlocksRendered = 0;
      blocks.forEach(function (b) {
        if (b.firstElementChild && b.firstElementChild.checkVisibility({ contentVisibilityAuto: true })) r.timelineBlocksRendered++;
      });
      return inspect(r);
    });
  });
  function inspect(r) {
    var start = performance.now();
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
        var pb = p.getBoundingClientRect(), title = p.querySelector('text.panel-title');
        var tb = title ? title.getBoundingClientRect() : null;
        c.panels.push({ zone: p.getAttribute('data-zone'), series: lens, outages: p.querySelectorAll('rect.outage').length,
          box: { left: pb.left, right: pb.right, top: pb.top, bottom: pb.bottom },
          title: title ? title.textContent : '', titleFits: !!tb && tb.width > 0 && tb.left >= pb.left - 1 && tb.right <= pb.right + 1,
          viewportWidth: document.documentElement.clientWidth });
      });
      r.charts.push(c);
    });
    var nav = performance.getEntriesByType('navigation')[0];
    r.domContentLoadedMs = nav ? nav.domContentLoadedEventEnd : -1;
    r.loadEventEndMs = nav ? nav.loadEventEnd : -1;
    r.elements = document.getElementsByTagName('*').length;
    r.probeMs = performance.now() - start;
    var m = document.querySelector('a.marker');
    var tip = document.getElementById('tip');
    if (!m || !tip) return r;
    r.markerHref = m.getAttribute('href');
    r.markerTargetExists = !!document.getElementById(r.markerHref.substring(1));
    var shown = function () { return !tip.hidden && tip.textContent !== ''; };
    m.focus();
    return until(function () { return document.activeElement === m && shown(); }, 10000)
      .then(function () {
        r.focused = document.activeElement === m;
        r.tipOnFocus = shown() ? tip.textContent : '';
        m.blur();
        return until(function () { return tip.hidden; }, 10000);
      })
      .then(function (hidden) {
        r.tipHiddenOnBlur = hidden;
        m.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        return until(shown, 10000);
      })
      .then(function () {
        r.tipOnHover = shown() ? tip.textContent : '';
        m.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
        return r;
      });
  }
})();
