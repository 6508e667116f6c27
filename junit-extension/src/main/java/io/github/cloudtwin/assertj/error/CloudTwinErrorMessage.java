package io.github.cloudtwin.assertj.error;

import org.apiguardian.api.API;
import org.assertj.core.description.Description;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.Representation;
import org.jspecify.annotations.Nullable;

/**
 * Base of CloudTwin's failure messages: the complete text, built once by the subclass (no
 * format-string expansion, so values containing {@code %} are safe), prefixed by the assertion's
 * description when it has one.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public abstract class CloudTwinErrorMessage implements ErrorMessageFactory {

  private final String text;

  /**
   * A message with this exact text.
   *
   * @param text the text
   */
  protected CloudTwinErrorMessage(String text) {
    this.text = text;
  }

  @Override
  public String create(@Nullable Description d, @Nullable Representation representation) {
    String description = d == null ? "" : d.value();
    return description == null || description.isEmpty() ? text : "[" + description + "] " + text;
  }

  @Override
  public String create(Description d) {
    return create(d, null);
  }

  @Override
  public String create() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
