package io.kube4j.controllermanager.garbagecollector;

import static io.kube4j.controllermanager.garbagecollector.GraphObjects.configMap;
import static io.kube4j.controllermanager.garbagecollector.GraphObjects.secret;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferencesTest {

  private final OwnerReference a = configMap("ns", "a").ref(false);
  private final OwnerReference b = configMap("ns", "b").ref(false);
  private final OwnerReference c = configMap("ns", "c").ref(true);

  @Test
  void diffMatchesReferencesByUid() {
    OwnerReference bBlocking = configMap("ns", "b").ref(true);

    References.Diff d = References.diff(List.of(a, b), List.of(bBlocking, c));

    assertThat(d.added()).containsExactly(c);
    assertThat(d.removed()).containsExactly(a);
    assertThat(d.changed()).containsExactly(new References.Changed(b, bBlocking));
    assertThat(References.diff(List.of(a, b), List.of(b, a)).isEmpty()).isTrue();
  }

  @Test
  void partitionSplitsDependentsByWhetherTheyNameTheOwnerAsItIs() {
    GraphObjects.Meta owner = configMap("ns", "owner");
    Node right = node(configMap("ns", "right").ownedBy(owner));
    Node wrongKind = node(configMap("ns", "wrong-kind").ownedBy(secret("ns", "owner").uid(owner.uid()).ref(false)));
    Node otherNamespace = node(configMap("other", "elsewhere").ownedBy(owner));

    References.Partition p = References.partitionDependents(List.of(right, wrongKind, otherNamespace),
        owner.identity());

    assertThat(p.matching()).containsExactly(right);
    assertThat(p.nonMatching()).containsExactly(wrongKind, otherNamespace);
  }

  @Test
  void aClusterScopedOwnerMatchesDependentsInAnyNamespace() {
    GraphObjects.Meta role = GraphObjects.clusterRole("role");
    Node dep = node(configMap("any", "cm").ownedBy(role));

    assertThat(References.partitionDependents(List.of(dep), role.identity()).matching()).containsExactly(dep);
  }

  @Test
  void theAlternateIdentityIsTheNextInOrderThenWrapsAround() {
    GraphObjects.Meta asConfigMap = configMap("ns", "owner");
    String uid = asConfigMap.uid();
    GraphObjects.Meta asPod = new GraphObjects.Meta("v1", "Pod", "ns", "owner").uid(uid);
    GraphObjects.Meta asSecret = secret("ns", "owner").uid(uid);
    List<Node> deps = List.of(node(configMap("ns", "d1").ownedBy(asConfigMap)), node(configMap("ns", "d2")
        .ownedBy(asPod)), node(configMap("ns", "d3").ownedBy(asSecret)));

    // kinds in order: ConfigMap < Pod < Secret
    assertThat(References.alternateOwnerIdentity(deps, asConfigMap.identity())).contains(asPod.identity());
    assertThat(References.alternateOwnerIdentity(deps, asPod.identity())).contains(asSecret.identity());
    assertThat(References.alternateOwnerIdentity(deps, asSecret.identity())).contains(asConfigMap.identity());
    assertThat(References.alternateOwnerIdentity(List.of(deps.get(0)), asConfigMap.identity())).isEmpty();
  }

  private static Node node(GraphObjects.Meta meta) {
    return Node.observed(meta.identity(), meta.build());
  }
}
