package io.kube4j.apiserver.admission.plugins.priority;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.admission.MutatingAdmission;
import io.kube4j.apiserver.api.StatusException;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** The Priority admission plugin, for pod creates. */
public final class Priority implements MutatingAdmission {

  private final Function<String, Optional<PriorityClass>> classes;
  private final Supplier<Collection<PriorityClass>> all;

  /**
   * @param classes a PriorityClass by name
   * @param all every PriorityClass, to find the global default
   */
  public Priority(Function<String, Optional<PriorityClass>> classes, Supplier<Collection<PriorityClass>> all) {
    this.classes = classes;
    this.all = all;
  }

  @Override
  public String name() {
    return "Priority";
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
    String className = pod.getSpec().getPriorityClassName();
    int priority;
    String policy;
    if (className == null || className.isEmpty()) {
      // the lowest-valued global default, as upstream picks when several claim it
      Optional<PriorityClass> dflt = all.get().stream().filter(pc -> Boolean.TRUE.equals(pc.getGlobalDefault()))
          .min(Comparator.comparing(PriorityClass::getValue));
      priority = dflt.map(PriorityClass::getValue).orElse(0);
      policy = dflt.map(PriorityClass::getPreemptionPolicy).orElse("PreemptLowerPriority");
      dflt.ifPresent(pc -> pod.getSpec().setPriorityClassName(pc.getMetadata().getName()));
    } else {
      PriorityClass pc = classes.apply(className).orElseThrow(() -> StatusException.forbidden(
          a.resource().groupResource(), pod.getMetadata().getName(), "no PriorityClass with name " + className
              + " was found"));
      priority = pc.getValue();
      policy = pc.getPreemptionPolicy() == null ? "PreemptLowerPriority" : pc.getPreemptionPolicy();
    }
    if (pod.getSpec().getPriority() != null && !Objects.equals(pod.getSpec().getPriority(), priority)) {
      throw StatusException.forbidden(a.resource().groupResource(), pod.getMetadata().getName(),
          "the integer value of priority (" + pod.getSpec().getPriority() + ") must not be provided in pod spec; "
              + "priority admission controller computed " + priority + " from the given PriorityClass name");
    }
    pod.getSpec().setPriority(priority);
    if (pod.getSpec().getPreemptionPolicy() == null) {
      pod.getSpec().setPreemptionPolicy(policy);
    }
    return a;
  }
}
