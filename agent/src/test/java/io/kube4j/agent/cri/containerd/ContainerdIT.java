package io.kube4j.agent.cri.containerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kube4j.agent.cri.RemoteImageService;
import io.kube4j.agent.cri.v1.LinuxPodSandboxConfig;
import io.kube4j.agent.cri.v1.LinuxSandboxSecurityContext;
import io.kube4j.agent.cri.v1.NamespaceMode;
import io.kube4j.agent.cri.v1.NamespaceOption;
import io.kube4j.agent.cri.v1.PodSandboxConfig;
import io.kube4j.agent.cri.v1.PodSandboxMetadata;
import io.kube4j.agent.localimages.LocalImage;
import io.kube4j.agent.localimages.LocalImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness against a real containerd: start, images, a sandbox, and nothing left after close. */
class ContainerdIT {

  @TempDir static Path imageDir;
  static List<LocalImage> images;
  @TempDir Path dir;

  @BeforeAll
  static void needsContainerdAndImages() throws Exception {
    assumeTrue(Containerd.unavailableReason().isEmpty(), () -> Containerd.unavailableReason().get());
    assumeTrue(LocalImages.unavailableReason().isEmpty(), () -> LocalImages.unavailableReason().get());
    images = LocalImages.build(imageDir);
  }

  private ContainerdConfig config() {
    return ContainerdConfig.under(dir.resolve("ctd"), "/kube4j-it-" + UUID.randomUUID().toString().substring(0, 8));
  }

  @Test
  void answersVersionAndSeesImportedImagesUnderTheirAliases() throws Exception {
    try (Containerd containerd = Containerd.start(config(), Duration.ofSeconds(30))) {
      var version = containerd.cri().runtime().version();
      assertThat(version.getRuntimeName()).isEqualTo("containerd");
      assertThat(version.getRuntimeApiVersion()).isEqualTo("v1");

      LocalImages.importInto(containerd, images);

      RemoteImageService images = containerd.cri().images();
      for (String name : LocalImages.allNames()) {
        assertThat(images.imageStatus(RemoteImageService.spec(name))).as(name).isPresent();
      }
      assertThat(images.imageStatus(RemoteImageService.spec("busybox"))).isPresent();
      assertThat(images.imageFsInfo().getImageFilesystemsList()).isNotEmpty();
    }
  }

  @Test
  void closeLeavesNoSandboxShimOrCgroupBehind() throws Exception {
    ContainerdConfig config = config();
    Containerd containerd = Containerd.start(config, Duration.ofSeconds(30));
    String sandboxId;
    try {
      LocalImages.importInto(containerd, images);
      String uid = UUID.randomUUID().toString();
      NamespaceOption hostNetwork = NamespaceOption.newBuilder().setNetwork(NamespaceMode.NODE)
          .setPid(NamespaceMode.CONTAINER).setIpc(NamespaceMode.POD).build();
      sandboxId = containerd.cri().runtime().runPodSandbox(PodSandboxConfig.newBuilder()
          .setMetadata(PodSandboxMetadata.newBuilder().setName("h").setNamespace("default").setUid(uid))
          .setLogDirectory(dir.resolve("pods").toString())
          .setLinux(LinuxPodSandboxConfig.newBuilder().setCgroupParent(config.cgroupRoot() + "/pod" + uid)
              .setSecurityContext(LinuxSandboxSecurityContext.newBuilder().setNamespaceOptions(hostNetwork)))
          .build(), "");
      assertThat(sandboxId).hasSize(64);
      assertThat(Shims.serving(config.socket())).isNotEmpty();
      assertThat(Path.of("/sys/fs/cgroup/memory", config.cgroupRoot())).isDirectory();
    } finally {
      containerd.close();
    }

    assertThat(ProcessHandle.of(containerd.pid())).isEmpty();
    assertThat(Shims.serving(config.socket())).isEmpty();
    assertThat(Files.exists(Path.of("/sys/fs/cgroup/memory", config.cgroupRoot()))).isFalse();
    assertThat(Files.exists(Path.of("/sys/fs/cgroup/cpu", config.cgroupRoot()))).isFalse();
  }
}
