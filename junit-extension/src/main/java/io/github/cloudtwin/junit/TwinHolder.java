package io.github.cloudtwin.junit;

import io.github.cloudtwin.CloudTwin;

/** The store value of one twin: JUnit closes it with its test or class context. */
record TwinHolder(CloudTwin twin) implements AutoCloseable {

  @Override
  public void close() {
    twin.close();
  }
}
