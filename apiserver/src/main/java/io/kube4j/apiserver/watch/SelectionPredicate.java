package io.kube4j.apiserver.watch;

import java.util.Map;
import java.util.function.Predicate;

/**
 * Which objects a list or watch wants: a label selector and a field selector, already parsed
 * ({@code storage.SelectionPredicate} upstream).
 *
 * @param labels tests an object's labels
 * @param fields tests an object's selectable fields
 * @param namespace only objects in this namespace; empty for all
 */
public record SelectionPredicate(
    Predicate<Map<String, String>> labels, Predicate<Map<String, String>> fields, String namespace) {

  /** Everything, in every namespace. */
  public static final SelectionPredicate EVERYTHING = new SelectionPredicate(l -> true, f -> true, "");

  public static SelectionPredicate inNamespace(String namespace) {
    return new SelectionPredicate(l -> true, f -> true, namespace);
  }

  public boolean matches(CachedObject o) {
    if (!namespace.isEmpty() && !namespace.equals(o.fields().get("metadata.namespace"))) {
      return false;
    }
    return labels.test(o.labels()) && fields.test(o.fields());
  }
}
