package io.kube4j.apiserver.registry.core.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kube4j.apiserver.api.FieldError;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PodStrategyTest {

  private final PodStrategy strategy = new PodStrategy();

  static Pod pod(String name) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
        .withNewSpec().addNewContainer().withName("app").withImage("nginx:1.27").endContainer().endSpec().build();
  }

  private Pod created(Pod pod) {
    strategy.applyDefaults(pod);
    strategy.prepareForCreate(pod);
    return pod;
  }

  @Test
  void minimalPodGetsEveryDefault() {
    Pod pod = pod("web");
    pod.getSpec().getContainers().get(0).setPorts(List.of(new io.fabric8.kubernetes.api.model.ContainerPort(80, null, null, null, null)));
    pod.getSpec().getContainers().get(0).setLivenessProbe(new io.fabric8.kubernetes.api.model.ProbeBuilder()
        .withNewHttpGet().withNewPort(80).endHttpGet().build());
    pod.getSpec().setVolumes(List.of(new io.fabric8.kubernetes.api.model.VolumeBuilder().withName("cfg")
        .withNewConfigMap().withName("cfg").endConfigMap().build(),
        new io.fabric8.kubernetes.api.model.VolumeBuilder().withName("scratch").build()));
    created(pod);
    var spec = pod.getSpec();
    assertThat(spec.getRestartPolicy()).isEqualTo("Always");
    assertThat(spec.getDnsPolicy()).isEqualTo("ClusterFirst");
    assertThat(spec.getTerminationGracePeriodSeconds()).isEqualTo(30L);
    assertThat(spec.getSchedulerName()).isEqualTo("default-scheduler");
    assertThat(spec.getSecurityContext()).isNotNull();
    assertThat(spec.getEnableServiceLinks()).isTrue();
    var c = spec.getContainers().get(0);
    assertThat(c.getImagePullPolicy()).isEqualTo("IfNotPresent");
    assertThat(c.getTerminationMessagePath()).isEqualTo("/dev/termination-log");
    assertThat(c.getTerminationMessagePolicy()).isEqualTo("File");
    assertThat(c.getPorts().get(0).getProtocol()).isEqualTo("TCP");
    var probe = c.getLivenessProbe();
    assertThat(List.of(probe.getTimeoutSeconds(), probe.getPeriodSeconds(), probe.getSuccessThreshold(),
        probe.getFailureThreshold())).containsExactly(1, 10, 1, 3);
    assertThat(probe.getHttpGet().getPath()).isEqualTo("/");
    assertThat(probe.getHttpGet().getScheme()).isEqualTo("HTTP");
    assertThat(spec.getVolumes().get(0).getConfigMap().getDefaultMode()).isEqualTo(420);
    assertThat(spec.getVolumes().get(1).getEmptyDir()).isNotNull();
    assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(pod.getStatus().getQosClass()).isEqualTo("BestEffort");
    assertThat(pod.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(strategy.validate(pod)).isEmpty();
  }

  @ParameterizedTest(name = "image {0} defaults pull policy to {1}")
  @MethodSource("images")
  void defaultsPullPolicyFromTheTag(String image, String policy) {
    assertThat(PodDefaults.defaultPullPolicy(image)).isEqualTo(policy);
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> images() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("nginx", "Always"),
        org.junit.jupiter.params.provider.Arguments.of("nginx:latest", "Always"),
        org.junit.jupiter.params.provider.Arguments.of("nginx:1.27", "IfNotPresent"),
        org.junit.jupiter.params.provider.Arguments.of("localhost:5000/nginx", "Always"),
        org.junit.jupiter.params.provider.Arguments.of("nginx@sha256:abc", "IfNotPresent"));
  }

  record Case(String name, UnaryOperator<Pod> mutate, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> invalidPods() {
    return Stream.of(
        new Case("a container without image", p -> {
          p.getSpec().getContainers().get(0).setImage(null);
          return p;
        }, List.of("spec.containers[0].image: Required value")),
        new Case("no containers at all", p -> {
          p.getSpec().setContainers(List.of());
          return p;
        }, List.of("spec.containers: Required value")),
        new Case("an upper-case container name", p -> {
          p.getSpec().getContainers().get(0).setName("App");
          return p;
        }, List.of("spec.containers[0].name: Invalid value: \"App\": a lowercase RFC 1123 label must consist of "
            + "lower case alphanumeric characters or '-', and must start and end with an alphanumeric character "
            + "(e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')")),
        new Case("two containers with one name", p -> {
          p.getSpec().setContainers(new java.util.ArrayList<>(p.getSpec().getContainers()));
          p.getSpec().getContainers().add(new ContainerBuilder().withName("app").withImage("busybox").build());
          return p;
        }, List.of("spec.containers[1].name: Duplicate value: \"app\"")),
        new Case("an unknown restart policy", p -> {
          p.getSpec().setRestartPolicy("Sometimes");
          return p;
        }, List.of("spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", "
            + "\"OnFailure\", \"Never\"")),
        new Case("a mount of an undeclared volume", p -> {
          p.getSpec().getContainers().get(0).setVolumeMounts(List.of(
              new io.fabric8.kubernetes.api.model.VolumeMountBuilder().withName("data").withMountPath("/data").build()));
          return p;
        }, List.of("spec.containers[0].volumeMounts[0].name: Not found: \"data\"")),
        new Case("a request above its limit", p -> {
          p.getSpec().getContainers().get(0).setResources(new io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder()
              .withRequests(Map.of("cpu", new Quantity("2"))).withLimits(Map.of("cpu", new Quantity("1"))).build());
          return p;
        }, List.of("spec.containers[0].resources.requests: Invalid value: \"2\": must be less than or equal to cpu "
            + "limit of 1")),
        new Case("an env var name with '='", p -> {
          p.getSpec().getContainers().get(0).setEnv(List.of(new io.fabric8.kubernetes.api.model.EnvVar("A=B", "x", null)));
          return p;
        }, List.of("spec.containers[0].env[0].name: Invalid value: \"A=B\": a valid environment variable name must "
            + "consist only of printable ASCII characters other than '='")),
        new Case("a container port of zero", p -> {
          p.getSpec().getContainers().get(0).setPorts(List.of(new io.fabric8.kubernetes.api.model.ContainerPort(0, null, null, null, null)));
          return p;
        }, List.of("spec.containers[0].ports[0].containerPort: Required value")));
  }

  @ParameterizedTest(name = "{0} is rejected")
  @MethodSource("invalidPods")
  void rejectsInvalidPodsWithUpstreamMessages(Case c) {
    Pod pod = c.mutate().apply(pod("web"));
    strategy.applyDefaults(pod);
    strategy.prepareForCreate(pod);
    assertThat(strategy.validate(pod)).extracting(FieldError::message).isEqualTo(c.expected());
  }

  @Test
  void limitsOnlyMakeAGuaranteedPod() {
    Pod pod = pod("web");
    pod.getSpec().getContainers().get(0).setResources(new io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder()
        .withLimits(Map.of("cpu", new Quantity("500m"), "memory", new Quantity("128Mi"))).build());
    created(pod);
    assertThat(pod.getSpec().getContainers().get(0).getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(pod.getStatus().getQosClass()).isEqualTo("Guaranteed");
  }

  @Test
  void requestsBelowLimitsMakeABurstablePod() {
    Pod pod = pod("web");
    pod.getSpec().getContainers().get(0).setResources(new io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder()
        .withRequests(Map.of("cpu", new Quantity("100m"))).build());
    created(pod);
    assertThat(pod.getStatus().getQosClass()).isEqualTo("Burstable");
  }

  @Test
  void gatedPodIsMarkedUnschedulable() {
    Pod pod = pod("web");
    pod.getSpec().setSchedulingGates(List.of(new io.fabric8.kubernetes.api.model.PodSchedulingGate("example.com/wait")));
    created(pod);
    assertThat(pod.getStatus().getConditions()).singleElement().satisfies(c -> {
      assertThat(c.getType()).isEqualTo("PodScheduled");
      assertThat(c.getReason()).isEqualTo("SchedulingGated");
      assertThat(c.getMessage()).isEqualTo("Scheduling is blocked due to non-empty scheduling gates");
    });
  }

  @Test
  void updateMayChangeTheImageButNotTheRestartPolicy() {
    Pod old = created(pod("web"));
    old.getMetadata().setResourceVersion("7");
    Pod image = new PodBuilder(old).build();
    image.getSpec().getContainers().get(0).setImage("nginx:1.28");
    strategy.prepareForUpdate(image, old);
    assertThat(strategy.validateUpdate(image, old)).isEmpty();
    assertThat(image.getMetadata().getGeneration()).isEqualTo(2L);

    Pod restart = new PodBuilder(old).build();
    restart.getSpec().setRestartPolicy("Never");
    strategy.prepareForUpdate(restart, old);
    List<FieldError> errs = strategy.validateUpdate(restart, old);
    assertThat(errs).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("spec");
      assertThat(e.body()).startsWith("Forbidden: pod updates may not change fields other than "
          + "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
          + "`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` "
          + "(allow it to be set to 1 if it was previously negative)\n");
      assertThat(e.body()).contains("- \tRestartPolicy: \"Always\",\n+ \tRestartPolicy: \"Never\",");
    });
  }

  @Test
  void updateKeepsStatusAndStatusUpdateKeepsSpec() {
    Pod old = created(pod("web"));
    Pod update = new PodBuilder(old).withNewStatus().withPhase("Running").endStatus().build();
    strategy.prepareForUpdate(update, old);
    assertThat(update.getStatus().getPhase()).isEqualTo("Pending");

    Pod status = new PodBuilder(old).editSpec().withNodeName("other").endSpec()
        .withNewStatus().withPhase("Running").endStatus().build();
    strategy.statusStrategy().orElseThrow().prepareForUpdate(status, old);
    assertThat(status.getSpec().getNodeName()).isNull();
    assertThat(status.getStatus().getPhase()).isEqualTo("Running");
    assertThat(status.getStatus().getQosClass()).isEqualTo("BestEffort");
  }

  @Test
  void podIPIsAuthoritativeOverPodIPs() {
    Pod pod = pod("web");
    pod.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPodIP("10.0.0.7")
        .withPodIPs(new io.fabric8.kubernetes.api.model.PodIP("10.0.0.6")).withHostIPs(
            new io.fabric8.kubernetes.api.model.HostIP("192.168.1.2")).build());
    strategy.applyDefaults(pod);
    assertThat(pod.getStatus().getPodIPs()).extracting(io.fabric8.kubernetes.api.model.PodIP::getIp)
        .containsExactly("10.0.0.7");
    assertThat(pod.getStatus().getHostIP()).isEqualTo("192.168.1.2");
  }

  @Test
  void selectableFieldsFollowToSelectableFields() {
    Pod pod = created(pod("web"));
    pod.getSpec().setNodeName("node-1");
    assertThat(strategy.selectableFields(pod)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "spec.nodeName", "node-1", "spec.restartPolicy", "Always", "spec.schedulerName", "default-scheduler",
        "spec.serviceAccountName", "", "spec.hostNetwork", "false", "status.phase", "Pending",
        "status.podIP", "", "status.nominatedNodeName", ""));
  }
}
