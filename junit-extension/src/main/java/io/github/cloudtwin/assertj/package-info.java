/**
 * CloudTwin's AssertJ assertions over the twin: {@link
 * io.github.cloudtwin.assertj.CloudTwinAssertions} and {@link
 * io.github.cloudtwin.assertj.CloudTwinSoftAssertions} for timelines, alarms, instances, groups,
 * services, load balancers, cost reports and experiment results.
 */
@NullMarked
package io.github.cloudtwin.assertj;

import org.jspecify.annotations.NullMarked;
