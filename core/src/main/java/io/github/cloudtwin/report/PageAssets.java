package io.github.cloudtwin.report;

/**
 * The report page's inline style sheet and its one small script (tooltips for the event markers on
 * hover and keyboard focus). Colours are the Okabe-Ito palette, safe for colour-blind readers;
 * series also differ by dash pattern and markers by shape, so nothing depends on colour alone.
 */
final class PageAssets {

  private PageAssets() {}

  // Okabe-Ito: blue #0072B2, orange #E69F00, bluish green #009E73, reddish purple #CC79A7,
  // sky blue #56B4E9, vermillion #D55E00, black.
  static final String CSS =
      "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:1.5em;color:#222;max-width:1000px}"
          + "h1{font-size:1.35em;margin-bottom:.3em}h2{font-size:1.05em;margin:1.4em 0 .3em}"
          + ".verdict{border-left:6px solid #777;padding:.4em .9em;background:#f6f6f6}"
          + ".verdict.outcome-passed{border-color:#009E73}.verdict.outcome-failed{border-color:#D55E00}"
          + ".verdict.outcome-aborted{border-color:#E69F00}"
          + ".outcome{font-weight:bold;font-size:1.1em;margin:.2em 0}.failure{color:#a33b00;white-space:pre-wrap;margin:.3em 0}"
          + "ul.key-facts{margin:.4em 0;padding-left:1.2em}ul.key-facts li{margin:.15em 0}"
          + "dl.facts{font-size:.85em;color:#444}dl.facts dt{font-weight:bold;float:left;clear:left;width:7em}dl.facts dd{margin-left:8em}"
          + ".timeline-rows{content-visibility:auto;contain-intrinsic-size:auto 2300px}"
          + "table.timeline{border-collapse:collapse;table-layout:fixed;width:100%;font-family:ui-monospace,monospace;font-size:.8em}"
          + "col.c-id{width:5.5em}col.c-time{width:10.5em}col.c-resource{width:17em}col.c-kind{width:10em}col.c-cause{width:5.5em}"
          + "table.timeline td{overflow-wrap:anywhere}table.timeline td,table.timeline th{border-bottom:1px solid #ddd;padding:2px 8px;text-align:left;vertical-align:top}"
          + "table.timeline tr:target{background:#fff0b3;outline:2px solid #E69F00}tr.gap td{color:#777;font-style:italic}"
          + "svg{display:block;overflow:visible}.plot{fill:#fff;stroke:#999}.grid line{stroke:#e4e4e4}"
          + ".y-axis text{text-anchor:end;font-size:11px;fill:#444}.x-axis text{text-anchor:middle;font-size:11px;fill:#444}"
          + ".axis-caption{text-anchor:middle;font-size:11px;fill:#666}"
          + ".outage{fill:#999;fill-opacity:.22}.outage-label{font-size:11px;fill:#555}"
          + ".experiment-action{fill:#CC79A7;fill-opacity:.18;stroke:#CC79A7;stroke-opacity:.6;stroke-dasharray:3 2}"
          + ".action-label{font-size:11px;fill:#7a3b62;paint-order:stroke;stroke:#fff;stroke-width:3px}"
          + ".swatch{display:inline-block;width:22px;height:0;border-top:3px solid #777;vertical-align:middle;margin-right:.4em}"
          + ".series{fill:none;stroke-width:2;stroke-linejoin:round}"
          + ".series-0{stroke:#0072B2;border-color:#0072B2}.series-1{stroke:#E69F00;border-color:#E69F00;stroke-dasharray:7 3}"
          + ".series-2{stroke:#009E73;border-color:#009E73;stroke-dasharray:2 2}.series-3{stroke:#CC79A7;border-color:#CC79A7}"
          + ".series-4{stroke:#56B4E9;border-color:#56B4E9;stroke-dasharray:7 3}.series-5{stroke:#000;border-color:#000;stroke-dasharray:2 2}"
          + ".threshold{stroke:#D55E00;stroke-width:1.5;stroke-dasharray:6 4}"
          + ".threshold-label{fill:#a33b00;font-size:11px;text-anchor:end;paint-order:stroke;stroke:#fff;stroke-width:3px}"
          + "ul.legend{list-style:none;margin:.2em 0 .3em;padding:0 0 0 76px;font-size:12px;display:flex;flex-wrap:wrap;gap:.2em 1.2em}"
          + ".swatch.series-1,.swatch.series-4{border-top-style:dashed}.swatch.series-2,.swatch.series-5{border-top-style:dotted}"
          + ".swatch.threshold{border-top:2px dashed #D55E00}.swatch.outage{height:10px;border:0;background:#999;opacity:.4}"
          + ".swatch.experiment-action{height:10px;border:1px dashed #CC79A7;background:rgba(204,121,167,.25)}"
          + ".panels{display:flex;flex-wrap:wrap;gap:0 12px;margin-top:.4em}.panel-title{font-size:11px;fill:#333}"
          + ".lane{stroke:#eee}.lane-label{text-anchor:end;font-size:10px;fill:#666}"
          + ".glyph{stroke:#fff;stroke-width:.8}.marker{cursor:pointer}.marker:focus{outline:none}"
          + ".marker:focus .glyph,.marker:hover .glyph{stroke:#000;stroke-width:2}.many{fill:#000}"
          + ".tone-bad .glyph{fill:#D55E00}.tone-good .glyph{fill:#009E73}.tone-neutral .glyph{fill:#0072B2}"
          + ".guide{stroke-width:1;stroke-dasharray:1 3}.guide.tone-bad{stroke:#D55E00}.guide.tone-good{stroke:#009E73}"
          + ".guide.tone-neutral{stroke:#0072B2}"
          + ".marker-legend{font-size:12px;color:#444}.marker-legend svg{display:inline;vertical-align:middle}"
          + ".bars rect{stroke:none}.bars .series-0{fill:#0072B2}.bars .series-1{fill:#E69F00}.bars .series-2{fill:#009E73}"
          + ".bars .series-3{fill:#CC79A7}.bars .series-4{fill:#56B4E9}.bars .series-5{fill:#000}"
          + ".bar-label{text-anchor:end;font-size:11px;fill:#333}.bar-value{font-size:11px;fill:#333}"
          + "#tip{position:absolute;z-index:10;max-width:640px;background:#222;color:#fff;font-size:12px;padding:6px 8px;"
          + "border-radius:4px;white-space:pre-wrap;font-family:ui-monospace,monospace;box-shadow:0 2px 6px rgba(0,0,0,.3)}"
          + "#tip[hidden]{display:none}td a,dd a{color:#0072B2}";

  /**
   * The tooltip: the marker's SVG {@code title} becomes its {@code aria-label} and the text of one
   * shared box shown next to it on hover and on keyboard focus (Escape hides it). No {@code <} or
   * {@code &} in it, so the page stays well-formed XML; the CDATA wrapper only guards that.
   */
  static final String SCRIPT =
      "(function(){var d=document,tip=d.createElement('div');tip.id='tip';tip.setAttribute('role','tooltip');tip.hidden=true;"
          + "d.body.appendChild(tip);var ms=d.querySelectorAll('a.marker');"
          + "ms.forEach(function(m){var t=m.querySelector('title');if(t){m.setAttribute('data-tip',t.textContent);"
          + "m.setAttribute('aria-label',t.textContent);m.setAttribute('aria-describedby','tip');t.remove();}});"
          + "function marker(e){return e.target.closest?e.target.closest('a.marker'):null}"
          + "function show(e){var m=marker(e);if(!m)return;tip.textContent=m.getAttribute('data-tip');tip.hidden=false;"
          + "var r=m.getBoundingClientRect(),x=r.left+window.scrollX+14,y=r.bottom+window.scrollY+8,"
          + "max=window.scrollX+d.documentElement.clientWidth-tip.offsetWidth-8;if(x>max)x=Math.max(window.scrollX+4,max);"
          + "tip.style.left=x+'px';tip.style.top=y+'px';}"
          + "function hide(e){if(marker(e))tip.hidden=true;}"
          + "d.addEventListener('mouseover',show);d.addEventListener('focusin',show);d.addEventListener('mouseout',hide);"
          + "d.addEventListener('focusout',hide);d.addEventListener('keydown',function(e){if(e.key==='Escape')tip.hidden=true;});"
          + "d.documentElement.setAttribute('data-markers',String(ms.length));})();";
}
