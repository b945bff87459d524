package io.kube4j.apiserver.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RequestInfoTest {

  record Case(String name, String method, String path, boolean watch, RequestInfo expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("list pods in a namespace", "GET", "/api/v1/namespaces/ns/pods", false,
            new RequestInfo("", "v1", "ns", "pods", "", "", "list")),
        new Case("get one pod", "GET", "/api/v1/namespaces/ns/pods/p1", false,
            new RequestInfo("", "v1", "ns", "pods", "p1", "", "get")),
        new Case("pod status update", "PUT", "/api/v1/namespaces/ns/pods/p1/status", false,
            new RequestInfo("", "v1", "ns", "pods", "p1", "status", "update")),
        new Case("list pods everywhere", "GET", "/api/v1/pods", false,
            new RequestInfo("", "v1", "", "pods", "", "", "list")),
        new Case("watch by query", "GET", "/apis/apps/v1/namespaces/ns/deployments", true,
            new RequestInfo("apps", "v1", "ns", "deployments", "", "", "watch")),
        new Case("watch by the deprecated path", "GET", "/api/v1/watch/namespaces/ns/pods", false,
            new RequestInfo("", "v1", "ns", "pods", "", "", "watch")),
        new Case("get a namespace", "GET", "/api/v1/namespaces/ns", false,
            new RequestInfo("", "v1", "", "namespaces", "ns", "", "get")),
        new Case("finalize a namespace", "PUT", "/api/v1/namespaces/ns/finalize", false,
            new RequestInfo("", "v1", "", "namespaces", "ns", "finalize", "update")),
        new Case("namespace status", "GET", "/api/v1/namespaces/ns/status", false,
            new RequestInfo("", "v1", "", "namespaces", "ns", "status", "get")),
        new Case("create", "POST", "/api/v1/namespaces/ns/configmaps", false,
            new RequestInfo("", "v1", "ns", "configmaps", "", "", "create")),
        new Case("delete a collection", "DELETE", "/api/v1/namespaces/ns/configmaps", false,
            new RequestInfo("", "v1", "ns", "configmaps", "", "", "deletecollection")),
        new Case("patch a cluster-scoped object", "PATCH", "/apis/scheduling.k8s.io/v1/priorityclasses/high", false,
            new RequestInfo("scheduling.k8s.io", "v1", "", "priorityclasses", "high", "", "patch")),
        new Case("group version discovery", "GET", "/apis/apps/v1", false,
            new RequestInfo("apps", "v1", "", "", "", "", "list")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parsesPathsAsUpstreamsRequestInfoFactory(Case c) {
    assertThat(RequestInfo.parse(c.method(), c.path(), c.watch())).isEqualTo(c.expected());
  }
}
