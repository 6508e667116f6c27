/**
 * What if: recorded CloudWatch data in ({@link io.github.cloudtwin.whatif.RecordedLoad}), replayed
 * through a twin as a metric or as demand ({@link io.github.cloudtwin.whatif.WhatIf}), the outcomes
 * of a replay ({@link io.github.cloudtwin.whatif.ReplayOutcome}) and the comparison of several
 * configurations over the same load ({@link io.github.cloudtwin.whatif.Comparison}).
 */
@NullMarked
package io.github.cloudtwin.whatif;

import org.jspecify.annotations.NullMarked;
