/**
 * The EC2 twin: instances and their lifecycle, instance types, Availability Zones and their
 * capacity, Spot markets and interruptions, launch throttling and the CPU metrics instances
 * publish.
 */
@NullMarked
package io.github.cloudtwin.ec2;

import org.jspecify.annotations.NullMarked;
