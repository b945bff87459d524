package io.kube4j.agent.localimages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kube4j.agent.cri.CriException;
import io.kube4j.agent.cri.RemoteImageService;
import io.kube4j.agent.cri.containerd.Containerd;
import io.kube4j.agent.cri.containerd.ContainerdConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local registry as containerd's mirror for docker.io and registry.k8s.io: CRI PullImage of
 * {@code busybox} goes to it and succeeds, as it would against Docker Hub.
 */
class LocalRegistryIT {

  @TempDir Path dir;

  @Test
  void pullImageOfBusyboxGoesThroughTheMirror() throws Exception {
    assumeTrue(Containerd.unavailableReason().isEmpty(), () -> Containerd.unavailableReason().get());
    assumeTrue(LocalImages.unavailableReason().isEmpty(), () -> LocalImages.unavailableReason().get());
    assumeTrue(LocalRegistry.unavailableReason().isEmpty(), () -> LocalRegistry.unavailableReason().get());

    try (LocalRegistry registry = LocalRegistry.start(dir.resolve("registry"), Duration.ofSeconds(30))) {
      ContainerdConfig config = ContainerdConfig.under(dir.resolve("ctd"), "/kube4j-it-" + UUID.randomUUID().toString().substring(0, 6));
      for (String host : LocalRegistry.MIRRORED) {
        config = config.withMirror(host, registry.endpoint());
      }
      try (Containerd containerd = Containerd.start(config, Duration.ofSeconds(30))) {
        LocalImages.importInto(containerd, LocalImages.build(dir.resolve("images")));
        LocalImages.publish(containerd, registry);
        // forget every busybox name, so the pull below must fetch manifest and layer from the registry
        containerd.ctr("images", "rm", LocalImages.BUSYBOX, "docker.io/library/busybox:latest",
            "docker.io/library/busybox:1.36");
        RemoteImageService images = containerd.cri().images();
        assertThat(images.imageStatus(RemoteImageService.spec("busybox"))).isEmpty();

        String ref = images.pullImage(RemoteImageService.spec("busybox"), null, null);

        assertThat(ref).startsWith("sha256:");
        assertThat(images.imageStatus(RemoteImageService.spec("docker.io/library/busybox:latest")))
            .hasValueSatisfying(i -> {
              assertThat(i.getId()).isEqualTo(ref);
              assertThat(i.getRepoDigestsList()).singleElement().asString().startsWith("docker.io/library/busybox@sha256:");
            });
        assertThat(images.pullImage(RemoteImageService.spec("busybox:1.36"), null, null)).isEqualTo(ref);
        assertThatThrownBy(() -> images.pullImage(RemoteImageService.spec("busybox:no-such-tag"), null, null))
            .isInstanceOf(CriException.class).hasMessageContaining("busybox:no-such-tag");
      }
    }
  }
}
