package io.kube4j.apiserver.admission.plugins.defaulttolerationseconds;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.admission.MutatingAdmission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Adds the not-ready and unreachable NoExecute tolerations a pod lacks. */
public final class DefaultTolerationSeconds implements MutatingAdmission {

  static final String NOT_READY = "node.kubernetes.io/not-ready";
  static final String UNREACHABLE = "node.kubernetes.io/unreachable";

  private final long notReadySeconds;
  private final long unreachableSeconds;

  /**
   * @param notReadySeconds {@code --default-not-ready-toleration-seconds} (300)
   * @param unreachableSeconds {@code --default-unreachable-toleration-seconds} (300)
   */
  public DefaultTolerationSeconds(long notReadySeconds, long unreachableSeconds) {
    this.notReadySeconds = notReadySeconds;
    this.unreachableSeconds = unreachableSeconds;
  }

  @Override
  public String name() {
    return "DefaultTolerationSeconds";
  }

  @Override
  public boolean handles(Attributes.Operation operation) {
    return operation == Attributes.Operation.CREATE;
  }

  @Override
  public Attributes admit(Attributes a) {
    Optional<Pod> found = a.pod().filter(p -> p.getSpec() != null);
    if (found.isEmpty()) {
      return a;
    }
    Pod pod = found.get();
    List<Toleration> tolerations = pod.getSpec().getTolerations() == null ? new ArrayList<>()
        : new ArrayList<>(pod.getSpec().getTolerations());
    boolean changed = false;
    for (String key : List.of(NOT_READY, UNREACHABLE)) {
      if (tolerations.stream().noneMatch(t -> tolerates(t, key))) {
        tolerations.add(new TolerationBuilder().withKey(key).withOperator("Exists").withEffect("NoExecute")
            .withTolerationSeconds(key.equals(NOT_READY) ? notReadySeconds : unreachableSeconds).build());
        changed = true;
      }
    }
    if (changed) {
      pod.getSpec().setTolerations(tolerations);
    }
    return a;
  }

  /** A toleration already covering this key's NoExecute taint (by key, or tolerating every key). */
  private static boolean tolerates(Toleration t, String key) {
    boolean effect = t.getEffect() == null || t.getEffect().isEmpty() || t.getEffect().equals("NoExecute");
    boolean keyMatches = key.equals(t.getKey()) || (t.getKey() == null || t.getKey().isEmpty())
        && "Exists".equals(t.getOperator());
    return effect && keyMatches;
  }
}
