package io.kube4j.apiserver.endpoints;

import io.kube4j.apiserver.api.StatusException;

/**
 * What a resource request is about, parsed from its path and method as upstream's
 * {@code request.RequestInfoFactory} does:
 * {@code /api/v1/namespaces/{ns}/pods/{name}/status} or {@code /apis/{group}/{version}/...}.
 *
 * @param group API group ({@code ""} for {@code /api})
 * @param version e.g. {@code v1}
 * @param namespace the namespace in the path, or {@code ""}
 * @param resource e.g. {@code pods}, or {@code ""} for a group-version discovery request
 * @param name the object name, or {@code ""} for collection requests
 * @param subresource e.g. {@code status}, or {@code ""}
 * @param verb the Kubernetes verb: get, list, watch, create, update, patch, delete, deletecollection
 */
public record RequestInfo(String group, String version, String namespace, String resource, String name,
    String subresource, String verb) {

  /**
   * Parses a path under {@code /api} or {@code /apis}. Returns a request with an empty resource for
   * {@code /api/v1} or {@code /apis/apps/v1} themselves.
   */
  public static RequestInfo parse(String method, String path, boolean watchParam) {
    String[] parts = path.replaceAll("^/+|/+$", "").split("/");
    int i;
    String group;
    if (parts[0].equals("api")) {
      group = "";
      i = 1;
    } else {
      if (parts.length < 2) {
        throw StatusException.notFound(new io.kube4j.apiserver.api.GroupResource("", ""), path);
      }
      group = parts[1];
      i = 2;
    }
    if (parts.length <= i) {
      return new RequestInfo(group, "", "", "", "", "", "get");
    }
    String version = parts[i++];
    boolean watchPath = false;
    if (i < parts.length && parts[i].equals("watch")) {
      // deprecated /watch/ paths: /api/v1/watch/namespaces/x/pods
      watchPath = true;
      i++;
    }
    String namespace = "";
    if (i + 2 < parts.length && parts[i].equals("namespaces")
        && !parts[i + 2].equals("status") && !parts[i + 2].equals("finalize")) {
      // /namespaces/{ns}/{resource}...: the resource is namespaced; /namespaces/{name}/status and
      // /finalize are subresources of the namespace itself
      namespace = parts[i + 1];
      i += 2;
    }
    String resource = i < parts.length ? parts[i++] : "";
    String name = i < parts.length ? parts[i++] : "";
    String subresource = i < parts.length ? parts[i++] : "";
    if (resource.equals("namespaces") && name.isEmpty() && !namespace.isEmpty()) {
      name = namespace;
      namespace = "";
    }
    String verb = verb(method, name.isEmpty(), watchParam || watchPath);
    return new RequestInfo(group, version, namespace, resource, name, subresource, verb);
  }

  private static String verb(String method, boolean collection, boolean watch) {
    return switch (method) {
      case "GET", "HEAD" -> watch ? "watch" : collection ? "list" : "get";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> collection ? "deletecollection" : "delete";
      default -> method.toLowerCase(java.util.Locale.ROOT);
    };
  }
}
