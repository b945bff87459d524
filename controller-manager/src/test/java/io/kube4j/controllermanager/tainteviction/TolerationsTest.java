package io.kube4j.controllermanager.tainteviction;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TolerationsTest {

  private static final Taint UNREACHABLE = new TaintBuilder().withKey("node.kubernetes.io/unreachable")
      .withEffect("NoExecute").build();
  private static final Taint DEDICATED = new TaintBuilder().withKey("dedicated").withValue("gpu")
      .withEffect("NoExecute").build();

  @Test
  void aPodWithoutAMatchingTolerationIsIntolerant() {
    assertThat(Tolerations.judge(List.of(), List.of(UNREACHABLE)))
        .isEqualTo(new Tolerations.Verdict.Intolerant("node.kubernetes.io/unreachable:NoExecute"));
    assertThat(Tolerations.judge(List.of(toleration("dedicated", "Equal", "cpu", null)), List.of(DEDICATED)))
        .isInstanceOf(Tolerations.Verdict.Intolerant.class);
  }

  @Test
  void theShortestTolerationSecondsOfTheMatchingTolerationsWins() {
    List<Toleration> tolerations = List.of(toleration("node.kubernetes.io/unreachable", "Exists", null, 300L),
        toleration("dedicated", "Equal", "gpu", 60L), toleration("", "Exists", null, 900L));
    assertThat(Tolerations.judge(tolerations, List.of(UNREACHABLE, DEDICATED)))
        .isEqualTo(new Tolerations.Verdict.For(Duration.ofSeconds(60)));
  }

  @Test
  void withoutTolerationSecondsThePodStaysAndNegativeMeansNow() {
    assertThat(Tolerations.judge(List.of(toleration("", "Exists", null, null)), List.of(UNREACHABLE, DEDICATED)))
        .isInstanceOf(Tolerations.Verdict.Forever.class);
    assertThat(Tolerations.judge(List.of(toleration("node.kubernetes.io/unreachable", "Exists", null, -5L)),
        List.of(UNREACHABLE))).isEqualTo(new Tolerations.Verdict.For(Duration.ZERO));
  }

  @Test
  void aTolerationForAnotherEffectDoesNotCount() {
    Toleration noSchedule = new TolerationBuilder().withKey("node.kubernetes.io/unreachable").withOperator("Exists")
        .withEffect("NoSchedule").build();
    assertThat(Tolerations.tolerates(noSchedule, UNREACHABLE)).isFalse();
  }

  private static Toleration toleration(String key, String operator, String value, Long seconds) {
    return new TolerationBuilder().withKey(key).withOperator(operator).withValue(value).withEffect("NoExecute")
        .withTolerationSeconds(seconds).build();
  }
}
