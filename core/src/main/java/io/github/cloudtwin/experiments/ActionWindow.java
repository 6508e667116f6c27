package io.github.cloudtwin.experiments;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * When one action of a run actually started and ended, as offsets from the experiment's start (the
 * same instant for an instant action; earlier than planned when a stop condition ended it).
 *
 * @param name the action's name
 * @param actionId its FIS action id
 * @param start when it started
 * @param end when it ended
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ActionWindow(String name, String actionId, Duration start, Duration end) {}
