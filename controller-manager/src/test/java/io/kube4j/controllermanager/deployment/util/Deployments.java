package io.kube4j.controllermanager.deployment.util;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;

/** Deployments and ReplicaSets for the util tests (as upstream's {@code newDeployment}, {@code newReplicaSet}). */
final class Deployments {

  private Deployments() {}

  static Deployment rolling(int replicas, Object maxSurge, Object maxUnavailable) {
    return new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("default").withGeneration(1L)
        .endMetadata().withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", "web")
        .endSelector().withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
        .withMaxSurge(intOrString(maxSurge)).withMaxUnavailable(intOrString(maxUnavailable)).endRollingUpdate()
        .endStrategy().withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata().withNewSpec()
        .addNewContainer().withName("web").withImage("busybox").endContainer().endSpec().endTemplate().endSpec()
        .build();
  }

  static IntOrString intOrString(Object v) {
    return v instanceof Integer i ? new IntOrString(i) : new IntOrString((String) v);
  }

  /** A ReplicaSet of {@code replicas}, created at minute {@code minute}, annotated with max-replicas if > 0. */
  static ReplicaSet replicaSet(String name, int replicas, int minute, int maxReplicasAnnotation) {
    ReplicaSet rs = new ReplicaSetBuilder().withNewMetadata().withName(name).withNamespace("default").withUid(name)
        .withCreationTimestamp(String.format("2026-01-01T00:%02d:00Z", minute)).endMetadata()
        .withNewSpec().withReplicas(replicas).endSpec().build();
    if (maxReplicasAnnotation > 0) {
      rs.getMetadata().setAnnotations(new java.util.HashMap<>(java.util.Map.of(Revisions.MAX_REPLICAS,
          String.valueOf(maxReplicasAnnotation))));
    }
    return rs;
  }
}
