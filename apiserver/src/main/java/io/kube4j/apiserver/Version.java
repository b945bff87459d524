package io.kube4j.apiserver;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /version}. The major/minor fields decide which kubectl the Google Cloud SDK dispatcher
 * runs, so they name the Kubernetes release whose API kube4j serves (1.32).
 */
final class Version {

  private Version() {}

  static Map<String, String> info() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("major", "1");
    v.put("minor", "32");
    v.put("gitVersion", "v1.32.0-kube4j");
    v.put("gitCommit", "0000000000000000000000000000000000000000");
    v.put("gitTreeState", "clean");
    v.put("buildDate", "2026-11-23T00:00:00Z");
    v.put("goVersion", "java" + System.getProperty("java.version"));
    v.put("compiler", "javac");
    v.put("platform", System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT) + "/"
        + ("amd64".equals(System.getProperty("os.arch")) || "x86_64".equals(System.getProperty("os.arch"))
            ? "amd64" : System.getProperty("os.arch")));
    return v;
  }
}
