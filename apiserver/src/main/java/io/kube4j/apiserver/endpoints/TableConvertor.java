package io.kube4j.apiserver.endpoints;

import io.kube4j.apiserver.printers.IncludeObject;
import io.kube4j.apiserver.registry.ApiResource;
import io.kube4j.apiserver.watch.CachedObject;
import java.util.List;

/**
 * Server-side printing: objects as a {@code meta.k8s.io/v1 Table}, which {@code kubectl get} prints
 * as is ({@code rest.TableConvertor} upstream).
 */
public interface TableConvertor {

  /**
   * @param withColumns false for watch events after the first, which upstream sends without
   *     column definitions
   * @return the Table's JSON
   */
  byte[] table(ApiResource resource, List<CachedObject> items, ListMeta listMeta, IncludeObject include,
      boolean withColumns);

  /** The list metadata a Table carries. */
  record ListMeta(String resourceVersion, String continueToken, long remainingItemCount) {}
}
