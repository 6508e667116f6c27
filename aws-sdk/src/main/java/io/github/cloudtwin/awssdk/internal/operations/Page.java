package io.github.cloudtwin.awssdk.internal.operations;

import java.util.List;

/**
 * One page of a paginated describe or list operation.
 *
 * @param items the items of this page, in AWS's order
 * @param nextToken the token of the next page, or null on the last page
 * @param <T> the item type
 */
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
