package io.kube4j.controllermanager.deployment.util;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PodTemplateHashTest {

  static PodTemplateSpec template(String image) {
    return new PodTemplateSpecBuilder().withNewMetadata().addToLabels("app", "web").endMetadata().withNewSpec()
        .addNewContainer().withName("web").withImage(image).endContainer().endSpec().build();
  }

  /** The FNV-1a test vectors of its authors' reference implementation. */
  @Test
  void fnv32aMatchesTheReferenceVectors() {
    assertThat(PodTemplateHash.fnv32a(new byte[0])).isEqualTo(0x811c9dc5);
    assertThat(PodTemplateHash.fnv32a("a".getBytes(StandardCharsets.UTF_8))).isEqualTo(0xe40c292c);
    assertThat(PodTemplateHash.fnv32a("foobar".getBytes(StandardCharsets.UTF_8))).isEqualTo(0xbf9cf968);
  }

  /** Each byte mod 27 indexes "bcdfghjklmnpqrstvwxz2456789": '0' (48) → 21 → '4', '9' (57) → 3 → 'f'. */
  @Test
  void safeEncodeStringMapsDigitsToTheSafeAlphabet() {
    assertThat(PodTemplateHash.safeEncodeString("0123456789")).isEqualTo("456789bcdf");
    assertThat(PodTemplateHash.safeEncodeString("")).isEmpty();
  }

  @Test
  void theHashIsStableAndChangesWithTheTemplateAndTheCollisionCount() {
    String hash = PodTemplateHash.computeHash(template("busybox"), null);
    assertThat(hash).matches("[bcdfghjklmnpqrstvwxz2456789]{1,10}");
    assertThat(PodTemplateHash.computeHash(template("busybox"), null)).isEqualTo(hash);
    assertThat(PodTemplateHash.computeHash(template("busybox:1.36"), null)).isNotEqualTo(hash);
    assertThat(PodTemplateHash.computeHash(template("busybox"), 1)).isNotEqualTo(hash)
        .isNotEqualTo(PodTemplateHash.computeHash(template("busybox"), 2));
  }

  @Test
  void templatesAreEqualIgnoringTheHashLabel() {
    PodTemplateSpec withHash = new PodTemplateSpecBuilder(template("busybox")).editMetadata()
        .addToLabels(PodTemplateHash.LABEL, "5d8f7c9b4").endMetadata().build();
    assertThat(PodTemplateHash.equalIgnoreHash(withHash, template("busybox"))).isTrue();
    assertThat(PodTemplateHash.equalIgnoreHash(withHash, template("nginx"))).isFalse();
  }
}
