package io.kube4j.apiserver.endpoints;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Parses the {@code labelSelector} and {@code fieldSelector} query parameters (400 when malformed). */
public interface Selectors {

  Predicate<Map<String, String>> labels(String selector);

  /**
   * @param supported the fields this resource can be selected by; empty to accept any
   * @param resource for the error message
   */
  Predicate<Map<String, String>> fields(String selector, Set<String> supported, String resource);
}
