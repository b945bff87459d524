package io.kube4j.apiserver.authorization;

import io.kube4j.apiserver.authn.UserInfo;

/**
 * What a request asks to do, as authorizers see it ({@code authorizer.AttributesRecord} upstream).
 * A resource request names a verb (get, list, watch, create, update, patch, delete,
 * deletecollection, or a special one such as impersonate, bind, escalate, approve) on a resource;
 * a non-resource request names a lower-case HTTP verb (get, post, put, patch, delete) on a path.
 *
 * @param user who asks
 * @param verb e.g. {@code list}
 * @param resourceRequest whether this is about a resource rather than a path
 * @param path the URL path of a non-resource request (e.g. {@code /healthz}), else {@code ""}
 * @param namespace {@code ""} for cluster-scoped resources and for requests across all namespaces
 * @param apiGroup {@code ""} for the core group
 * @param apiVersion e.g. {@code v1}, or {@code "*"} when asked for any version
 * @param resource e.g. {@code pods}
 * @param subresource e.g. {@code status}, or {@code ""}
 * @param name the object's name, or {@code ""} for collection requests
 */
public record AuthorizationAttributes(UserInfo user, String verb, boolean resourceRequest, String path,
    String namespace, String apiGroup, String apiVersion, String resource, String subresource, String name) {

  public static AuthorizationAttributes resource(UserInfo user, String verb, String namespace, String apiGroup,
      String apiVersion, String resource, String subresource, String name) {
    return new AuthorizationAttributes(user, verb, true, "", namespace, apiGroup, apiVersion, resource, subresource,
        name);
  }

  public static AuthorizationAttributes nonResource(UserInfo user, String verb, String path) {
    return new AuthorizationAttributes(user, verb, false, path, "", "", "", "", "", "");
  }

  /** Reads that change nothing: get, list, watch (upstream's {@code IsReadOnly}). */
  public boolean readOnly() {
    return verb.equals("get") || verb.equals("list") || verb.equals("watch");
  }

  /**
   * The text of a denial, word for word as upstream's {@code forbiddenMessage}, e.g.
   * {@code User "jane" cannot list resource "pods" in API group "" in the namespace "dev"}.
   */
  public String forbiddenMessage() {
    String user = this.user == null ? "" : this.user.name();
    if (!resourceRequest) {
      return "User \"" + user + "\" cannot " + verb + " path \"" + path + "\"";
    }
    String what = subresource.isEmpty() ? resource : resource + "/" + subresource;
    String where = namespace.isEmpty() ? "at the cluster scope" : "in the namespace \"" + namespace + "\"";
    return "User \"" + user + "\" cannot " + verb + " resource \"" + what + "\" in API group \"" + apiGroup + "\" "
        + where;
  }
}
