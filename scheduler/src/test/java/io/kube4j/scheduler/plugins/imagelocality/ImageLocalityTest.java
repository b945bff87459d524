package io.kube4j.scheduler.plugins.imagelocality;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerImage;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.testing.FakeHandle;
import io.kube4j.scheduler.testing.Nodes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases after upstream's {@code image_locality_test.go}. */
class ImageLocalityTest {

  static final long MB = 1024 * 1024;

  static Node node(String name, Object... nameAndSizeMb) {
    Node n = Nodes.node(name).build();
    List<ContainerImage> images = new java.util.ArrayList<>();
    for (int i = 0; i < nameAndSizeMb.length; i += 2) {
      images.add(new ContainerImage(List.of((String) nameAndSizeMb[i]), (Integer) nameAndSizeMb[i + 1] * MB));
    }
    n.getStatus().setImages(images);
    return n;
  }

  static Pod pod(String... images) {
    PodBuilder b = new PodBuilder().withNewMetadata().withName("p").withNamespace("default").endMetadata()
        .withNewSpec().endSpec();
    for (int i = 0; i < images.length; i++) {
      b.editSpec().addToContainers(new ContainerBuilder().withName("c" + i).withImage(images[i]).build()).endSpec();
    }
    return b.build();
  }

  private static long score(FakeHandle h, Pod p, String node) {
    ImageLocality pl = new ImageLocality(h);
    CycleState state = new CycleState();
    pl.preScore(state, p, h.snapshotNodes());
    return pl.score(state, p, h.node(node));
  }

  @Test
  void twoImagesOnTwoNodesPreferTheNodeWithTheLargerOne() {
    // 40 MiB on node1 only: 40 * 1/2 = 20 MiB < 23 → 0.
    // 250 MiB on node2 only: 125 MiB; two containers: 100 * (125 - 23) / (2000 - 23) = 5
    FakeHandle h = FakeHandle.of(List.of(
        node("node1", "gcr.io/40:latest", 40, "gcr.io/300:latest", 300, "gcr.io/2000:latest", 2000),
        node("node2", "gcr.io/250:latest", 250, "gcr.io/10:latest", 10)), List.of());
    Pod p = pod("gcr.io/40", "gcr.io/250");
    assertThat(score(h, p, "node1")).isEqualTo(0);
    assertThat(score(h, p, "node2")).isEqualTo(5);
  }

  @Test
  void anImageOnEveryNodeCountsInFull() {
    // 500 MiB on both nodes: spread 1, 100 * (500 - 23) / (1000 - 23) = 48
    FakeHandle h = FakeHandle.of(List.of(node("node1", "nginx:1.27", 500), node("node2", "nginx:1.27", 500)), List.of());
    assertThat(score(h, pod("nginx:1.27"), "node1")).isEqualTo(48);
  }

  @Test
  void anImageOnHalfTheNodesCountsHalf() {
    // as the worked example on score(): 500 MiB on 2 of 4 nodes → 23; a node without it → 0
    FakeHandle h = FakeHandle.of(List.of(node("n1", "app:v1", 500), node("n2", "app:v1", 500), node("n3"), node("n4")),
        List.of());
    assertThat(score(h, pod("app:v1"), "n1")).isEqualTo(23);
    assertThat(score(h, pod("app:v1"), "n3")).isEqualTo(0);
  }

  @Test
  void largeImagesAreCappedAtTheMaximum() {
    FakeHandle h = FakeHandle.of(List.of(node("n1", "gcr.io/2000:latest", 2000)), List.of());
    assertThat(score(h, pod("gcr.io/2000"), "n1")).isEqualTo(100);
  }

  @Test
  void normalizesUntaggedImagesToLatest() {
    assertThat(ImageLocality.normalizedImageName("nginx")).isEqualTo("nginx:latest");
    assertThat(ImageLocality.normalizedImageName("localhost:5000/app")).isEqualTo("localhost:5000/app:latest");
    assertThat(ImageLocality.normalizedImageName("nginx:1.27")).isEqualTo("nginx:1.27");
  }
}
