package io.kube4j.apiserver.validation.apps;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSetSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSetUpdateStrategy;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDaemonSet;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.GoSyntax;
import io.kube4j.apiserver.validation.LabelSelectorConversion;
import io.kube4j.componentbase.labels.LabelSelectors;
import io.kube4j.apiserver.validation.LabelValidation;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.Validation;
import io.kube4j.apiserver.validation.core.PodValidation;
import java.util.List;
import java.util.Map;

/** Deployments, ReplicaSets and DaemonSets ({@code ValidateDeploymentSpec} and friends). */
public final class AppsValidation {

  /** The template-match error, shared by every controller with a selector. */
  public static final String SELECTOR_MISMATCH = "`selector` does not match template `labels`";

  private AppsValidation() {}

  public static ErrorList validateDeploymentSpec(DeploymentSpec spec, Path field) {
    ErrorList errs = ObjectMetaValidation.validateNonnegativeField(intOf(spec.getReplicas()), field.child("replicas"));
    errs.addAll(validateSelector(spec.getSelector(), field.child("selector"), "deployment"));
    if (LabelSelectorConversion.isConvertible(spec.getSelector())) {
      errs.addAll(validatePodTemplateSpecForReplicaSet(spec.getTemplate(), spec.getSelector(), field.child("template"),
          "ReplicaSet"));
    } else {
      errs.invalid(field.child("selector"), GoSyntax.labelSelector(spec.getSelector()), "invalid label selector");
    }
    errs.addAll(validateDeploymentStrategy(spec.getStrategy(), field.child("strategy")));
    errs.addAll(ObjectMetaValidation.validateNonnegativeField(intOf(spec.getMinReadySeconds()),
        field.child("minReadySeconds")));
    if (spec.getRevisionHistoryLimit() != null) {
      errs.addAll(ObjectMetaValidation.validateNonnegativeField(spec.getRevisionHistoryLimit(),
          field.child("revisionHistoryLimit")));
    }
    if (spec.getProgressDeadlineSeconds() != null) {
      errs.addAll(ObjectMetaValidation.validateNonnegativeField(spec.getProgressDeadlineSeconds(),
          field.child("progressDeadlineSeconds")));
      if (spec.getProgressDeadlineSeconds() <= intOf(spec.getMinReadySeconds())) {
        errs.invalid(field.child("progressDeadlineSeconds"), spec.getProgressDeadlineSeconds(),
            "must be greater than minReadySeconds");
      }
    }
    return errs;
  }

  public static ErrorList validateReplicaSetSpec(ReplicaSetSpec spec, Path field) {
    ErrorList errs = ObjectMetaValidation.validateNonnegativeField(intOf(spec.getReplicas()), field.child("replicas"));
    errs.addAll(ObjectMetaValidation.validateNonnegativeField(intOf(spec.getMinReadySeconds()),
        field.child("minReadySeconds")));
    // upstream says "deployment" here too
    errs.addAll(validateSelector(spec.getSelector(), field.child("selector"), "deployment"));
    if (LabelSelectorConversion.isConvertible(spec.getSelector())) {
      errs.addAll(validatePodTemplateSpecForReplicaSet(spec.getTemplate(), spec.getSelector(), field.child("template"),
          "ReplicaSet"));
    } else {
      errs.invalid(field.child("selector"), GoSyntax.labelSelector(spec.getSelector()), "invalid label selector");
    }
    return errs;
  }

  public static ErrorList validateDaemonSetSpec(DaemonSetSpec spec, Path field) {
    ErrorList errs = LabelValidation.validateLabelSelector(spec.getSelector(), field.child("selector"));
    PodTemplateSpec template = spec.getTemplate() == null ? new PodTemplateSpec() : spec.getTemplate();
    Map<String, String> labels = template.getMetadata() == null ? null : template.getMetadata().getLabels();
    if (LabelSelectorConversion.isConvertible(spec.getSelector()) && !LabelSelectors.matches(spec.getSelector(), labels)) {
      errs.invalid(field.child("template", "metadata", "labels"), GoSyntax.stringMap(labels), SELECTOR_MISMATCH);
    }
    if (spec.getSelector() != null && LabelSelectors.isEmpty(spec.getSelector())) {
      errs.invalid(field.child("selector"), GoSyntax.labelSelector(spec.getSelector()), "empty selector is invalid for daemonset");
    }
    errs.addAll(PodValidation.validatePodTemplateSpec(template, field.child("template")));
    errs.addAll(restartAlwaysNoDeadline(template, field.child("template", "spec"), "DaemonSet"));
    errs.addAll(ObjectMetaValidation.validateNonnegativeField(intOf(spec.getMinReadySeconds()),
        field.child("minReadySeconds")));
    errs.addAll(validateDaemonSetUpdateStrategy(spec.getUpdateStrategy(), field.child("updateStrategy")));
    if (spec.getRevisionHistoryLimit() != null) {
      errs.addAll(ObjectMetaValidation.validateNonnegativeField(spec.getRevisionHistoryLimit(),
          field.child("revisionHistoryLimit")));
    }
    return errs;
  }

  /** Selector required, valid, and not empty (which would select every pod in the namespace). */
  static ErrorList validateSelector(LabelSelector selector, Path field, String what) {
    ErrorList errs = new ErrorList();
    if (selector == null) {
      return errs.required(field, "");
    }
    errs.addAll(LabelValidation.validateLabelSelector(selector, field));
    if (LabelSelectors.isEmpty(selector)) {
      errs.invalid(field, GoSyntax.labelSelector(selector), "empty selector is invalid for " + what);
    }
    return errs;
  }

  /** {@code ValidatePodTemplateSpecForReplicaSet}: template labels selected, restart Always, no deadline. */
  public static ErrorList validatePodTemplateSpecForReplicaSet(PodTemplateSpec template, LabelSelector selector,
      Path field, String kind) {
    ErrorList errs = new ErrorList();
    if (template == null) {
      return errs.required(field, "");
    }
    Map<String, String> labels = template.getMetadata() == null ? null : template.getMetadata().getLabels();
    boolean selectsEverything = selector != null && LabelSelectors.isEmpty(selector);
    if (!selectsEverything && !LabelSelectors.matches(selector, labels)) {
      errs.invalid(field.child("metadata", "labels"), GoSyntax.stringMap(labels), SELECTOR_MISMATCH);
    }
    errs.addAll(PodValidation.validatePodTemplateSpec(template, field));
    errs.addAll(restartAlwaysNoDeadline(template, field.child("spec"), kind));
    return errs;
  }

  static ErrorList restartAlwaysNoDeadline(PodTemplateSpec template, Path specField, String kind) {
    ErrorList errs = new ErrorList();
    String restart = template.getSpec() == null || template.getSpec().getRestartPolicy() == null ? ""
        : template.getSpec().getRestartPolicy();
    if (!restart.equals("Always")) {
      errs.notSupported(specField.child("restartPolicy"), restart, List.of("Always"));
    }
    if (template.getSpec() != null && template.getSpec().getActiveDeadlineSeconds() != null) {
      errs.forbidden(specField.child("activeDeadlineSeconds"), "activeDeadlineSeconds in " + kind + " is not Supported");
    }
    return errs;
  }

  static ErrorList validateDeploymentStrategy(DeploymentStrategy strategy, Path field) {
    ErrorList errs = new ErrorList();
    DeploymentStrategy s = strategy == null ? new DeploymentStrategy() : strategy;
    String type = s.getType() == null ? "" : s.getType();
    switch (type) {
      case "Recreate" -> {
        if (s.getRollingUpdate() != null) {
          errs.forbidden(field.child("rollingUpdate"), "may not be specified when strategy `type` is 'Recreate'");
        }
      }
      case "RollingUpdate" -> {
        if (s.getRollingUpdate() == null) {
          errs.required(field.child("rollingUpdate"), "this should be defaulted and never be nil");
        } else {
          errs.addAll(validateRollingUpdateDeployment(s.getRollingUpdate(), field.child("rollingUpdate")));
        }
      }
      default -> errs.notSupported(field, new GoSyntax("apps.DeploymentStrategy{Type:" + GoSyntax.quote(type)
          + ", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}"), List.of("Recreate", "RollingUpdate"));
    }
    return errs;
  }

  private static ErrorList validateRollingUpdateDeployment(RollingUpdateDeployment ru, Path field) {
    ErrorList errs = validatePositiveIntOrPercent(ru.getMaxUnavailable(), field.child("maxUnavailable"));
    errs.addAll(validatePositiveIntOrPercent(ru.getMaxSurge(), field.child("maxSurge")));
    if (intOrPercentValue(ru.getMaxUnavailable()) == 0 && intOrPercentValue(ru.getMaxSurge()) == 0) {
      errs.invalid(field.child("maxUnavailable"), GoSyntax.intOrString(ru.getMaxUnavailable()),
          "may not be 0 when `maxSurge` is 0");
    }
    errs.addAll(isNotMoreThan100Percent(ru.getMaxUnavailable(), field.child("maxUnavailable")));
    return errs;
  }

  static ErrorList validateDaemonSetUpdateStrategy(DaemonSetUpdateStrategy strategy, Path field) {
    ErrorList errs = new ErrorList();
    DaemonSetUpdateStrategy s = strategy == null ? new DaemonSetUpdateStrategy() : strategy;
    String type = s.getType() == null ? "" : s.getType();
    switch (type) {
      case "OnDelete" -> { }
      case "RollingUpdate" -> {
        RollingUpdateDaemonSet ru = s.getRollingUpdate();
        if (ru == null) {
          return errs.required(field.child("rollingUpdate"), "");
        }
        Path p = field.child("rollingUpdate");
        errs.addAll(validatePositiveIntOrPercent(ru.getMaxUnavailable(), p.child("maxUnavailable")));
        errs.addAll(validatePositiveIntOrPercent(ru.getMaxSurge(), p.child("maxSurge")));
        errs.addAll(isNotMoreThan100Percent(ru.getMaxUnavailable(), p.child("maxUnavailable")));
        errs.addAll(isNotMoreThan100Percent(ru.getMaxSurge(), p.child("maxSurge")));
        boolean unavailable = intOrPercentValue(ru.getMaxUnavailable()) != 0;
        boolean surge = intOrPercentValue(ru.getMaxSurge()) != 0;
        if (unavailable && surge) {
          errs.invalid(p.child("maxSurge"), GoSyntax.intOrString(ru.getMaxSurge()),
              "may not be set when maxUnavailable is non-zero");
        } else if (!unavailable && !surge) {
          errs.required(p.child("maxUnavailable"), "cannot be 0 when maxSurge is 0");
        }
      }
      default -> errs.notSupported(field, new GoSyntax("apps.DaemonSetUpdateStrategy{Type:" + GoSyntax.quote(type)
          + ", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}"), List.of("RollingUpdate", "OnDelete"));
    }
    return errs;
  }

  /** {@code ValidatePositiveIntOrPercent}: a non-negative number or a {@code N%} string. */
  public static ErrorList validatePositiveIntOrPercent(IntOrString v, Path field) {
    ErrorList errs = new ErrorList();
    if (v == null) {
      return errs;
    }
    if (v.getStrVal() != null) {
      errs.invalidEach(field, GoSyntax.intOrString(v), Validation.isValidPercent(v.getStrVal()));
    } else {
      errs.addAll(ObjectMetaValidation.validateNonnegativeField(intOf(v.getIntVal()), field));
    }
    return errs;
  }

  public static ErrorList isNotMoreThan100Percent(IntOrString v, Path field) {
    ErrorList errs = new ErrorList();
    if (v != null && v.getStrVal() != null && Validation.isValidPercent(v.getStrVal()).isEmpty()
        && percent(v.getStrVal()) > 100) {
      errs.invalid(field, GoSyntax.intOrString(v), "must not be greater than 100%");
    }
    return errs;
  }

  /** The number, or the percentage's number; an invalid percentage counts as 0 ({@code IntValue()}). */
  public static int intOrPercentValue(IntOrString v) {
    if (v == null) {
      return 0;
    }
    if (v.getStrVal() != null) {
      if (Validation.isValidPercent(v.getStrVal()).isEmpty()) {
        return percent(v.getStrVal());
      }
      try {
        return Integer.parseInt(v.getStrVal());
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return intOf(v.getIntVal());
  }

  private static int percent(String s) {
    try {
      return Integer.parseInt(s.substring(0, s.length() - 1));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  static int intOf(Integer i) {
    return i == null ? 0 : i;
  }
}
