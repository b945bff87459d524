package io.kube4j.apiserver.registry.core.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The v1 defaults of pods and pod templates, in the order the generated {@code SetObjectDefaults_Pod}
 * applies them: {@code SetDefaults_Pod} (requests from limits, service links, host ports), then
 * {@code SetDefaults_PodSpec} (restart and DNS policy, grace period, scheduler), then every volume,
 * container, port, probe and handler. Templates get all but the pod-only part, so a Deployment stores no
 * requests it did not ask for.
 */
public final class PodDefaults {

  /** {@code v1.DefaultTerminationGracePeriodSeconds}. */
  public static final long DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
  /** {@code v1.DefaultSchedulerName}. */
  public static final String DEFAULT_SCHEDULER_NAME = "default-scheduler";
  /** 0644: the mode of files projected from secrets, config maps, the downward API. */
  public static final int DEFAULT_FILE_MODE = 0644;

  private PodDefaults() {}

  /** {@code SetObjectDefaults_Pod}. */
  public static void applyPodDefaults(Pod pod) {
    PodSpec spec = pod.getSpec();
    if (spec == null) {
      spec = new PodSpec();
      pod.setSpec(spec);
    }
    requestsFromLimits(spec.getContainers());
    requestsFromLimits(spec.getInitContainers());
    if (spec.getEnableServiceLinks() == null) {
      spec.setEnableServiceLinks(true);
    }
    if (Boolean.TRUE.equals(spec.getHostNetwork())) {
      hostPortsFromContainerPorts(spec.getContainers());
      hostPortsFromContainerPorts(spec.getInitContainers());
    }
    applyPodSpecDefaults(spec);
    normalizeStatusIPs(pod.getStatus());
  }

  /**
   * What v1 conversion does with the singular and plural IP fields of a pod's status: {@code podIP} wins
   * when both are set and differ (older kubelets write only {@code podIP}), and on the way out
   * {@code podIP} is {@code podIPs[0]}; the same for {@code hostIP}/{@code hostIPs}.
   */
  public static void normalizeStatusIPs(io.fabric8.kubernetes.api.model.PodStatus status) {
    if (status == null) {
      return;
    }
    String podIP = status.getPodIP();
    var podIPs = status.getPodIPs();
    if (!isEmpty(podIP) && (podIPs == null || podIPs.isEmpty() || !podIP.equals(podIPs.get(0).getIp()))) {
      status.setPodIPs(new java.util.ArrayList<>(List.of(new io.fabric8.kubernetes.api.model.PodIP(podIP))));
    } else if (isEmpty(podIP) && podIPs != null && !podIPs.isEmpty()) {
      status.setPodIP(podIPs.get(0).getIp());
    }
    String hostIP = status.getHostIP();
    var hostIPs = status.getHostIPs();
    if (!isEmpty(hostIP) && (hostIPs == null || hostIPs.isEmpty() || !hostIP.equals(hostIPs.get(0).getIp()))) {
      status.setHostIPs(new java.util.ArrayList<>(List.of(new io.fabric8.kubernetes.api.model.HostIP(hostIP))));
    } else if (isEmpty(hostIP) && hostIPs != null && !hostIPs.isEmpty()) {
      status.setHostIP(hostIPs.get(0).getIp());
    }
  }

  /** {@code SetObjectDefaults_PodTemplate} for a template embedded in a workload. */
  public static void applyTemplateDefaults(PodTemplateSpec template) {
    if (template == null) {
      return;
    }
    if (template.getSpec() == null) {
      template.setSpec(new PodSpec());
    }
    applyPodSpecDefaults(template.getSpec());
  }

  /** {@code SetDefaults_PodSpec} and everything nested in a spec. */
  public static void applyPodSpecDefaults(PodSpec spec) {
    if (isEmpty(spec.getDnsPolicy())) {
      spec.setDnsPolicy("ClusterFirst");
    }
    if (isEmpty(spec.getRestartPolicy())) {
      spec.setRestartPolicy("Always");
    }
    if (spec.getSecurityContext() == null) {
      spec.setSecurityContext(new PodSecurityContext());
    }
    if (spec.getTerminationGracePeriodSeconds() == null) {
      spec.setTerminationGracePeriodSeconds(DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS);
    }
    if (isEmpty(spec.getSchedulerName())) {
      spec.setSchedulerName(DEFAULT_SCHEDULER_NAME);
    }
    if (spec.getVolumes() != null) {
      spec.getVolumes().forEach(PodDefaults::applyVolumeDefaults);
    }
    if (spec.getInitContainers() != null) {
      spec.getInitContainers().forEach(PodDefaults::applyContainerDefaults);
    }
    if (spec.getContainers() != null) {
      spec.getContainers().forEach(PodDefaults::applyContainerDefaults);
    }
    if (spec.getEphemeralContainers() != null) {
      spec.getEphemeralContainers().forEach(PodDefaults::applyEphemeralContainerDefaults);
    }
  }

  /** {@code SetDefaults_Container} plus its ports, env, probes and hooks. */
  public static void applyContainerDefaults(Container c) {
    if (isEmpty(c.getImagePullPolicy())) {
      c.setImagePullPolicy(defaultPullPolicy(c.getImage()));
    }
    if (isEmpty(c.getTerminationMessagePath())) {
      c.setTerminationMessagePath("/dev/termination-log");
    }
    if (isEmpty(c.getTerminationMessagePolicy())) {
      c.setTerminationMessagePolicy("File");
    }
    portDefaults(c.getPorts());
    envDefaults(c.getEnv());
    lifecycleDefaults(c.getLifecycle());
    probeDefaults(c.getLivenessProbe());
    probeDefaults(c.getReadinessProbe());
    probeDefaults(c.getStartupProbe());
  }

  private static void applyEphemeralContainerDefaults(EphemeralContainer c) {
    if (isEmpty(c.getImagePullPolicy())) {
      c.setImagePullPolicy(defaultPullPolicy(c.getImage()));
    }
    if (isEmpty(c.getTerminationMessagePath())) {
      c.setTerminationMessagePath("/dev/termination-log");
    }
    if (isEmpty(c.getTerminationMessagePolicy())) {
      c.setTerminationMessagePolicy("File");
    }
    portDefaults(c.getPorts());
    envDefaults(c.getEnv());
    lifecycleDefaults(c.getLifecycle());
    probeDefaults(c.getLivenessProbe());
    probeDefaults(c.getReadinessProbe());
    probeDefaults(c.getStartupProbe());
  }

  /**
   * {@code Always} for an image tagged {@code latest} or not tagged at all, else {@code IfNotPresent}; an
   * image pinned by digest alone counts as tagged ({@code parsers.ParseImageName}).
   */
  public static String defaultPullPolicy(String image) {
    if (image == null) {
      return "Always";
    }
    String name = image;
    boolean hasDigest = false;
    int at = name.indexOf('@');
    if (at >= 0) {
      hasDigest = true;
      name = name.substring(0, at);
    }
    int slash = name.lastIndexOf('/');
    int colon = name.lastIndexOf(':');
    String tag = colon > slash ? name.substring(colon + 1) : "";
    if (tag.isEmpty() && !hasDigest) {
      tag = "latest";
    }
    return tag.equals("latest") ? "Always" : "IfNotPresent";
  }

  /** {@code SetDefaults_Volume} and the per-source defaults of the generated defaulters. */
  static void applyVolumeDefaults(Volume v) {
    if (noSource(v)) {
      v.setEmptyDir(new EmptyDirVolumeSource());
    }
    if (v.getHostPath() != null && v.getHostPath().getType() == null) {
      v.getHostPath().setType("");
    }
    if (v.getSecret() != null && v.getSecret().getDefaultMode() == null) {
      v.getSecret().setDefaultMode(DEFAULT_FILE_MODE);
    }
    if (v.getConfigMap() != null && v.getConfigMap().getDefaultMode() == null) {
      v.getConfigMap().setDefaultMode(DEFAULT_FILE_MODE);
    }
    if (v.getDownwardAPI() != null) {
      if (v.getDownwardAPI().getDefaultMode() == null) {
        v.getDownwardAPI().setDefaultMode(DEFAULT_FILE_MODE);
      }
      downwardFileDefaults(v.getDownwardAPI().getItems());
    }
    if (v.getProjected() != null) {
      if (v.getProjected().getDefaultMode() == null) {
        v.getProjected().setDefaultMode(DEFAULT_FILE_MODE);
      }
      if (v.getProjected().getSources() != null) {
        for (VolumeProjection s : v.getProjected().getSources()) {
          if (s.getDownwardAPI() != null) {
            downwardFileDefaults(s.getDownwardAPI().getItems());
          }
          if (s.getServiceAccountToken() != null && s.getServiceAccountToken().getExpirationSeconds() == null) {
            s.getServiceAccountToken().setExpirationSeconds(3600L);
          }
        }
      }
    }
    if (v.getIscsi() != null && v.getIscsi().getIscsiInterface() == null) {
      v.getIscsi().setIscsiInterface("default");
    }
    if (v.getRbd() != null) {
      if (v.getRbd().getPool() == null) {
        v.getRbd().setPool("rbd");
      }
      if (v.getRbd().getUser() == null) {
        v.getRbd().setUser("admin");
      }
      if (v.getRbd().getKeyring() == null) {
        v.getRbd().setKeyring("/etc/ceph/keyring");
      }
    }
    if (v.getAzureDisk() != null) {
      if (v.getAzureDisk().getCachingMode() == null) {
        v.getAzureDisk().setCachingMode("ReadWrite");
      }
      if (v.getAzureDisk().getFsType() == null) {
        v.getAzureDisk().setFsType("ext4");
      }
      if (v.getAzureDisk().getReadOnly() == null) {
        v.getAzureDisk().setReadOnly(false);
      }
      if (v.getAzureDisk().getKind() == null) {
        v.getAzureDisk().setKind("Shared");
      }
    }
    if (v.getScaleIO() != null) {
      if (v.getScaleIO().getStorageMode() == null) {
        v.getScaleIO().setStorageMode("ThinProvisioned");
      }
      if (v.getScaleIO().getFsType() == null) {
        v.getScaleIO().setFsType("xfs");
      }
    }
    if (v.getEphemeral() != null && v.getEphemeral().getVolumeClaimTemplate() != null
        && v.getEphemeral().getVolumeClaimTemplate().getSpec() != null
        && v.getEphemeral().getVolumeClaimTemplate().getSpec().getVolumeMode() == null) {
      v.getEphemeral().getVolumeClaimTemplate().getSpec().setVolumeMode("Filesystem");
    }
  }

  private static boolean noSource(Volume v) {
    return v.getEmptyDir() == null && v.getHostPath() == null && v.getGitRepo() == null
        && v.getGcePersistentDisk() == null && v.getAwsElasticBlockStore() == null && v.getSecret() == null
        && v.getNfs() == null && v.getIscsi() == null && v.getGlusterfs() == null && v.getFlocker() == null
        && v.getPersistentVolumeClaim() == null && v.getRbd() == null && v.getCinder() == null
        && v.getCephfs() == null && v.getQuobyte() == null && v.getDownwardAPI() == null && v.getFc() == null
        && v.getFlexVolume() == null && v.getConfigMap() == null && v.getAzureFile() == null
        && v.getVsphereVolume() == null && v.getPhotonPersistentDisk() == null && v.getPortworxVolume() == null
        && v.getAzureDisk() == null && v.getStorageos() == null && v.getProjected() == null
        && v.getScaleIO() == null && v.getCsi() == null && v.getEphemeral() == null && v.getImage() == null;
  }

  private static void downwardFileDefaults(List<DownwardAPIVolumeFile> items) {
    if (items != null) {
      items.forEach(f -> fieldSelectorDefaults(f.getFieldRef()));
    }
  }

  private static void fieldSelectorDefaults(ObjectFieldSelector fs) {
    if (fs != null && isEmpty(fs.getApiVersion())) {
      fs.setApiVersion("v1");
    }
  }

  private static void portDefaults(List<ContainerPort> ports) {
    if (ports != null) {
      ports.stream().filter(p -> isEmpty(p.getProtocol())).forEach(p -> p.setProtocol("TCP"));
    }
  }

  private static void envDefaults(List<EnvVar> env) {
    if (env != null) {
      env.stream().filter(e -> e.getValueFrom() != null).forEach(e -> fieldSelectorDefaults(e.getValueFrom().getFieldRef()));
    }
  }

  private static void lifecycleDefaults(Lifecycle lifecycle) {
    if (lifecycle == null) {
      return;
    }
    for (LifecycleHandler h : new LifecycleHandler[] {lifecycle.getPostStart(), lifecycle.getPreStop()}) {
      if (h != null) {
        httpGetDefaults(h.getHttpGet());
      }
    }
  }

  /** {@code SetDefaults_Probe}: timeout 1s, period 10s, success 1, failure 3. */
  private static void probeDefaults(Probe p) {
    if (p == null) {
      return;
    }
    if (p.getTimeoutSeconds() == null || p.getTimeoutSeconds() == 0) {
      p.setTimeoutSeconds(1);
    }
    if (p.getPeriodSeconds() == null || p.getPeriodSeconds() == 0) {
      p.setPeriodSeconds(10);
    }
    if (p.getSuccessThreshold() == null || p.getSuccessThreshold() == 0) {
      p.setSuccessThreshold(1);
    }
    if (p.getFailureThreshold() == null || p.getFailureThreshold() == 0) {
      p.setFailureThreshold(3);
    }
    httpGetDefaults(p.getHttpGet());
    if (p.getGrpc() != null && p.getGrpc().getService() == null) {
      p.getGrpc().setService("");
    }
  }

  private static void httpGetDefaults(HTTPGetAction a) {
    if (a == null) {
      return;
    }
    if (isEmpty(a.getPath())) {
      a.setPath("/");
    }
    if (isEmpty(a.getScheme())) {
      a.setScheme("HTTP");
    }
  }

  /** A container with limits but no request for a resource requests its limit ({@code SetDefaults_Pod}). */
  private static void requestsFromLimits(List<Container> containers) {
    if (containers == null) {
      return;
    }
    for (Container c : containers) {
      if (c.getResources() == null || c.getResources().getLimits() == null || c.getResources().getLimits().isEmpty()) {
        continue;
      }
      Map<String, Quantity> requests = c.getResources().getRequests() == null ? new LinkedHashMap<>()
          : new LinkedHashMap<>(c.getResources().getRequests());
      c.getResources().getLimits().forEach((k, v) -> requests.putIfAbsent(k, new Quantity(v.getAmount(), v.getFormat())));
      c.getResources().setRequests(requests);
    }
  }

  private static void hostPortsFromContainerPorts(List<Container> containers) {
    if (containers == null) {
      return;
    }
    for (Container c : containers) {
      if (c.getPorts() == null) {
        continue;
      }
      for (ContainerPort p : c.getPorts()) {
        if (p.getHostPort() == null || p.getHostPort() == 0) {
          p.setHostPort(p.getContainerPort());
        }
      }
    }
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
