package io.kube4j.apiserver.registry.generic;

import io.kube4j.apiserver.watch.CachedObject;
import java.util.List;

/**
 * The result of a LIST: objects in key order, each already encoded, and the list metadata.
 *
 * @param items the objects
 * @param resourceVersion the revision the list reflects
 * @param continueToken the next page's token, or {@code ""} on the last page
 * @param remainingItemCount how many objects follow this page, when known (else 0)
 */
public record ObjectList(List<CachedObject> items, long resourceVersion, String continueToken,
    long remainingItemCount) {}
