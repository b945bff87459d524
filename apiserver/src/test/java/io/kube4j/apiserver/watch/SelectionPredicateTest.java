package io.kube4j.apiserver.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectionPredicateTest {

  @Test
  void readsTheNamespaceOffTheKey() {
    assertThat(SelectionPredicate.inNamespace("/registry/pods/dev/web", "dev")).isTrue();
    assertThat(SelectionPredicate.inNamespace("/registry/pods/dev/web", "ev")).isFalse();
    assertThat(SelectionPredicate.inNamespace("/registry/pods/prod/web", "dev")).isFalse();
    assertThat(SelectionPredicate.inNamespace("/registry/pods/dev/dev", "dev")).isTrue();
  }

  @Test
  void aNamespaceOrEverythingNeverDecodesTheObject() {
    CachedObject lazy = CachedObject.lazy("/registry/configmaps/dev/a", 7, new byte[0], json -> {
      throw new AssertionError("decoded");
    });
    assertThat(SelectionPredicate.EVERYTHING.matches(lazy)).isTrue();
    assertThat(SelectionPredicate.inNamespace("dev").matches(lazy)).isTrue();
    assertThat(SelectionPredicate.inNamespace("prod").matches(lazy)).isFalse();
  }

  @Test
  void aLabelSelectorDecodesTheObjectOnce() {
    int[] decodes = {0};
    CachedObject lazy = CachedObject.lazy("/registry/configmaps/dev/a", 7, new byte[0], json -> {
      decodes[0]++;
      return new CachedObject.Decoded(null, Map.of("app", "web"), Map.of());
    });
    SelectionPredicate web = new SelectionPredicate(l -> "web".equals(l.get("app")), f -> true, "dev");
    assertThat(web.matches(lazy)).isTrue();
    assertThat(web.matches(lazy)).isTrue();
    assertThat(decodes[0]).isEqualTo(1);
  }
}
