package io.kube4j.agent.images;

/**
 * An image reference split as Docker's reference library does: {@code busybox} is
 * {@code docker.io/library/busybox:latest}; the first component is a registry host only if it has
 * a '.' or ':' or is {@code localhost} ({@code 127.0.0.1:5000/app:1}, {@code registry.k8s.io/pause:3.9}).
 *
 * @param tag    null when the reference has only a digest
 * @param digest {@code sha256:...} or null
 */
public record ImageReference(String domain, String path, String tag, String digest) {

  public static final String DEFAULT_DOMAIN = "docker.io";

  public static ImageReference parse(String image) {
    if (image == null || image.isEmpty() || image.chars().anyMatch(Character::isWhitespace)) {
      throw invalid(image);
    }
    String rest = image;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    String domain = DEFAULT_DOMAIN;
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        domain = first;
        rest = rest.substring(slash + 1);
      }
    }
    if (domain.equals(DEFAULT_DOMAIN) && !rest.contains("/")) {
      rest = "library/" + rest;
    }
    // repository paths are lowercase; Docker answers "repository name must be lowercase"
    if (rest.isEmpty() || rest.endsWith("/") || !rest.equals(rest.toLowerCase(java.util.Locale.ROOT))) {
      throw invalid(image);
    }
    return new ImageReference(domain, rest, tag, digest);
  }

  private static IllegalArgumentException invalid(String image) {
    return new IllegalArgumentException("couldn't parse image name \"" + image + "\": invalid reference format");
  }

  /** kubelet's applyDefaultImageTag: a reference with neither tag nor digest means {@code :latest}. */
  public static String withDefaultTag(String image) {
    ImageReference r = parse(image);
    return r.tag() == null && r.digest() == null ? image + ":latest" : image;
  }

  /** The apiserver's default pull policy: Always for {@code :latest} or no tag, else IfNotPresent. */
  public static String defaultPullPolicy(String image) {
    ImageReference r = parse(image);
    return r.digest() == null && (r.tag() == null || r.tag().equals("latest")) ? "Always" : "IfNotPresent";
  }

  /** {@code docker.io/library/busybox}: what keyring keys are matched against. */
  public String repository() {
    return domain + "/" + path;
  }
}
