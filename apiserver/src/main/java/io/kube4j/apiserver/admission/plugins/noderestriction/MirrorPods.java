package io.kube4j.apiserver.admission.plugins.noderestriction;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.api.GroupResource;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.authorization.node.PodReferences;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The only pods a node may create: mirror pods of its static pods, bound to itself, owned by its
 * Node, and using no other API object (no service account, secret, configmap or claim), so a
 * node cannot reach what the node authorizer would not let it read.
 */
final class MirrorPods {

  private MirrorPods() {}

  static void admitCreate(String nodeName, Attributes a, Function<String, Optional<Node>> nodes) {
    Pod pod = (Pod) a.object().orElseThrow();
    Map<String, String> annotations = pod.getMetadata().getAnnotations() == null ? Map.of()
        : pod.getMetadata().getAnnotations();
    if (!annotations.containsKey("kubernetes.io/config.mirror")) {
      throw NodeRestriction.forbidden(a, "pod does not have \"kubernetes.io/config.mirror\" annotation, node \""
          + nodeName + "\" can only create mirror pods");
    }
    if (!nodeName.equals(pod.getSpec() == null ? null : pod.getSpec().getNodeName())) {
      throw NodeRestriction.forbidden(a, "node \"" + nodeName + "\" can only create pods with spec.nodeName set to itself");
    }
    checkOwner(nodeName, a, pod, nodes);
    String sa = pod.getSpec().getServiceAccountName();
    if (sa != null && !sa.isEmpty()) {
      throw NodeRestriction.forbidden(a, "node \"" + nodeName + "\" can not create pods that reference a service account");
    }
    PodReferences refs = PodReferences.of(pod);
    if (!refs.secrets().isEmpty()) {
      throw NodeRestriction.forbidden(a, "node \"" + nodeName + "\" can not create pods that reference secrets");
    }
    if (!refs.configMaps().isEmpty()) {
      throw NodeRestriction.forbidden(a, "node \"" + nodeName + "\" can not create pods that reference configmaps");
    }
    boolean claims = pod.getSpec().getVolumes() != null
        && pod.getSpec().getVolumes().stream().anyMatch(v -> v.getPersistentVolumeClaim() != null);
    if (claims) {
      throw NodeRestriction.forbidden(a, "node \"" + nodeName
          + "\" can not create pods that reference persistentvolumeclaims");
    }
  }

  private static void checkOwner(String nodeName, Attributes a, Pod pod, Function<String, Optional<Node>> nodes) {
    List<OwnerReference> owners = pod.getMetadata().getOwnerReferences() == null ? List.of()
        : pod.getMetadata().getOwnerReferences();
    if (owners.size() > 1) {
      throw NodeRestriction.forbidden(a, "node \"" + nodeName
          + "\" can only create pods with a single owner reference set to itself");
    }
    if (owners.isEmpty()) {
      throw NodeRestriction.forbidden(a, "node \"" + nodeName
          + "\" can only create pods with an owner reference set to itself");
    }
    OwnerReference owner = owners.get(0);
    if (!"v1".equals(owner.getApiVersion()) || !"Node".equals(owner.getKind()) || !nodeName.equals(owner.getName())) {
      throw NodeRestriction.forbidden(a, "node \"" + nodeName
          + "\" can only create pods with an owner reference set to itself");
    }
    if (!Boolean.TRUE.equals(owner.getController())) {
      throw NodeRestriction.forbidden(a, "node \"" + nodeName
          + "\" can only create pods with a controller owner reference set to itself");
    }
    if (Boolean.TRUE.equals(owner.getBlockOwnerDeletion())) {
      throw NodeRestriction.forbidden(a, "node \"" + nodeName + "\" must not set blockOwnerDeletion on an owner reference");
    }
    Node node = nodes.apply(nodeName)
        .orElseThrow(() -> StatusException.notFound(GroupResource.of("", "nodes"), nodeName));
    if (!node.getMetadata().getUid().equals(owner.getUid())) {
      throw NodeRestriction.forbidden(a, "node " + nodeName + " UID mismatch: expected " + owner.getUid() + " got "
          + node.getMetadata().getUid());
    }
  }
}
