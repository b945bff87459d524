package io.kube4j.apiserver.endpoints.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.authn.UserInfo;
import io.kube4j.apiserver.authorization.AuthorizationAttributes;
import io.kube4j.apiserver.authorization.AuthorizationResult;
import io.kube4j.apiserver.endpoints.ApiRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class WithAuthorizationTest {

  private static final UserInfo JANE = new UserInfo("jane", "", List.of("dev", "system:authenticated"), Map.of());

  static Stream<Arguments> requests() {
    return Stream.of(
        Arguments.of("list pods in a namespace", "GET", "/api/v1/namespaces/dev/pods", "",
            "User \"jane\" cannot list resource \"pods\" in API group \"\" in the namespace \"dev\""),
        Arguments.of("watch deployments everywhere", "GET", "/apis/apps/v1/deployments", "watch=true",
            "User \"jane\" cannot watch resource \"deployments\" in API group \"apps\" at the cluster scope"),
        Arguments.of("update a status subresource", "PUT", "/api/v1/namespaces/dev/pods/p/status", "",
            "User \"jane\" cannot update resource \"pods/status\" in API group \"\" in the namespace \"dev\""),
        Arguments.of("delete a collection", "DELETE", "/api/v1/namespaces/dev/configmaps", "",
            "User \"jane\" cannot deletecollection resource \"configmaps\" in API group \"\" in the namespace \"dev\""),
        Arguments.of("get a namespace", "GET", "/api/v1/namespaces/dev", "",
            "User \"jane\" cannot get resource \"namespaces\" in API group \"\" at the cluster scope"),
        Arguments.of("discovery is a path", "GET", "/apis/apps/v1", "",
            "User \"jane\" cannot get path \"/apis/apps/v1\""),
        Arguments.of("version is a path", "GET", "/version", "",
            "User \"jane\" cannot get path \"/version\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void describesTheRequestAsUpstreamDoes(String name, String method, String path, String query, String message) {
    AuthorizationAttributes a = WithAuthorization.attributes(request(method, path, query), JANE);
    assertThat(a.forbiddenMessage()).isEqualTo(message);
  }

  @Test
  void aListOfOneNameIsAuthorizedAsThatName() {
    AuthorizationAttributes a = WithAuthorization.attributes(
        request("GET", "/api/v1/namespaces/dev/pods", "watch=1&fieldSelector=metadata.name%3Dweb"), JANE);
    assertThat(a.verb()).isEqualTo("watch");
    assertThat(a.name()).isEqualTo("web");
    assertThat(WithAuthorization.exactName("status.phase=Running,metadata.name==db")).isEqualTo("db");
  }

  @Test
  void aDenialIsForbiddenWithTheResourceAndTheReason() {
    WithAuthorization filter = new WithAuthorization(a -> AuthorizationResult.deny("no way"));
    assertThatThrownBy(() -> filter.authorize(request("GET", "/api/v1/namespaces/dev/pods", ""), JANE))
        .isInstanceOfSatisfying(StatusException.class, e -> {
          assertThat(e.code()).isEqualTo(403);
          assertThat(e.getMessage()).isEqualTo("pods is forbidden: User \"jane\" cannot list resource \"pods\" in API "
              + "group \"\" in the namespace \"dev\": no way");
        });
  }

  @Test
  void aDeniedPathIsForbiddenWithoutAResource() {
    WithAuthorization filter = new WithAuthorization(a -> AuthorizationResult.NO_OPINION);
    assertThatThrownBy(() -> filter.authorize(request("GET", "/metrics", ""), JANE))
        .isInstanceOfSatisfying(StatusException.class,
            e -> assertThat(e.getMessage()).isEqualTo("forbidden: User \"jane\" cannot get path \"/metrics\""));
  }

  @Test
  void anAllowedRequestGoesOn() {
    new WithAuthorization(a -> AuthorizationResult.allow(""))
        .authorize(request("POST", "/api/v1/namespaces/dev/pods", ""), JANE);
  }

  private static ApiRequest request(String method, String path, String query) {
    io.netty.handler.codec.http.QueryStringDecoder qs =
        new io.netty.handler.codec.http.QueryStringDecoder(path + (query.isEmpty() ? "" : "?" + query));
    return new ApiRequest(method, path, qs.parameters(), Map.of(), new byte[0], Optional.of(JANE));
  }
}
