package io.github.cloudtwin.cloudformation;

import io.github.cloudtwin.CloudTwin;

/** A resource read and validated, not yet created. */
interface Creation {

  /**
   * What Ref and Fn::GetAtt give before the resource exists (the twin's generated ids as zeros).
   */
  Outcome predict();

  /** Creates the resource in the twin; returns the real values. */
  Outcome create(CloudTwin twin);

  /** A creation that needs nothing from the twin: both phases give {@code outcome}. */
  static Creation fixed(Outcome outcome) {
    return new Creation() {
      @Override
      public Outcome predict() {
        return outcome;
      }

      @Override
      public Outcome create(CloudTwin twin) {
        return outcome;
      }
    };
  }
}
