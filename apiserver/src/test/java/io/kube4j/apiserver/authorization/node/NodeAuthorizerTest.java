package io.kube4j.apiserver.authorization.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kube4j.apiserver.authn.UserInfo;
import io.kube4j.apiserver.authorization.AuthorizationAttributes;
import io.kube4j.apiserver.authorization.AuthorizationResult;
import io.kube4j.apiserver.authorization.Decision;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeAuthorizerTest {

  private static final UserInfo N1 = node("n1");

  private final Map<String, PersistentVolumeClaim> claims = Map.of("dev/data", new PersistentVolumeClaimBuilder()
      .withNewMetadata().withName("data").withNamespace("dev").endMetadata()
      .withNewSpec().withVolumeName("pv-1").endSpec().build());
  private final Map<String, PersistentVolume> volumes = Map.of("pv-1", new PersistentVolumeBuilder()
      .withNewMetadata().withName("pv-1").endMetadata()
      .withNewSpec().withNewCsi().withDriver("d").withVolumeHandle("h")
      .withNewNodePublishSecretRef().withName("csi-creds").withNamespace("storage").endNodePublishSecretRef()
      .endCsi().endSpec().build());
  private final NodeGraph graph = new NodeGraph((ns, n) -> Optional.ofNullable(claims.get(ns + "/" + n)),
      n -> Optional.ofNullable(volumes.get(n)));
  // the static node rules: nodes may get nodes (enough to tell them apart from the graph)
  private final NodeAuthorizer authorizer = new NodeAuthorizer(graph,
      a -> a.resource().equals("nodes") && a.verb().equals("get") ? AuthorizationResult.allow("")
          : AuthorizationResult.NO_OPINION);

  @BeforeEach
  void bindAPodToN1() {
    graph.podChanged("dev", "web", Optional.of(pod("web", "n1")));
    graph.podChanged("dev", "other", Optional.of(pod("other", "n2")));
  }

  static Stream<Arguments> requests() {
    return Stream.of(
        Arguments.of("its pod's secret volume", "get", "", "secrets", "", "dev", "app-secret", Decision.ALLOW),
        Arguments.of("its pod's env secret, watched by name", "watch", "", "secrets", "", "dev", "env-secret",
            Decision.ALLOW),
        Arguments.of("its pod's image pull secret", "get", "", "secrets", "", "dev", "pull", Decision.ALLOW),
        Arguments.of("another node's pod's secret", "get", "", "secrets", "", "dev", "other-secret",
            Decision.NO_OPINION),
        Arguments.of("a secret nobody uses", "get", "", "secrets", "", "dev", "unused", Decision.NO_OPINION),
        Arguments.of("the same name in another namespace", "get", "", "secrets", "", "prod", "app-secret",
            Decision.NO_OPINION),
        Arguments.of("a list of every secret", "list", "", "secrets", "", "dev", "", Decision.NO_OPINION),
        Arguments.of("writing its pod's secret", "update", "", "secrets", "", "dev", "app-secret",
            Decision.NO_OPINION),
        Arguments.of("its pod's configmap", "get", "", "configmaps", "", "dev", "settings", Decision.ALLOW),
        Arguments.of("its pod's claim", "get", "", "persistentvolumeclaims", "", "dev", "data", Decision.ALLOW),
        Arguments.of("the volume bound to its claim", "get", "", "persistentvolumes", "", "", "pv-1",
            Decision.ALLOW),
        Arguments.of("that volume's CSI secret", "get", "", "secrets", "", "storage", "csi-creds", Decision.ALLOW),
        Arguments.of("a token for its pod's service account", "create", "", "serviceaccounts", "token", "dev",
            "web-sa", Decision.ALLOW),
        Arguments.of("a token for another service account", "create", "", "serviceaccounts", "token", "dev",
            "default", Decision.NO_OPINION),
        Arguments.of("its own lease", "update", "coordination.k8s.io", "leases", "", "kube-node-lease", "n1",
            Decision.ALLOW),
        Arguments.of("another node's lease", "update", "coordination.k8s.io", "leases", "", "kube-node-lease", "n2",
            Decision.NO_OPINION),
        Arguments.of("a lease elsewhere", "get", "coordination.k8s.io", "leases", "", "default", "n1",
            Decision.NO_OPINION),
        Arguments.of("what the node rules allow", "get", "", "nodes", "", "", "n2", Decision.ALLOW),
        Arguments.of("what the node rules do not allow", "delete", "", "nodes", "", "", "n2", Decision.NO_OPINION));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void aNodeReachesOnlyWhatItsPodsUse(String name, String verb, String group, String resource, String sub,
      String ns, String object, Decision expected) {
    AuthorizationAttributes a = AuthorizationAttributes.resource(N1, verb, ns, group, "v1", resource, sub, object);
    assertThat(authorizer.authorize(a).decision()).isEqualTo(expected);
  }

  @Test
  void saysWhyItHasNoOpinion() {
    AuthorizationResult r = authorizer.authorize(
        AuthorizationAttributes.resource(N1, "get", "dev", "", "v1", "secrets", "", "unused"));
    assertThat(r.reason()).isEqualTo("no relationship found between node 'n1' and this object");
  }

  @Test
  void theGraphFollowsAPodMovingAndGoingAway() {
    AuthorizationAttributes secret = AuthorizationAttributes.resource(node("n2"), "get", "dev", "", "v1", "secrets",
        "", "app-secret");
    assertThat(authorizer.authorize(secret).decision()).isEqualTo(Decision.NO_OPINION);
    graph.podChanged("dev", "web", Optional.of(pod("web", "n2")));
    assertThat(authorizer.authorize(secret).decision()).isEqualTo(Decision.ALLOW);
    graph.podChanged("dev", "web", Optional.empty());
    assertThat(authorizer.authorize(secret).decision()).isEqualTo(Decision.NO_OPINION);
    assertThat(graph.podCount("n1")).isZero();
  }

  @Test
  void anyoneButANodeGetsNoOpinion() {
    UserInfo impostor = new UserInfo("system:node:n1", "", List.of("system:authenticated"), Map.of());
    assertThat(authorizer.authorize(AuthorizationAttributes.resource(impostor, "get", "dev", "", "v1", "secrets", "",
        "app-secret")).decision()).isEqualTo(Decision.NO_OPINION);
  }

  private static UserInfo node(String name) {
    return new UserInfo("system:node:" + name, "", List.of("system:nodes", "system:authenticated"), Map.of());
  }

  private static Pod pod(String name, String node) {
    String secret = name.equals("web") ? "app-secret" : "other-secret";
    return new PodBuilder().withNewMetadata().withName(name).withNamespace("dev").endMetadata()
        .withNewSpec().withNodeName(node).withServiceAccountName(name + "-sa")
        .addNewImagePullSecret("pull")
        .addNewContainer().withName("c").withImage("i")
        .addNewEnv().withName("E").withNewValueFrom().withNewSecretKeyRef("k", "env-secret", false).endValueFrom()
        .endEnv().endContainer()
        .addNewVolume().withName("s").withNewSecret().withSecretName(secret).endSecret().endVolume()
        .addNewVolume().withName("c").withNewConfigMap().withName("settings").endConfigMap().endVolume()
        .addNewVolume().withName("d").withNewPersistentVolumeClaim("data", false).endVolume()
        .endSpec().build();
  }
}
