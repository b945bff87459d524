package io.kube4j.agent.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImageReferenceTest {

  record Case(String image, String repository, String tag, String digest, String pullPolicy) {
    @Override
    public String toString() {
      return image;
    }
  }

  static Stream<Case> cases() {
    String digest = "sha256:" + "a".repeat(64);
    return Stream.of(
        new Case("busybox", "docker.io/library/busybox", null, null, "Always"),
        new Case("busybox:1.36", "docker.io/library/busybox", "1.36", null, "IfNotPresent"),
        new Case("busybox:latest", "docker.io/library/busybox", "latest", null, "Always"),
        new Case("bitnami/nginx:1.25", "docker.io/bitnami/nginx", "1.25", null, "IfNotPresent"),
        new Case("registry.k8s.io/pause:3.9", "registry.k8s.io/pause", "3.9", null, "IfNotPresent"),
        new Case("127.0.0.1:5000/app", "127.0.0.1:5000/app", null, null, "Always"),
        new Case("localhost/kube4j/busybox:1.35", "localhost/kube4j/busybox", "1.35", null, "IfNotPresent"),
        new Case("busybox@" + digest, "docker.io/library/busybox", null, digest, "IfNotPresent"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void splitsAsDockerReferencesDo(Case c) {
    ImageReference ref = ImageReference.parse(c.image());

    assertThat(ref.repository()).isEqualTo(c.repository());
    assertThat(ref.tag()).isEqualTo(c.tag());
    assertThat(ref.digest()).isEqualTo(c.digest());
    assertThat(ImageReference.defaultPullPolicy(c.image())).isEqualTo(c.pullPolicy());
  }

  @Test
  void defaultTagIsLatestUnlessTaggedOrPinned() {
    assertThat(ImageReference.withDefaultTag("busybox")).isEqualTo("busybox:latest");
    assertThat(ImageReference.withDefaultTag("127.0.0.1:5000/app")).isEqualTo("127.0.0.1:5000/app:latest");
    assertThat(ImageReference.withDefaultTag("busybox:1.36")).isEqualTo("busybox:1.36");
  }

  @Test
  void rejectsUppercaseRepositoriesAndBlanks() {
    assertThatThrownBy(() -> ImageReference.parse("BusyBox")).hasMessageContaining("invalid reference format");
    assertThatThrownBy(() -> ImageReference.parse("busy box")).hasMessageContaining("invalid reference format");
    assertThatThrownBy(() -> ImageReference.parse("")).hasMessageContaining("invalid reference format");
  }
}
