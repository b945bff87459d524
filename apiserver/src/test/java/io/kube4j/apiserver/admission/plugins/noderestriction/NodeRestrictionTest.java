package io.kube4j.apiserver.admission.plugins.noderestriction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.admission.Attributes.Operation;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.authn.UserInfo;
import io.kube4j.apiserver.registry.ApiResource;
import io.kube4j.apiserver.registry.builtin.BuiltinResources;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeRestrictionTest {

  private static final UserInfo N1 = new UserInfo("system:node:n1", "", List.of("system:nodes"), Map.of());
  private static final ApiResource PODS = BuiltinResources.find("", "pods").orElseThrow();
  private static final ApiResource NODES = BuiltinResources.find("", "nodes").orElseThrow();
  private static final ApiResource LEASES = BuiltinResources.find("coordination.k8s.io", "leases").orElseThrow();

  private final NodeRestriction plugin = new NodeRestriction(
      (ns, name) -> Optional.of(pod(name, name.equals("mine") ? "n1" : "n2", Map.of())),
      name -> Optional.of(node(name, Map.of(), "uid-" + name)));

  static Stream<Arguments> denials() {
    return Stream.of(
        Arguments.of("deleting another node's pod", attrs(Operation.DELETE, PODS, "", "theirs", null, null),
            "pods \"theirs\" is forbidden: node \"n1\" can only delete pods with spec.nodeName set to itself"),
        Arguments.of("updating a pod's spec", attrs(Operation.UPDATE, PODS, "", "mine", pod("mine", "n1", Map.of()),
            pod("mine", "n1", Map.of())), "pods \"mine\" is forbidden: unexpected operation \"UPDATE\", node \"n1\" "
            + "can only create and delete mirror pods"),
        Arguments.of("another node's pod status", attrs(Operation.UPDATE, PODS, "status", "theirs",
            pod("theirs", "n2", Map.of()), pod("theirs", "n2", Map.of())), "pods \"theirs\" is forbidden: node \"n1\" "
            + "can only update pod status for pods with spec.nodeName set to itself"),
        Arguments.of("labels through pod status", attrs(Operation.UPDATE, PODS, "status", "mine",
            pod("mine", "n1", Map.of("a", "b")), pod("mine", "n1", Map.of())), "pods \"mine\" is forbidden: node "
            + "\"n1\" cannot update labels through pod status"),
        Arguments.of("creating an ordinary pod", attrs(Operation.CREATE, PODS, "", "", pod("p", "n1", Map.of()), null),
            "pods \"p\" is forbidden: pod does not have \"kubernetes.io/config.mirror\" annotation, node \"n1\" can "
            + "only create mirror pods"),
        Arguments.of("modifying another node", attrs(Operation.UPDATE, NODES, "", "n2", node("n2", Map.of(), "u"),
            node("n2", Map.of(), "u")), "nodes \"n2\" is forbidden: node \"n1\" is not allowed to modify node \"n2\""),
        Arguments.of("setting a restricted label", attrs(Operation.UPDATE, NODES, "", "n1",
            node("n1", Map.of("node-restriction.kubernetes.io/pool", "gpu"), "u"), node("n1", Map.of(), "u")),
            "nodes \"n1\" is forbidden: is not allowed to modify labels: node-restriction.kubernetes.io/pool"),
        Arguments.of("another node's lease", attrs(Operation.UPDATE, LEASES, "", "n2",
            new LeaseBuilder().withNewMetadata().withName("n2").endMetadata().build(), null),
            "leases.coordination.k8s.io \"n2\" is forbidden: can only access node lease with the same name as the "
            + "requesting node"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("denials")
  void forbidsANodeWhatIsNotItsOwn(String name, Attributes a, String message) {
    assertThatThrownBy(() -> plugin.admit(a)).isInstanceOfSatisfying(StatusException.class, e -> {
      assertThat(e.code()).isEqualTo(403);
      assertThat(e.getMessage()).isEqualTo(message);
    });
  }

  @Test
  void letsANodeWriteWhatIsItsOwn() {
    assertThatCode(() -> plugin.admit(attrs(Operation.DELETE, PODS, "", "mine", null, null))).doesNotThrowAnyException();
    assertThatCode(() -> plugin.admit(attrs(Operation.UPDATE, PODS, "status", "mine", pod("mine", "n1", Map.of()),
        pod("mine", "n1", Map.of())))).doesNotThrowAnyException();
    assertThatCode(() -> plugin.admit(attrs(Operation.UPDATE, NODES, "", "n1",
        node("n1", Map.of("kubernetes.io/hostname", "n1"), "u"), node("n1", Map.of(), "u"))))
        .doesNotThrowAnyException();
    Pod mirror = pod("static-web", "n1", Map.of());
    mirror.getMetadata().setAnnotations(Map.of("kubernetes.io/config.mirror", "hash"));
    mirror.getMetadata().setOwnerReferences(List.of(new io.fabric8.kubernetes.api.model.OwnerReferenceBuilder()
        .withApiVersion("v1").withKind("Node").withName("n1").withUid("uid-n1").withController(true).build()));
    assertThatCode(() -> plugin.admit(attrs(Operation.CREATE, PODS, "", "", mirror, null))).doesNotThrowAnyException();
  }

  @Test
  void leavesEveryoneElseAlone() {
    Attributes a = new Attributes(Operation.DELETE, PODS, "", "dev", "theirs", Optional.empty(), Optional.empty(),
        Optional.of(new UserInfo("jane", "", List.of("dev"), Map.of())), false);
    assertThat(plugin.admit(a)).isSameAs(a);
  }

  private static Attributes attrs(Operation op, ApiResource r, String sub, String name, HasMetadata obj,
      HasMetadata old) {
    String ns = r.namespaced() ? (r == LEASES ? "kube-node-lease" : "dev") : "";
    return new Attributes(op, r, sub, ns, name, Optional.ofNullable(obj), Optional.ofNullable(old), Optional.of(N1),
        false);
  }

  private static Pod pod(String name, String node, Map<String, String> labels) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace("dev").withLabels(labels).endMetadata()
        .withNewSpec().withNodeName(node).addNewContainer().withName("c").withImage("i").endContainer().endSpec()
        .build();
  }

  private static Node node(String name, Map<String, String> labels, String uid) {
    return new NodeBuilder().withNewMetadata().withName(name).withUid(uid).withLabels(labels).endMetadata().build();
  }
}
