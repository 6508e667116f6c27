/**
 * The per-test HTML report ({@link io.github.cloudtwin.report.Report}): a verdict at the top,
 * hand-written SVG charts with event markers read from the timeline's typed facts, and the timeline
 * as a table; one self-contained XHTML file per test, and an index page per run ({@link
 * io.github.cloudtwin.report.ReportIndexPage}).
 */
@NullMarked
package io.github.cloudtwin.report;

import org.jspecify.annotations.NullMarked;
