package io.kube4j.apiserver.registry.scheduling.priorityclass;

import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.GoSyntax;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code priorityClassStrategy} and {@code ValidatePriorityClass}. */
public final class PriorityClassStrategy implements Strategy<PriorityClass> {

  /** {@code HighestUserDefinablePriority}. */
  public static final int HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;
  /** The built-in classes: {@code SystemPriorityClasses()}. */
  public static final Map<String, Integer> SYSTEM_PRIORITY_CLASSES = Map.of(
      "system-cluster-critical", 2_000_000_000, "system-node-critical", 2_000_001_000);

  /** {@code SetDefaults_PriorityClass}: preempt lower priorities. */
  @Override
  public void applyDefaults(PriorityClass pc) {
    if (pc.getPreemptionPolicy() == null) {
      pc.setPreemptionPolicy("PreemptLowerPriority");
    }
  }

  @Override
  public List<FieldError> validate(PriorityClass pc) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(pc.getMetadata(), false, NameValidator.DNS_SUBDOMAIN,
        Path.root("metadata"));
    String name = pc.getMetadata().getName() == null ? "" : pc.getMetadata().getName();
    int value = pc.getValue() == null ? 0 : pc.getValue();
    if (name.startsWith("system-")) {
      String error = systemClassError(name, value, Boolean.TRUE.equals(pc.getGlobalDefault()));
      if (error != null) {
        errs.forbidden(Path.root("metadata", "name"),
            "priority class names with 'system-' prefix are reserved for system use only. error: " + error);
      }
    } else if (value > HIGHEST_USER_DEFINABLE_PRIORITY) {
      errs.forbidden(Path.root("value"), "maximum allowed value of a user defined priority is "
          + HIGHEST_USER_DEFINABLE_PRIORITY);
    }
    if (pc.getPreemptionPolicy() != null) {
      String policy = pc.getPreemptionPolicy();
      if (policy.isEmpty()) {
        errs.required(Path.root("preemptionPolicy"), "");
      } else if (!policy.equals("PreemptLowerPriority") && !policy.equals("Never")) {
        errs.notSupported(Path.root("preemptionPolicy"), policy, List.of("PreemptLowerPriority", "Never"));
      }
    }
    return errs;
  }

  /** {@code ValidatePriorityClassUpdate}: value and preemption policy are fixed. */
  @Override
  public List<FieldError> validateUpdate(PriorityClass pc, PriorityClass old) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(pc.getMetadata(), old.getMetadata(),
        Path.root("metadata"));
    if (!Objects.equals(value(pc), value(old))) {
      errs.forbidden(Path.root("value"), "may not be changed in an update.");
    }
    errs.addAll(ObjectMetaValidation.validateImmutableField(pc.getPreemptionPolicy(), old.getPreemptionPolicy(),
        pc.getPreemptionPolicy() == null ? new GoSyntax("null") : pc.getPreemptionPolicy(), Path.root("preemptionPolicy")));
    return errs;
  }

  /** {@code IsKnownSystemPriorityClass}: the error, or null for a known system class. */
  static String systemClassError(String name, int value, boolean globalDefault) {
    Integer expected = SYSTEM_PRIORITY_CLASSES.get(name);
    if (expected == null) {
      return name + " is not a known system priority class";
    }
    if (expected != value) {
      return "value of " + name + " PriorityClass must be " + expected;
    }
    if (globalDefault) {
      return "globalDefault of " + name + " PriorityClass must be false";
    }
    return null;
  }

  private static int value(PriorityClass pc) {
    return pc.getValue() == null ? 0 : pc.getValue();
  }
}
