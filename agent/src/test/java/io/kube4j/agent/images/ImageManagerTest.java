package io.kube4j.agent.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.kube4j.agent.cri.testing.FakeCri;
import io.kube4j.agent.cri.v1.PullImageRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImageManagerTest {

  private final FakeCri cri = FakeCri.start();
  private long now = 0;
  private final ImageManager manager = new ImageManager(cri.connection().images(), () -> now,
      Duration.ofSeconds(10), Duration.ofMinutes(5));
  private final List<String> events = new ArrayList<>();
  private final ImageManager.Events recorder = new ImageManager.Events() {
    @Override
    public void normal(String reason, String message) {
      events.add("Normal " + reason + " " + message);
    }

    @Override
    public void warning(String reason, String message) {
      events.add("Warning " + reason + " " + message);
    }
  };

  @AfterEach
  void close() {
    cri.close();
  }

  private static final Pod POD = new PodBuilder().withNewMetadata().withName("p").withNamespace("default").withUid("u1")
      .endMetadata().withNewSpec().endSpec().build();

  private static Container container(String image, String policy) {
    return new ContainerBuilder().withName("c").withImage(image).withImagePullPolicy(policy).build();
  }

  private String ensure(Container c, List<Secret> secrets) {
    return manager.ensureImageExists(POD, c, secrets, null, recorder);
  }

  @Test
  void ifNotPresentUsesThePresentImageWithoutPulling() {
    cri.images.add("busybox:1.36");

    String ref = ensure(container("busybox:1.36", "IfNotPresent"), List.of());

    assertThat(ref).startsWith("sha256:");
    assertThat(cri.images.requests).noneMatch(PullImageRequest.class::isInstance);
    assertThat(events).containsExactly("Normal Pulled Container image \"busybox:1.36\" already present on machine");
  }

  @Test
  void neverWithoutTheImageIsErrImageNeverPull() {
    assertThatThrownBy(() -> ensure(container("busybox:1.36", "Never"), List.of()))
        .isInstanceOfSatisfying(ImagePullException.class, e -> assertThat(e.reason()).isEqualTo("ErrImageNeverPull"))
        .hasMessage("Container image \"busybox:1.36\" is not present with pull policy of Never");
  }

  @Test
  void alwaysPullsAnUntaggedImageAsLatest() {
    cri.images.pullable.add("busybox:latest");

    ensure(container("busybox", null), List.of());

    assertThat(cri.images.requests).filteredOn(PullImageRequest.class::isInstance).singleElement()
        .satisfies(r -> assertThat(((PullImageRequest) r).getImage().getImage()).isEqualTo("busybox:latest"));
    assertThat(events.get(0)).isEqualTo("Normal Pulling Pulling image \"busybox\"");
    assertThat(events.get(1)).startsWith("Normal Pulled Successfully pulled image \"busybox\" in ");
  }

  @Test
  void aFailedPullBacksOffTenSecondsThenDoubles() {
    Container c = container("nosuch:1", "IfNotPresent");

    assertThatThrownBy(() -> ensure(c, List.of())).isInstanceOfSatisfying(ImagePullException.class,
        e -> assertThat(e.reason()).isEqualTo("ErrImagePull")).hasMessageStartingWith("Failed to pull image \"nosuch:1\": PullImage: UNKNOWN");
    now += Duration.ofSeconds(9).toNanos();
    assertThatThrownBy(() -> ensure(c, List.of())).isInstanceOfSatisfying(ImagePullException.class,
        e -> assertThat(e.reason()).isEqualTo("ImagePullBackOff")).hasMessage("Back-off pulling image \"nosuch:1\"");
    now += Duration.ofSeconds(2).toNanos();
    assertThatThrownBy(() -> ensure(c, List.of())).hasMessageStartingWith("Failed to pull");
    now += Duration.ofSeconds(19).toNanos();
    assertThatThrownBy(() -> ensure(c, List.of())).hasMessageStartingWith("Back-off");
    now += Duration.ofSeconds(2).toNanos();
    cri.images.pullable.add("nosuch:1");
    assertThat(ensure(c, List.of())).startsWith("sha256:");
  }

  @Test
  void pullSecretsMatchingTheRegistryGoAlong() {
    cri.images.pullable.add("registry.example.com/team/app:2");
    String config = "{\"auths\":{\"registry.example.com\":{\"auth\":\""
        + Base64.getEncoder().encodeToString("robot:s3cr3t".getBytes(StandardCharsets.UTF_8)) + "\"},"
        + "\"https://index.docker.io/v1/\":{\"username\":\"hub\",\"password\":\"x\"}}}";
    Secret secret = new SecretBuilder().withNewMetadata().withName("pull").endMetadata()
        .withType("kubernetes.io/dockerconfigjson")
        .withData(Map.of(".dockerconfigjson", Base64.getEncoder().encodeToString(config.getBytes(StandardCharsets.UTF_8))))
        .build();

    ensure(container("registry.example.com/team/app:2", "IfNotPresent"), List.of(secret));

    assertThat(cri.images.requests).filteredOn(PullImageRequest.class::isInstance).singleElement().satisfies(r -> {
      assertThat(((PullImageRequest) r).getAuth().getUsername()).isEqualTo("robot");
      assertThat(((PullImageRequest) r).getAuth().getPassword()).isEqualTo("s3cr3t");
    });
    DockerKeyring keyring = DockerKeyring.fromSecrets(List.of(secret));
    assertThat(keyring.lookup("busybox")).singleElement().satisfies(a -> assertThat(a.getUsername()).isEqualTo("hub"));
    assertThat(keyring.lookup("quay.io/x/y")).isEmpty();
  }

  @Test
  void anInvalidReferenceIsInvalidImageName() {
    assertThatThrownBy(() -> ensure(container("Busy Box", "IfNotPresent"), List.of()))
        .isInstanceOfSatisfying(ImagePullException.class, e -> assertThat(e.reason()).isEqualTo("InvalidImageName"));
  }
}
