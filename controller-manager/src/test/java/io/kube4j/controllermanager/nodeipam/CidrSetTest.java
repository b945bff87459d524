package io.kube4j.controllermanager.nodeipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CidrSetTest {

  @Test
  void handsOutEachNodeSubnetOnceInOrder() {
    CidrSet set = new CidrSet("10.244.0.0/16", 24);
    assertThat(set.allocateNext()).hasValue("10.244.0.0/24");
    assertThat(set.allocateNext()).hasValue("10.244.1.0/24");
  }

  @Test
  void skipsOccupiedSubnetsAndRunsOut() {
    CidrSet set = new CidrSet("10.0.0.0/30", 31);
    assertThat(set.occupy("10.0.0.0/31")).isTrue();
    assertThat(set.allocateNext()).hasValue("10.0.0.2/31");
    assertThat(set.allocateNext()).isEmpty();
    set.release("10.0.0.0/31");
    assertThat(set.allocateNext()).hasValue("10.0.0.0/31");
  }

  @Test
  void aReleasedSubnetIsNotReusedBeforeTheOthers() {
    CidrSet set = new CidrSet("10.244.0.0/22", 24);
    set.allocateNext();
    set.allocateNext();
    set.release("10.244.0.0/24");
    assertThat(set.allocateNext()).hasValue("10.244.2.0/24");
  }

  @Test
  void refusesCidrsThatAreNotItsSubnets() {
    CidrSet set = new CidrSet("10.244.0.0/16", 24);
    assertThat(set.occupy("10.245.0.0/24")).isFalse();
    assertThat(set.occupy("10.244.0.128/24")).isFalse();
    assertThat(set.occupy("10.244.0.0/25")).isFalse();
    assertThat(set.isTaken("10.244.0.0/24")).isFalse();
    assertThatThrownBy(() -> new CidrSet("10.244.0.0/16", 8)).hasMessageContaining("does not fit");
  }
}
