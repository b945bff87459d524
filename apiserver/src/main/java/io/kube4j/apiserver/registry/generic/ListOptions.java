package io.kube4j.apiserver.registry.generic;

import io.kube4j.apiserver.watch.SelectionPredicate;

/**
 * The query of a LIST or WATCH ({@code metav1.ListOptions}), already parsed.
 *
 * @param predicate label selector, field selector and namespace
 * @param resourceVersion as sent; {@code ""} for "most recent" (a consistent read)
 * @param resourceVersionMatch {@code ""}, {@code NotOlderThan} or {@code Exact}
 * @param limit page size; 0 for everything
 * @param continueToken the token of the previous page, or {@code ""}
 */
public record ListOptions(
    SelectionPredicate predicate,
    String resourceVersion,
    String resourceVersionMatch,
    long limit,
    String continueToken) {

  public static ListOptions all(String namespace) {
    return new ListOptions(SelectionPredicate.inNamespace(namespace), "", "", 0, "");
  }
}
