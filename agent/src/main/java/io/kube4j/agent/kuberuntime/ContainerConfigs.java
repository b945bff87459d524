package io.kube4j.agent.kuberuntime;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.kube4j.agent.cri.v1.ContainerConfig;
import io.kube4j.agent.cri.v1.ContainerMetadata;
import io.kube4j.agent.cri.v1.ImageSpec;
import io.kube4j.agent.cri.v1.KeyValue;
import io.kube4j.agent.cri.v1.LinuxContainerConfig;
import io.kube4j.agent.cri.v1.LinuxContainerResources;
import io.kube4j.agent.cri.v1.Mount;
import io.kube4j.agent.cri.v1.MountPropagation;
import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A Pod's container as CRI's ContainerConfig, after kubelet's {@code generateContainerConfig}
 * ({@code kuberuntime_container.go}) and {@code generateLinuxContainerConfig}
 * ({@code kuberuntime_container_linux.go}).
 *
 * <p>Kubernetes' {@code command} replaces the image's ENTRYPOINT and {@code args} its CMD; CRI has
 * the same two fields and the runtime does the combining (command alone drops the image's CMD too;
 * args alone keep the ENTRYPOINT), see
 * https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/.
 */
public final class ContainerConfigs {

  private ContainerConfigs() {}

  /**
   * @param restartCount how many times this container has been restarted: the CRI attempt, the
   *                     log file name, the restartCount annotation
   * @param imageRef     the image as the runtime knows it after the pull (an image id); the spec's
   *                     image goes along as {@code user_specified_image}
   */
  public static ContainerConfig generate(Pod pod, Container container, int restartCount, String imageRef,
      RunContainerOptions opts, NodeFacts node) {
    Function<String, String> mapping = Expansion.mappingFor(opts.env());
    ContainerConfig.Builder config = ContainerConfig.newBuilder()
        .setMetadata(ContainerMetadata.newBuilder().setName(container.getName()).setAttempt(restartCount))
        .setImage(ImageSpec.newBuilder().setImage(imageRef).setUserSpecifiedImage(container.getImage()))
        .addAllCommand(expandAll(container.getCommand(), mapping))
        .addAllArgs(expandAll(container.getArgs(), mapping))
        .setWorkingDir(container.getWorkingDir() == null ? "" : container.getWorkingDir())
        .putAllLabels(Labels.newContainerLabels(container, pod))
        .putAllAnnotations(Labels.newContainerAnnotations(container, pod, restartCount))
        .addAllMounts(mounts(container, opts))
        .setLogPath(containerLogsPath(container.getName(), restartCount))
        .setStdin(Boolean.TRUE.equals(container.getStdin()))
        .setStdinOnce(Boolean.TRUE.equals(container.getStdinOnce()))
        .setTty(Boolean.TRUE.equals(container.getTty()))
        .setLinux(LinuxContainerConfig.newBuilder()
            .setResources(resources(pod, container, node))
            .setSecurityContext(SecurityContexts.forContainer(pod, container, node.seccompDefault())));
    opts.env().forEach((k, v) -> config.addEnvs(KeyValue.newBuilder().setKey(k).setValue(ByteString.copyFromUtf8(v))));
    return config.build();
  }

  /** Relative to the sandbox's log directory: {@code <container>/<restartCount>.log}. */
  public static String containerLogsPath(String containerName, int restartCount) {
    return containerName + "/" + restartCount + ".log";
  }

  /** cgroup settings from requests and limits, plus the OOM score adjustment of the pod's QoS class. */
  static LinuxContainerResources resources(Pod pod, Container container, NodeFacts node) {
    var r = container.getResources();
    LinuxContainerResources base = LinuxResources.calculate(r == null ? null : r.getRequests(),
        r == null ? null : r.getLimits(), node.cpuCfsQuota(), node.cpuCfsQuotaPeriod());
    return base.toBuilder().setOomScoreAdj(Qos.containerOomScoreAdj(pod, container, node.memoryCapacity())).build();
  }

  /**
   * The container's volumeMounts on their volumes' host paths (subPath below it), then the
   * termination-message file and the managed /etc/hosts unless a volume already covers that path.
   */
  static List<Mount> mounts(Container container, RunContainerOptions opts) {
    List<Mount> mounts = new ArrayList<>();
    boolean mountsEtcHosts = false;
    for (VolumeMount vm : container.getVolumeMounts() == null ? List.<VolumeMount>of() : container.getVolumeMounts()) {
      Path host = opts.volumeHostPaths().get(vm.getName());
      if (host == null) {
        throw new CreateContainerConfigException("cannot find volume \"" + vm.getName()
            + "\" to mount into container \"" + container.getName() + "\"");
      }
      String subPath = vm.getSubPathExpr() != null && !vm.getSubPathExpr().isEmpty()
          ? Expansion.expand(vm.getSubPathExpr(), Expansion.mappingFor(opts.env())) : vm.getSubPath();
      if (subPath != null && !subPath.isEmpty()) {
        if (subPath.startsWith("/") || List.of(subPath.split("/")).contains("..")) {
          throw new CreateContainerConfigException("subPath \"" + subPath + "\" must be a relative path without '..'");
        }
        host = host.resolve(subPath);
      }
      mountsEtcHosts |= vm.getMountPath().equals("/etc/hosts");
      mounts.add(Mount.newBuilder().setContainerPath(vm.getMountPath()).setHostPath(host.toString())
          .setReadonly(Boolean.TRUE.equals(vm.getReadOnly())).setPropagation(propagation(vm.getMountPropagation())).build());
    }
    if (opts.terminationMessageHostPath() != null && container.getTerminationMessagePath() != null
        && !container.getTerminationMessagePath().isEmpty()) {
      mounts.add(Mount.newBuilder().setContainerPath(container.getTerminationMessagePath())
          .setHostPath(opts.terminationMessageHostPath().toString()).build());
    }
    if (opts.etcHostsHostPath() != null && !mountsEtcHosts) {
      mounts.add(Mount.newBuilder().setContainerPath("/etc/hosts").setHostPath(opts.etcHostsHostPath().toString()).build());
    }
    return mounts;
  }

  private static MountPropagation propagation(String mode) {
    if (mode == null) {
      return MountPropagation.PROPAGATION_PRIVATE;
    }
    return switch (mode) {
      case "HostToContainer" -> MountPropagation.PROPAGATION_HOST_TO_CONTAINER;
      case "Bidirectional" -> MountPropagation.PROPAGATION_BIDIRECTIONAL;
      default -> MountPropagation.PROPAGATION_PRIVATE;
    };
  }

  private static List<String> expandAll(List<String> values, Function<String, String> mapping) {
    return values == null ? List.of() : values.stream().map(v -> Expansion.expand(v, mapping)).toList();
  }
}
