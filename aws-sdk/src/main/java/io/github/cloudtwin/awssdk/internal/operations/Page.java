package io.github.cloudtwin.awssdk.internal.operations;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One page of a paginated describe or list operation.
 *
 * @param items the items of this page, in AWS's order
 * @param nextToken the token of the next page, or null on the last page
 * @param <T> the item type
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record Page<T>(List<T> items, String nextToken) {

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
