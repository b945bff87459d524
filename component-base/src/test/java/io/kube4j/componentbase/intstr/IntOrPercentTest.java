package io.kube4j.componentbase.intstr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.IntOrString;
import org.junit.jupiter.api.Test;

class IntOrPercentTest {

  @Test
  void numbersAreThemselves() {
    assertThat(IntOrPercent.scaled(new IntOrString(3), 10, true)).isEqualTo(3);
    assertThat(IntOrPercent.isPercent(new IntOrString(3))).isFalse();
  }

  @Test
  void percentagesRoundAsAsked() {
    assertThat(IntOrPercent.scaled(new IntOrString("25%"), 10, true)).isEqualTo(3);
    assertThat(IntOrPercent.scaled(new IntOrString("25%"), 10, false)).isEqualTo(2);
    assertThat(IntOrPercent.scaled(new IntOrString("50%"), 4, true)).isEqualTo(2);
    assertThat(IntOrPercent.scaled(new IntOrString("0%"), 7, true)).isZero();
    assertThat(IntOrPercent.scaled(new IntOrString("100%"), 7, false)).isEqualTo(7);
  }

  @Test
  void otherStringsAreRefused() {
    assertThatThrownBy(() -> IntOrPercent.scaled(new IntOrString("ten"), 10, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a percentage");
    assertThatThrownBy(() -> IntOrPercent.scaled(new IntOrString("x%"), 10, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid value");
  }
}
