package io.kube4j.apiserver.validation;

import java.util.List;

/**
 * The name rule of one resource ({@code ValidateNameFunc}): the reasons {@code name} is bad. With
 * {@code prefix} true the value is a {@code generateName}, to which random characters will be appended, so
 * a trailing dash is allowed.
 */
@FunctionalInterface
public interface NameValidator {

  List<String> validate(String name, boolean prefix);

  /** {@code NameIsDNSSubdomain}: most resources (pods, configmaps, deployments, ...). */
  NameValidator DNS_SUBDOMAIN = (name, prefix) -> Validation.isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);

  /** {@code NameIsDNSLabel}: namespaces, statefulsets. */
  NameValidator DNS_LABEL = (name, prefix) -> Validation.isDNS1123Label(prefix ? maskTrailingDash(name) : name);

  /** {@code NameIsDNS1035Label}: services. */
  NameValidator DNS1035_LABEL = (name, prefix) -> Validation.isDNS1035Label(prefix ? maskTrailingDash(name) : name);

  /**
   * Replaces a trailing dash so a prefix such as {@code web-} validates. Upstream drops the last
   * <em>two</em> characters before appending {@code a}; kept as is, since that is what it checks.
   */
  static String maskTrailingDash(String name) {
    if (name.endsWith("-")) {
      return name.length() >= 2 ? name.substring(0, name.length() - 2) + "a" : "a";
    }
    return name;
  }
}
