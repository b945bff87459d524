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

  /** The selector that selects everything; recognised so that it never needs an object decoded. */
  public static final Predicate<Map<String, String>> ANY = m -> true;

  /** Everything, in every namespace. */
  public static final SelectionPredicate EVERYTHING = new SelectionPredicate(ANY, ANY, "");

  public static SelectionPredicate inNamespace(String namespace) {
    return new SelectionPredicate(ANY, ANY, namespace);
  }

  public boolean matches(CachedObject o) {
    if (this == EVERYTHING) {
      return true;
    }
    if (!namespace.isEmpty() && !inNamespace(o.key(), namespace)) {
      return false;
    }
    return (labels == ANY || labels.test(o.labels())) && (fields == ANY || fields.test(o.fields()));
  }

  /**
   * Whether a namespaced object's key, {@code <prefix><namespace>/<name>}, names this namespace: read
   * off the key so that a namespace filter alone never needs the object decoded.
   */
  static boolean inNamespace(String key, String namespace) {
    int nameStart = key.lastIndexOf('/');
    int nsStart = nameStart - namespace.length();
    return nsStart > 0 && key.charAt(nsStart - 1) == '/' && key.startsWith(namespace, nsStart);
  }
}
