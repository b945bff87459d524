package io.kube4j.agent.cri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kube4j.agent.cri.testing.FakeCri;
import io.kube4j.agent.cri.v1.AuthConfig;
import io.kube4j.agent.cri.v1.ImageFilter;
import io.kube4j.agent.cri.v1.PullImageRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemoteImageServiceTest {

  private final FakeCri cri = FakeCri.start();
  private final RemoteImageService images = cri.connection().images();

  @AfterEach
  void close() {
    cri.close();
  }

  @Test
  void anAbsentImageIsAnEmptyStatusNotAnError() {
    assertThat(images.imageStatus(RemoteImageService.spec("busybox:1.36"))).isEmpty();
  }

  @Test
  void aPresentImageHasItsIdAndTags() {
    cri.images.add("docker.io/library/busybox:1.36");

    assertThat(images.imageStatus(RemoteImageService.spec("docker.io/library/busybox:1.36")))
        .hasValueSatisfying(i -> {
          assertThat(i.getId()).startsWith("sha256:");
          assertThat(i.getRepoTagsList()).containsExactly("docker.io/library/busybox:1.36");
        });
  }

  @Test
  void pullSendsTheCredentialsAndReturnsTheImageRef() {
    cri.images.pullable.add("registry.example/private:1");
    AuthConfig auth = AuthConfig.newBuilder().setUsername("u").setPassword("p").setServerAddress("registry.example").build();

    String ref = images.pullImage(RemoteImageService.spec("registry.example/private:1"), auth, null);

    assertThat(ref).startsWith("sha256:");
    assertThat(cri.images.requests).filteredOn(PullImageRequest.class::isInstance).singleElement()
        .satisfies(r -> assertThat(((PullImageRequest) r).getAuth()).isEqualTo(auth));
    assertThat(images.imageStatus(RemoteImageService.spec("registry.example/private:1"))).isPresent();
  }

  @Test
  void aFailedPullIsACriException() {
    assertThatThrownBy(() -> images.pullImage(RemoteImageService.spec("nosuch:1"), null, null))
        .isInstanceOf(CriException.class)
        .hasMessageStartingWith("PullImage: UNKNOWN: failed to pull and unpack image \"nosuch:1\"");
  }

  @Test
  void listFiltersAndRemoveDeletes() {
    cri.images.add("a:1");
    cri.images.add("b:1");

    assertThat(images.listImages(null)).hasSize(2);
    assertThat(images.listImages(ImageFilter.newBuilder().setImage(RemoteImageService.spec("b:1")).build()))
        .singleElement().satisfies(i -> assertThat(i.getRepoTagsList()).containsExactly("b:1"));

    images.removeImage(RemoteImageService.spec("a:1"));
    images.removeImage(RemoteImageService.spec("a:1"));
    assertThat(images.listImages(null)).hasSize(1);
  }

  @Test
  void imageFsInfoNamesTheMountpoint() {
    assertThat(images.imageFsInfo().getImageFilesystemsList()).singleElement()
        .satisfies(f -> assertThat(f.getFsId().getMountpoint()).isEqualTo("/fake/overlayfs"));
  }
}
