package io.kube4j.apiserver.authorization.node;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeSpec;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretReference;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The node authorizer's graph ({@code node.Graph} upstream): which pods are bound to each node and
 * what each pod uses. Pods are indexed as they change (the pods watch cache feeds
 * {@link #podChanged}); claims and volumes are looked up when a path through them is asked for,
 * so the graph follows binds, moves and deletions as they happen.
 */
public final class NodeGraph {

  /** The kinds of object a node may be asked to reach. */
  public enum Vertex { SECRET, CONFIGMAP, PERSISTENT_VOLUME_CLAIM, PERSISTENT_VOLUME, SERVICE_ACCOUNT }

  private final Map<String, PodReferences> pods = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> podsByNode = new ConcurrentHashMap<>();
  private final BiFunction<String, String, Optional<PersistentVolumeClaim>> claims;
  private final Function<String, Optional<PersistentVolume>> volumes;

  /**
   * @param claims a claim by namespace and name
   * @param volumes a persistent volume by name
   */
  public NodeGraph(BiFunction<String, String, Optional<PersistentVolumeClaim>> claims,
      Function<String, Optional<PersistentVolume>> volumes) {
    this.claims = claims;
    this.volumes = volumes;
  }

  /** A pod was created, changed or deleted ({@code now} empty). Only bound pods are edges to a node. */
  public synchronized void podChanged(String namespace, String name, Optional<Pod> now) {
    String key = namespace + "/" + name;
    PodReferences before = pods.remove(key);
    if (before != null) {
      Set<String> onNode = podsByNode.get(before.nodeName());
      if (onNode != null) {
        onNode.remove(key);
        if (onNode.isEmpty()) {
          podsByNode.remove(before.nodeName());
        }
      }
    }
    if (now.isPresent()) {
      PodReferences refs = PodReferences.of(now.get());
      if (!refs.nodeName().isEmpty()) {
        pods.put(key, refs);
        podsByNode.computeIfAbsent(refs.nodeName(), n -> ConcurrentHashMap.newKeySet()).add(key);
      }
    }
  }

  /** Forgets every pod, before the pods are replayed. */
  public synchronized void reset() {
    pods.clear();
    podsByNode.clear();
  }

  /** Whether an object of this kind is reachable from the node through the pods bound to it. */
  public boolean hasPath(String nodeName, Vertex type, String namespace, String name) {
    for (String key : podsByNode.getOrDefault(nodeName, Set.of())) {
      PodReferences pod = pods.get(key);
      if (pod != null && reaches(pod, type, namespace, name)) {
        return true;
      }
    }
    return false;
  }

  private boolean reaches(PodReferences pod, Vertex type, String namespace, String name) {
    boolean sameNamespace = pod.namespace().equals(namespace);
    return switch (type) {
      case SECRET -> sameNamespace && pod.secrets().contains(name) || volumeSecrets(pod).contains(namespace + "/" + name);
      case CONFIGMAP -> sameNamespace && pod.configMaps().contains(name);
      case PERSISTENT_VOLUME_CLAIM -> sameNamespace && pod.claims().contains(name);
      case SERVICE_ACCOUNT -> sameNamespace && pod.serviceAccount().equals(name);
      case PERSISTENT_VOLUME -> boundVolumes(pod).contains(name);
    };
  }

  /** node ← pod ← pvc ← pv: the volumes the pod's claims are bound to. */
  private Set<String> boundVolumes(PodReferences pod) {
    Set<String> out = new HashSet<>();
    for (String claim : pod.claims()) {
      claims.apply(pod.namespace(), claim).map(c -> c.getSpec() == null ? null : c.getSpec().getVolumeName())
          .filter(v -> !v.isEmpty()).ifPresent(out::add);
    }
    return out;
  }

  /** node ← pod ← pvc ← pv ← secret: the secrets the bound volumes use, as namespace/name. */
  private Set<String> volumeSecrets(PodReferences pod) {
    Set<String> out = new HashSet<>();
    for (String volume : boundVolumes(pod)) {
      volumes.apply(volume).map(PersistentVolume::getSpec).ifPresent(spec -> addSecrets(spec, out));
    }
    return out;
  }

  private static void addSecrets(PersistentVolumeSpec spec, Set<String> out) {
    if (spec.getCsi() != null) {
      var csi = spec.getCsi();
      for (SecretReference r : new SecretReference[] {csi.getNodePublishSecretRef(), csi.getNodeStageSecretRef(),
          csi.getNodeExpandSecretRef(), csi.getControllerPublishSecretRef(), csi.getControllerExpandSecretRef()}) {
        if (r != null && r.getName() != null) {
          out.add(PodReferences.key(r, ""));
        }
      }
    }
    if (spec.getAzureFile() != null && spec.getAzureFile().getSecretNamespace() != null) {
      out.add(spec.getAzureFile().getSecretNamespace() + "/" + spec.getAzureFile().getSecretName());
    }
    if (spec.getCephfs() != null && spec.getCephfs().getSecretRef() != null) {
      out.add(PodReferences.key(spec.getCephfs().getSecretRef(), ""));
    }
    if (spec.getRbd() != null && spec.getRbd().getSecretRef() != null) {
      out.add(PodReferences.key(spec.getRbd().getSecretRef(), ""));
    }
    if (spec.getIscsi() != null && spec.getIscsi().getSecretRef() != null) {
      out.add(PodReferences.key(spec.getIscsi().getSecretRef(), ""));
    }
  }

  /** How many pods are bound to a node: for tests and the teaching view. */
  public int podCount(String nodeName) {
    return podsByNode.getOrDefault(nodeName, Set.of()).size();
  }
}
