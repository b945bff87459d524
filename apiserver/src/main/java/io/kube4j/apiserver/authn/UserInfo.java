package io.kube4j.apiserver.authn;

import java.util.List;
import java.util.Map;

/**
 * An authenticated user ({@code user.Info} upstream).
 *
 * @param name e.g. {@code kubernetes-admin}, {@code system:node:n1}
 * @param uid may be empty
 * @param groups e.g. {@code system:masters}, always including {@code system:authenticated}
 * @param extra extra attributes, e.g. from a service-account token
 */
public record UserInfo(String name, String uid, List<String> groups, Map<String, List<String>> extra) {

  public static final String AUTHENTICATED_GROUP = "system:authenticated";
}
