package io.kube4j.apiserver.authn;

import java.util.List;
import java.util.Map;

/**
 * {@code --anonymous-auth}: a request that presents no credentials at all is user
 * {@code system:anonymous} in group {@code system:unauthenticated}, and RBAC decides what it may do
 * (by default: {@code /version}, {@code /healthz}, {@code /livez}, {@code /readyz}).
 */
public final class Anonymous {

  public static final UserInfo USER = new UserInfo("system:anonymous", "", List.of("system:unauthenticated"),
      Map.of());

  private Anonymous() {}
}
