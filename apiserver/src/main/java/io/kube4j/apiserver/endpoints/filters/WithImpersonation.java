package io.kube4j.apiserver.endpoints.filters;

import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.authn.UserInfo;
import io.kube4j.apiserver.authorization.AuthorizationAttributes;
import io.kube4j.apiserver.authorization.AuthorizationResult;
import io.kube4j.apiserver.authorization.Authorizer;
import io.kube4j.apiserver.endpoints.ApiRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Acting as another user ({@code kubectl --as}, {@code --as-group}; {@code filters.WithImpersonation}
 * upstream). Each thing asked for — the user (or service account), every group, the uid, every
 * extra value — must be allowed to the real caller with the verb {@code impersonate}; then the
 * request goes on as the impersonated user, who gets {@code system:authenticated} unless
 * {@code system:unauthenticated} was named.
 */
public final class WithImpersonation {

  static final String USER = "impersonate-user";
  static final String GROUP = "impersonate-group";
  static final String UID = "impersonate-uid";
  static final String EXTRA_PREFIX = "impersonate-extra-";

  private final Authorizer authorizer;

  public WithImpersonation(Authorizer authorizer) {
    this.authorizer = authorizer;
  }

  /** The request as the impersonated user, or unchanged when it asks for no impersonation. */
  public ApiRequest apply(ApiRequest req, UserInfo requester) {
    String user = req.header(USER);
    List<String> groups = req.headerValues(GROUP);
    String uid = req.header(UID);
    Map<String, List<String>> extra = extra(req.headers());
    if (user.isEmpty() && groups.isEmpty() && uid.isEmpty() && extra.isEmpty()) {
      return req;
    }
    if (user.isEmpty()) {
      throw StatusException.internal("requested impersonation of " + describe(groups, uid, extra)
          + " without impersonating a user");
    }
    List<String> newGroups = new ArrayList<>();
    Optional<String[]> serviceAccount = serviceAccount(user);
    if (serviceAccount.isPresent()) {
      String ns = serviceAccount.get()[0];
      check(requester, "", "serviceaccounts", "", ns, serviceAccount.get()[1]);
      if (groups.isEmpty()) {
        newGroups.add("system:serviceaccounts");
        newGroups.add("system:serviceaccounts:" + ns);
      }
    } else {
      check(requester, "", "users", "", "", user);
    }
    for (String g : groups) {
      check(requester, "", "groups", "", "", g);
      newGroups.add(g);
    }
    if (!uid.isEmpty()) {
      check(requester, "authentication.k8s.io", "uids", "", "", uid);
    }
    extra.forEach((key, values) -> values.forEach(v -> check(requester, "authentication.k8s.io", "userextras", key,
        "", v)));
    // everyone impersonated is authenticated (anonymous: unauthenticated) unless the groups say otherwise
    if (user.equals("system:anonymous")) {
      if (!newGroups.contains("system:unauthenticated")) {
        newGroups.add("system:unauthenticated");
      }
    } else if (!newGroups.contains(UserInfo.AUTHENTICATED_GROUP) && !newGroups.contains("system:unauthenticated")) {
      newGroups.add(UserInfo.AUTHENTICATED_GROUP);
    }
    UserInfo acting = new UserInfo(user, uid, List.copyOf(newGroups), Map.copyOf(extra));
    return new ApiRequest(req.method(), req.path(), req.query(), withoutImpersonation(req.headers()), req.body(),
        Optional.of(acting));
  }

  private void check(UserInfo requester, String group, String resource, String subresource, String namespace,
      String name) {
    AuthorizationAttributes a = AuthorizationAttributes.resource(requester, "impersonate", namespace, group, "",
        resource, subresource, name);
    AuthorizationResult r = authorizer.authorize(a);
    if (!r.allowed()) {
      throw WithAuthorization.forbidden(a, r.reason());
    }
  }

  /** {@code system:serviceaccount:<ns>:<name>} names a service account. */
  static Optional<String[]> serviceAccount(String user) {
    String prefix = "system:serviceaccount:";
    if (!user.startsWith(prefix)) {
      return Optional.empty();
    }
    String[] parts = user.substring(prefix.length()).split(":", -1);
    return parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty() ? Optional.of(parts) : Optional.empty();
  }

  /** {@code Impersonate-Extra-<key>} headers; the key is percent-decoded and lower-cased. */
  static Map<String, List<String>> extra(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    headers.forEach((name, values) -> {
      if (name.startsWith(EXTRA_PREFIX)) {
        String key = URLDecoder.decode(name.substring(EXTRA_PREFIX.length()), StandardCharsets.UTF_8)
            .toLowerCase(Locale.ROOT);
        out.computeIfAbsent(key, k -> new ArrayList<>()).addAll(values);
      }
    });
    return out;
  }

  private static Map<String, List<String>> withoutImpersonation(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new LinkedHashMap<>(headers);
    out.keySet().removeIf(k -> k.startsWith("impersonate-"));
    return out;
  }

  private static String describe(List<String> groups, String uid, Map<String, List<String>> extra) {
    List<String> parts = new ArrayList<>();
    groups.forEach(g -> parts.add("group " + g));
    if (!uid.isEmpty()) {
      parts.add("uid " + uid);
    }
    extra.forEach((k, v) -> parts.add("extra " + k + "=" + v));
    return "[" + String.join(", ", parts) + "]";
  }
}
