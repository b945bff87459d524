package io.kube4j.apiserver.authorization.node;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretReference;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one pod uses, by name in its namespace: the graph's edges from a pod
 * ({@code VisitPodSecretNames}, {@code VisitPodConfigmapNames} upstream, and the claims of its
 * volumes).
 */
public record PodReferences(String namespace, String name, String nodeName, String serviceAccount,
    Set<String> secrets, Set<String> configMaps, Set<String> claims) {

  public static PodReferences of(Pod pod) {
    PodSpec spec = pod.getSpec() == null ? new PodSpec() : pod.getSpec();
    Set<String> secrets = new TreeSet<>();
    Set<String> configMaps = new TreeSet<>();
    Set<String> claims = new TreeSet<>();
    for (LocalObjectReference r : nonNull(spec.getImagePullSecrets())) {
      add(secrets, r.getName());
    }
    for (Container c : containers(spec)) {
      for (EnvFromSource from : nonNull(c.getEnvFrom())) {
        if (from.getSecretRef() != null) {
          add(secrets, from.getSecretRef().getName());
        }
        if (from.getConfigMapRef() != null) {
          add(configMaps, from.getConfigMapRef().getName());
        }
      }
      for (EnvVar e : nonNull(c.getEnv())) {
        if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
          add(secrets, e.getValueFrom().getSecretKeyRef().getName());
        }
        if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null) {
          add(configMaps, e.getValueFrom().getConfigMapKeyRef().getName());
        }
      }
    }
    String podName = pod.getMetadata().getName();
    for (Volume v : nonNull(spec.getVolumes())) {
      volume(v, podName, secrets, configMaps, claims);
    }
    String sa = spec.getServiceAccountName() == null || spec.getServiceAccountName().isEmpty()
        ? "default" : spec.getServiceAccountName();
    String ns = pod.getMetadata().getNamespace() == null ? "" : pod.getMetadata().getNamespace();
    String node = spec.getNodeName() == null ? "" : spec.getNodeName();
    return new PodReferences(ns, podName, node, sa, Set.copyOf(secrets), Set.copyOf(configMaps), Set.copyOf(claims));
  }

  private static void volume(Volume v, String podName, Set<String> secrets, Set<String> configMaps,
      Set<String> claims) {
    if (v.getSecret() != null) {
      add(secrets, v.getSecret().getSecretName());
    }
    if (v.getConfigMap() != null) {
      add(configMaps, v.getConfigMap().getName());
    }
    if (v.getPersistentVolumeClaim() != null) {
      add(claims, v.getPersistentVolumeClaim().getClaimName());
    }
    if (v.getEphemeral() != null) {
      // a generic ephemeral volume's claim is named <pod>-<volume>
      add(claims, podName + "-" + v.getName());
    }
    if (v.getProjected() != null) {
      for (VolumeProjection p : nonNull(v.getProjected().getSources())) {
        if (p.getSecret() != null) {
          add(secrets, p.getSecret().getName());
        }
        if (p.getConfigMap() != null) {
          add(configMaps, p.getConfigMap().getName());
        }
      }
    }
    // volume plugins that name a secret for their credentials
    if (v.getAzureFile() != null) {
      add(secrets, v.getAzureFile().getSecretName());
    }
    if (v.getCephfs() != null && v.getCephfs().getSecretRef() != null) {
      add(secrets, v.getCephfs().getSecretRef().getName());
    }
    if (v.getCinder() != null && v.getCinder().getSecretRef() != null) {
      add(secrets, v.getCinder().getSecretRef().getName());
    }
    if (v.getFlexVolume() != null && v.getFlexVolume().getSecretRef() != null) {
      add(secrets, v.getFlexVolume().getSecretRef().getName());
    }
    if (v.getRbd() != null && v.getRbd().getSecretRef() != null) {
      add(secrets, v.getRbd().getSecretRef().getName());
    }
    if (v.getScaleIO() != null && v.getScaleIO().getSecretRef() != null) {
      add(secrets, v.getScaleIO().getSecretRef().getName());
    }
    if (v.getIscsi() != null && v.getIscsi().getSecretRef() != null) {
      add(secrets, v.getIscsi().getSecretRef().getName());
    }
    if (v.getStorageos() != null && v.getStorageos().getSecretRef() != null) {
      add(secrets, v.getStorageos().getSecretRef().getName());
    }
    if (v.getCsi() != null && v.getCsi().getNodePublishSecretRef() != null) {
      add(secrets, v.getCsi().getNodePublishSecretRef().getName());
    }
  }

  private static List<Container> containers(PodSpec spec) {
    List<Container> all = new ArrayList<>(nonNull(spec.getInitContainers()));
    all.addAll(nonNull(spec.getContainers()));
    for (var e : nonNull(spec.getEphemeralContainers())) {
      Container c = new Container();
      c.setEnv(e.getEnv());
      c.setEnvFrom(e.getEnvFrom());
      all.add(c);
    }
    return all;
  }

  /** A secret reference of a persistent volume, which may name another namespace. */
  static String key(SecretReference r, String defaultNamespace) {
    String ns = r.getNamespace() == null || r.getNamespace().isEmpty() ? defaultNamespace : r.getNamespace();
    return ns + "/" + r.getName();
  }

  private static void add(Set<String> into, String name) {
    if (name != null && !name.isEmpty()) {
      into.add(name);
    }
  }

  private static <T> List<T> nonNull(List<T> l) {
    return l == null ? List.of() : l;
  }
}
