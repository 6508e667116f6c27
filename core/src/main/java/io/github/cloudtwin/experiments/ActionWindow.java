package io.github.cloudtwin.experiments;

import java.time.Duration;

/**
 * When one action of a run actually started and ended, as offsets from the experiment's start (the
 * same instant for an instant action; earlier than planned when a stop condition ended it).
 *
 * @param name the action's name
 * @param actionId its FIS action id
 * @param start when it started
 * @param end when it ended
 */
public record ActionWindow(String name, String actionId, Duration start, Duration end) {}
