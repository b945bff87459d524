package io.kube4j.apiserver.endpoints;

import io.kube4j.apiserver.authn.UserInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the endpoints see it.
 *
 * @param method upper case, e.g. {@code GET}
 * @param path the decoded path without query, e.g. {@code /api/v1/namespaces/default/pods}
 * @param query decoded query parameters, each with all its values
 * @param headers header values by lower-case name
 * @param body the request body (empty for none)
 * @param user the authenticated user, or empty for an unauthenticated request
 */
public record ApiRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    byte[] body,
    Optional<UserInfo> user) {

  /** The first value of a query parameter, or {@code ""}. */
  public String param(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? "" : v.get(0);
  }

  public List<String> params(String name) {
    return query.getOrDefault(name, List.of());
  }

  /** The first value of a header (any case), or {@code ""}. */
  public String header(String name) {
    List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return v == null || v.isEmpty() ? "" : v.get(0);
  }

  /** Every value of a header, e.g. each {@code Accept} line. */
  public List<String> headerValues(String name) {
    return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
  }
}
