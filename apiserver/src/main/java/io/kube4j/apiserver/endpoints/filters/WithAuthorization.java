package io.kube4j.apiserver.endpoints.filters;

import io.kube4j.apiserver.api.GroupResource;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.authn.UserInfo;
import io.kube4j.apiserver.authorization.AuthorizationAttributes;
import io.kube4j.apiserver.authorization.AuthorizationResult;
import io.kube4j.apiserver.authorization.Authorizer;
import io.kube4j.apiserver.endpoints.ApiRequest;
import io.kube4j.apiserver.endpoints.RequestInfo;
import java.util.Locale;

/**
 * Asks the authorizer whether the request's user may do what the request asks, and answers 403
 * with upstream's message when not ({@code filters.WithAuthorization}).
 */
public final class WithAuthorization {

  private final Authorizer authorizer;

  public WithAuthorization(Authorizer authorizer) {
    this.authorizer = authorizer;
  }

  /** Returns when allowed; otherwise throws the Forbidden Status the client gets. */
  public void authorize(ApiRequest req, UserInfo user) {
    AuthorizationAttributes a = attributes(req, user);
    AuthorizationResult r = authorizer.authorize(a);
    if (!r.allowed()) {
      throw forbidden(a, r.reason());
    }
  }

  /** {@code responsewriters.ForbiddenStatusError}: the message, then the authorizer's reason. */
  public static StatusException forbidden(AuthorizationAttributes a, String reason) {
    String message = reason.isEmpty() ? a.forbiddenMessage() : a.forbiddenMessage() + ": " + reason;
    if (!a.resourceRequest()) {
      return StatusException.forbidden(new GroupResource("", ""), "", message);
    }
    return StatusException.forbidden(new GroupResource(a.apiGroup(), a.resource()), a.name(), message);
  }

  /**
   * The attributes of a request as upstream's {@code RequestInfoFactory} derives them: a path under
   * {@code /api} or {@code /apis} that names a resource is a resource request; everything else
   * (discovery, {@code /version}, {@code /healthz}) is a non-resource request whose verb is the
   * lower-case HTTP method.
   */
  public static AuthorizationAttributes attributes(ApiRequest req, UserInfo user) {
    String path = req.path();
    if (path.startsWith("/api/") || path.startsWith("/apis/")) {
      RequestInfo info;
      try {
        String watch = req.param("watch");
        info = RequestInfo.parse(req.method(), path, watch.equals("true") || watch.equals("1"));
      } catch (StatusException e) {
        info = null;
      }
      if (info != null && !info.resource().isEmpty()) {
        String name = info.name();
        if (name.isEmpty() && (info.verb().equals("list") || info.verb().equals("watch"))) {
          // a list of one name (kubectl get pod x -w) is authorized as that name, so resourceNames rules apply
          name = exactName(req.param("fieldSelector"));
        }
        return AuthorizationAttributes.resource(user, info.verb(), info.namespace(), info.group(), info.version(),
            info.resource(), info.subresource(), name);
      }
    }
    return AuthorizationAttributes.nonResource(user, req.method().toLowerCase(Locale.ROOT), path);
  }

  /** The name a field selector requires exactly ({@code metadata.name=x}), or {@code ""}. */
  static String exactName(String fieldSelector) {
    String name = "";
    for (String term : fieldSelector.split(",")) {
      String t = term.trim();
      String value = t.startsWith("metadata.name==") ? t.substring("metadata.name==".length())
          : t.startsWith("metadata.name=") ? t.substring("metadata.name=".length()) : null;
      if (value != null) {
        name = value;
      }
    }
    return name;
  }
}
