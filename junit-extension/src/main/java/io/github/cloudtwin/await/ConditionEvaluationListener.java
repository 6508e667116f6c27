package io.github.cloudtwin.await;

import org.apiguardian.api.API;

/**
 * Called after every evaluation of a wait's condition, as Awaitility's interface of the same name:
 * with the virtual time elapsed and remaining, the value and whether it held. Runs on the test's
 * thread, between two steps of virtual time; an exception from it ends the wait.
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "0.1.0")
public interface ConditionEvaluationListener {

  /**
   * One evaluation happened.
   *
   * @param condition what was evaluated, when, and what came out
   */
  void conditionEvaluated(EvaluatedCondition condition);
}
