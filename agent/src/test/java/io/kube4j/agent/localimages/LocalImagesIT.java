package io.kube4j.agent.localimages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image build with the host's gcc, tar and busybox: two builds give the same bytes. */
class LocalImagesIT {

  @Test
  void twoBuildsAreByteForByteTheSame(@TempDir Path a, @TempDir Path b) throws Exception {
    assumeTrue(LocalImages.unavailableReason().isEmpty(), () -> LocalImages.unavailableReason().get());

    List<LocalImage> first = LocalImages.build(a);
    List<LocalImage> second = LocalImages.build(b);

    assertThat(first).extracting(LocalImage::name).containsExactly(LocalImages.PAUSE, LocalImages.BUSYBOX);
    for (int i = 0; i < first.size(); i++) {
      assertThat(sha256(first.get(i).tarball())).as(first.get(i).name()).isEqualTo(sha256(second.get(i).tarball()));
    }
    assertThat(Files.size(first.get(1).tarball())).isBetween(1_500_000L, 4_000_000L);
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      digest.update(in.readAllBytes());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
