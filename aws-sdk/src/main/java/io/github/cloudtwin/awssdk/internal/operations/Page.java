package io.github.cloudtwin.awssdk.internal.operations;

import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One page of a paginated describe or list operation.
 *
 * @param items the items of this page, in AWS's order
 * @param nextToken the token of the next page, or null on the last page
 * @param <T> the item type
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record Page<T>(List<T> items, @Nullable String nextToken) {

  /**
   * Validates and copies.
   *
   * @param items the items of this page, in AWS's order
   * @param nextToken the token of the next page, or null on the last page
   */
  public Page {
    items = List.copyOf(items);
  }
}
