package io.kube4j.apiserver.storage;

import java.util.List;

/**
 * One page of a range read.
 *
 * @param items key-ordered
 * @param revision the store revision the page was read at: a list's {@code resourceVersion}
 * @param more whether keys remain after the last item
 * @param remaining how many keys remain after this page (0 when unknown or none)
 */
public record ListResult(List<KeyValue> items, long revision, boolean more, long remaining) {}
