package io.kube4j.agent.kuberuntime;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceFieldSelector;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's environment, after kubelet's {@code makeEnvironmentVariables}
 * ({@code kubelet_pods.go}): envFrom sources first, then {@code env} in order, each literal value
 * expanded against the variables defined before it; valueFrom reads ConfigMaps, Secrets, the
 * pod's own fields and its resources. Later definitions of a name win. Keys that are not valid
 * variable names are skipped from envFrom and reported in {@link Result#skipped()}.
 */
public final class EnvironmentVariables {

  /** Kubernetes 1.32+ (RelaxedEnvironmentVariableValidation): any printable ASCII but "=". */
  private static final Pattern ENV_VAR_NAME = Pattern.compile("[\\x20-\\x3c\\x3e-\\x7e]+");
  private static final Pattern MAP_KEY = Pattern.compile("metadata\\.(labels|annotations)\\['(.+)'\\]");

  /** The variables (in definition order) and the envFrom keys left out as invalid names. */
  public record Result(Map<String, String> env, List<String> skipped) {}

  /** What the pod's status and the node contribute: the pod's and host's IPs, the node's allocatable. */
  public record PodFacts(List<String> podIps, List<String> hostIps, Map<String, Quantity> nodeAllocatable) {}

  private EnvironmentVariables() {}

  public static Result make(Pod pod, Container container, PodFacts facts, EnvSources sources) {
    Map<String, String> env = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    String ns = pod.getMetadata().getNamespace();
    for (EnvFromSource from : list(container.getEnvFrom())) {
      String prefix = from.getPrefix() == null ? "" : from.getPrefix();
      Map<String, String> values;
      if (from.getConfigMapRef() != null) {
        String name = from.getConfigMapRef().getName();
        Optional<ConfigMap> cm = sources.configMap(ns, name);
        if (cm.isEmpty()) {
          if (Boolean.TRUE.equals(from.getConfigMapRef().getOptional())) {
            continue;
          }
          throw new CreateContainerConfigException("configmap \"" + name + "\" not found");
        }
        values = cm.get().getData() == null ? Map.of() : cm.get().getData();
      } else if (from.getSecretRef() != null) {
        String name = from.getSecretRef().getName();
        Optional<Secret> secret = sources.secret(ns, name);
        if (secret.isEmpty()) {
          if (Boolean.TRUE.equals(from.getSecretRef().getOptional())) {
            continue;
          }
          throw new CreateContainerConfigException("secret \"" + name + "\" not found");
        }
        values = decoded(secret.get());
      } else {
        continue;
      }
      new java.util.TreeMap<>(values).forEach((key, value) -> {
        String k = prefix + key;
        if (ENV_VAR_NAME.matcher(k).matches()) {
          env.put(k, value);
        } else {
          skipped.add(k);
        }
      });
    }
    for (EnvVar var : list(container.getEnv())) {
      String value;
      if (var.getValueFrom() == null) {
        value = Expansion.expand(var.getValue() == null ? "" : var.getValue(), Expansion.mappingFor(env));
      } else {
        Optional<String> resolved = valueFrom(pod, container, var.getValueFrom(), facts, sources);
        if (resolved.isEmpty()) {
          continue;                       // an optional ConfigMap or Secret key that is absent
        }
        value = resolved.get();
      }
      env.put(var.getName(), value);
    }
    return new Result(env, skipped);
  }

  private static Optional<String> valueFrom(Pod pod, Container container, EnvVarSource from, PodFacts facts,
      EnvSources sources) {
    String ns = pod.getMetadata().getNamespace();
    if (from.getFieldRef() != null) {
      return Optional.of(fieldPath(pod, from.getFieldRef(), facts));
    }
    if (from.getResourceFieldRef() != null) {
      return Optional.of(resourceField(container, from.getResourceFieldRef(), facts));
    }
    if (from.getConfigMapKeyRef() != null) {
      var ref = from.getConfigMapKeyRef();
      boolean optional = Boolean.TRUE.equals(ref.getOptional());
      Optional<ConfigMap> cm = sources.configMap(ns, ref.getName());
      if (cm.isEmpty()) {
        if (optional) {
          return Optional.empty();
        }
        throw new CreateContainerConfigException("configmap \"" + ref.getName() + "\" not found");
      }
      String value = cm.get().getData() == null ? null : cm.get().getData().get(ref.getKey());
      if (value == null && !optional) {
        throw new CreateContainerConfigException("couldn't find key " + ref.getKey() + " in ConfigMap " + ns + "/" + ref.getName());
      }
      return Optional.ofNullable(value);
    }
    if (from.getSecretKeyRef() != null) {
      var ref = from.getSecretKeyRef();
      boolean optional = Boolean.TRUE.equals(ref.getOptional());
      Optional<Secret> secret = sources.secret(ns, ref.getName());
      if (secret.isEmpty()) {
        if (optional) {
          return Optional.empty();
        }
        throw new CreateContainerConfigException("secret \"" + ref.getName() + "\" not found");
      }
      String value = decoded(secret.get()).get(ref.getKey());
      if (value == null && !optional) {
        throw new CreateContainerConfigException("couldn't find key " + ref.getKey() + " in Secret " + ns + "/" + ref.getName());
      }
      return Optional.ofNullable(value);
    }
    return Optional.of("");
  }

  /** The downward API's env field paths (kubelet's {@code podFieldSelectorRuntimeValue}). */
  static String fieldPath(Pod pod, ObjectFieldSelector ref, PodFacts facts) {
    String path = ref.getFieldPath();
    Matcher m = MAP_KEY.matcher(path);
    if (m.matches()) {
      Map<String, String> map = m.group(1).equals("labels") ? pod.getMetadata().getLabels() : pod.getMetadata().getAnnotations();
      return map == null ? "" : map.getOrDefault(m.group(2), "");
    }
    return switch (path) {
      case "metadata.name" -> pod.getMetadata().getName();
      case "metadata.namespace" -> pod.getMetadata().getNamespace();
      case "metadata.uid" -> pod.getMetadata().getUid();
      case "spec.nodeName" -> nullToEmpty(pod.getSpec().getNodeName());
      case "spec.serviceAccountName" -> nullToEmpty(pod.getSpec().getServiceAccountName());
      case "status.hostIP" -> facts.hostIps().isEmpty() ? "" : facts.hostIps().get(0);
      case "status.hostIPs" -> String.join(",", facts.hostIps());
      case "status.podIP" -> facts.podIps().isEmpty() ? "" : facts.podIps().get(0);
      case "status.podIPs" -> String.join(",", facts.podIps());
      default -> throw new CreateContainerConfigException("unsupported fieldPath: " + path);
    };
  }

  /**
   * limits.cpu, requests.memory... divided by the divisor and rounded up; a limit the container does
   * not set is the node's allocatable. Worked example: limits.cpu 500m with the default divisor 1
   * gives "1"; with divisor 1m, "500"; limits.memory 64Mi with divisor 1Mi, "64".
   */
  static String resourceField(Container container, ResourceFieldSelector ref, PodFacts facts) {
    String resource = ref.getResource();
    int dot = resource.indexOf('.');
    if (dot < 0) {
      throw new CreateContainerConfigException("unsupported container resource: " + resource);
    }
    String kind = resource.substring(0, dot);
    String name = resource.substring(dot + 1);
    var req = container.getResources();
    Map<String, Quantity> requests = req == null || req.getRequests() == null ? Map.of() : req.getRequests();
    Map<String, Quantity> limits = req == null || req.getLimits() == null ? Map.of() : req.getLimits();
    Quantity q = switch (kind) {
      case "limits" -> limits.getOrDefault(name, facts.nodeAllocatable().get(name));
      case "requests" -> requests.getOrDefault(name, limits.get(name));
      default -> throw new CreateContainerConfigException("unsupported container resource: " + resource);
    };
    Quantity divisor = ref.getDivisor() == null ? new Quantity("1") : ref.getDivisor();
    if (name.equals("cpu")) {
      long divisorMilli = Math.max(1, LinuxResources.milliValue(divisor));
      return Long.toString(ceilDiv(LinuxResources.milliValue(q), divisorMilli));
    }
    long divisorValue = Math.max(1, LinuxResources.value(divisor));
    return Long.toString(ceilDiv(LinuxResources.value(q), divisorValue));
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  private static Map<String, String> decoded(Secret secret) {
    Map<String, String> values = new LinkedHashMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> values.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      values.putAll(secret.getStringData());
    }
    return values;
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
