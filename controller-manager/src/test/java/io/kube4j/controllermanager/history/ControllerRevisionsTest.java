package io.kube4j.controllermanager.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControllerRevisionsTest {

  @Test
  void hashIsFnv1OfTheDataSafeEncoded() {
    // FNV-1 32 of nothing is the offset basis 2166136261; of "a" it is 0x050c5d7e = 84696446
    assertThat(ControllerRevisions.hash("", null)).isEqualTo("65bb57b6b5");
    assertThat(ControllerRevisions.hash("a", null)).isEqualTo("d8bfb88b");
    assertThat(ControllerRevisions.safeEncode("0123456789")).isEqualTo("456789bcdf");
  }

  @Test
  void theCollisionCountChangesTheHash() {
    String data = TemplatePatch.of(template("busybox:1"));
    assertThat(ControllerRevisions.hash(data, null)).isEqualTo(ControllerRevisions.hash(data, null))
        .isNotEqualTo(ControllerRevisions.hash(data, 0)).isNotEqualTo(ControllerRevisions.hash(data, 1));
    assertThat(ControllerRevisions.hash(data, 0)).isNotEqualTo(ControllerRevisions.hash(data, 1));
  }

  @Test
  void namesAreOwnerDashHashWithTheOwnerCutTo223() {
    assertThat(ControllerRevisions.name("web", "abc")).isEqualTo("web-abc");
    assertThat(ControllerRevisions.name("x".repeat(300), "abc")).hasSize(227);
  }

  @Test
  void thePatchReplacesTheTemplateAndIsCanonical() {
    String patch = TemplatePatch.of(template("busybox:1"));
    assertThat(patch).startsWith("{\"spec\":{\"template\":{\"$patch\":\"replace\",\"metadata\":{\"labels\":{\"app\":\"web\"}}");
    assertThat(patch).contains("\"image\":\"busybox:1\"");
    assertThat(TemplatePatch.templateOf(TemplatePatch.parse(patch))).isEqualTo(template("busybox:1"));
    // the same data parsed into a map with another key order is the same canonical JSON
    Map<String, Object> reordered = new LinkedHashMap<>(TemplatePatch.parse(patch));
    assertThat(TemplatePatch.canonical(reordered)).isEqualTo(patch);
  }

  @Test
  void newRevisionIsOwnedLabelledAndNamedByItsHash() {
    var set = new StatefulSetBuilder().withNewMetadata().withName("web").withNamespace("ns").withUid("u1").endMetadata()
        .build();
    String data = TemplatePatch.of(template("busybox:1"));
    ControllerRevision r = ControllerRevisions.newRevision(set, "apps/v1", "StatefulSet", Map.of("app", "web"), data, 3, 0);
    String hash = ControllerRevisions.hash(data, 0);
    assertThat(r.getMetadata().getName()).isEqualTo("web-" + hash);
    assertThat(r.getMetadata().getLabels()).containsEntry("app", "web").containsEntry(ControllerRevisions.HASH_LABEL, hash);
    assertThat(r.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
      assertThat(o.getUid()).isEqualTo("u1");
      assertThat(o.getController()).isTrue();
    });
    assertThat(r.getRevision()).isEqualTo(3L);
    assertThat(ControllerRevisions.data(r)).isEqualTo(data);
  }

  @Test
  void revisionsAreEqualByDataAndDifferentHashLabelsMakeThemDifferent() {
    String one = TemplatePatch.of(template("busybox:1"));
    String two = TemplatePatch.of(template("busybox:2"));
    assertThat(ControllerRevisions.equal(revision("a", 1, one, null), revision("b", 2, one, null))).isTrue();
    assertThat(ControllerRevisions.equal(revision("a", 1, one, null), revision("b", 2, two, null))).isFalse();
    assertThat(ControllerRevisions.equal(revision("a", 1, one, "h1"), revision("b", 2, one, "h2"))).isFalse();
    assertThat(ControllerRevisions.equal(null, null)).isTrue();
  }

  @Test
  void sortsByRevisionThenCreationThenName() {
    List<ControllerRevision> rs = new ArrayList<>(List.of(revision("c", 2, "{}", null), revision("b", 1, "{}", null),
        revision("a", 2, "{}", null)));
    rs.sort(ControllerRevisions.BY_REVISION);
    assertThat(rs).extracting(r -> r.getMetadata().getName()).containsExactly("b", "a", "c");
    assertThat(ControllerRevisions.maxRevision(rs)).isEqualTo(2);
  }

  static PodTemplateSpec template(String image) {
    return new PodTemplateSpecBuilder().withNewMetadata().addToLabels("app", "web").endMetadata().withNewSpec()
        .addNewContainer().withName("c").withImage(image).endContainer().endSpec().build();
  }

  static ControllerRevision revision(String name, long revision, String data, String hash) {
    var b = new ControllerRevisionBuilder().withNewMetadata().withName(name).withCreationTimestamp("2026-01-01T00:00:00Z")
        .endMetadata().withData(TemplatePatch.parse(data)).withRevision(revision);
    if (hash != null) {
      b.editMetadata().addToLabels(ControllerRevisions.HASH_LABEL, hash).endMetadata();
    }
    return b.build();
  }
}
