package io.kube4j.apiserver.validation.apps;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.GoSyntax;
import io.kube4j.apiserver.validation.LabelSelectorConversion;
import io.kube4j.componentbase.labels.LabelSelectors;
import io.kube4j.apiserver.validation.LabelValidation;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.core.PodValidation;
import java.util.List;

/**
 * StatefulSets ({@code ValidateStatefulSetSpec}). Upstream checks only the template's labels and
 * annotations, not its pod spec, because volume claim templates add volumes the spec does not declare.
 */
public final class StatefulSetValidation {

  private StatefulSetValidation() {}

  public static ErrorList validateStatefulSetSpec(StatefulSetSpec spec, Path field) {
    ErrorList errs = new ErrorList();
    String policy = spec.getPodManagementPolicy() == null ? "" : spec.getPodManagementPolicy();
    switch (policy) {
      case "" -> errs.required(field.child("podManagementPolicy"), "");
      case "OrderedReady", "Parallel" -> { }
      default -> errs.invalid(field.child("podManagementPolicy"), policy, "must be 'OrderedReady' or 'Parallel'");
    }
    StatefulSetUpdateStrategy us = spec.getUpdateStrategy() == null ? new StatefulSetUpdateStrategy()
        : spec.getUpdateStrategy();
    String type = us.getType() == null ? "" : us.getType();
    Path usPath = field.child("updateStrategy");
    switch (type) {
      case "" -> errs.required(usPath, "");
      case "OnDelete" -> {
        if (us.getRollingUpdate() != null) {
          errs.invalid(usPath.child("rollingUpdate"), new GoSyntax("&apps.RollingUpdateStatefulSetStrategy{...}"),
              "only allowed for updateStrategy 'RollingUpdate'");
        }
      }
      case "RollingUpdate" -> {
        if (us.getRollingUpdate() != null) {
          Path ru = usPath.child("rollingUpdate");
          errs.addAll(ObjectMetaValidation.validateNonnegativeField(AppsValidation.intOf(us.getRollingUpdate().getPartition()),
              ru.child("partition")));
          if (us.getRollingUpdate().getMaxUnavailable() != null) {
            var mu = us.getRollingUpdate().getMaxUnavailable();
            errs.addAll(AppsValidation.validatePositiveIntOrPercent(mu, ru.child("maxUnavailable")));
            if (AppsValidation.intOrPercentValue(mu) == 0) {
              errs.invalid(ru.child("maxUnavailable"), GoSyntax.intOrString(mu), "cannot be 0");
            }
            errs.addAll(AppsValidation.isNotMoreThan100Percent(mu, ru.child("maxUnavailable")));
          }
        }
      }
      default -> errs.invalid(usPath, new GoSyntax("apps.StatefulSetUpdateStrategy{Type:" + GoSyntax.quote(type)
          + ", RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}"), "must be 'RollingUpdate' or 'OnDelete'");
    }
    StatefulSetPersistentVolumeClaimRetentionPolicy retention = spec.getPersistentVolumeClaimRetentionPolicy();
    if (retention != null) {
      Path p = field.child("persistentVolumeClaimRetentionPolicy");
      for (String[] rule : new String[][] {{"whenDeleted", nz(retention.getWhenDeleted())},
          {"whenScaled", nz(retention.getWhenScaled())}}) {
        if (!rule[1].equals("Retain") && !rule[1].equals("Delete")) {
          errs.notSupported(p.child(rule[0]), rule[1], List.of("Retain", "Delete"));
        }
      }
    }
    errs.addAll(ObjectMetaValidation.validateNonnegativeField(AppsValidation.intOf(spec.getReplicas()), field.child("replicas")));
    errs.addAll(ObjectMetaValidation.validateNonnegativeField(AppsValidation.intOf(spec.getMinReadySeconds()),
        field.child("minReadySeconds")));
    if (spec.getOrdinals() != null) {
      errs.addAll(ObjectMetaValidation.validateNonnegativeField(AppsValidation.intOf(spec.getOrdinals().getStart()),
          field.child("ordinals.start")));
    }
    if (spec.getSelector() == null) {
      errs.required(field.child("selector"), "");
    } else {
      errs.addAll(LabelValidation.validateLabelSelector(spec.getSelector(), field.child("selector")));
      if (LabelSelectors.isEmpty(spec.getSelector())) {
        errs.invalid(field.child("selector"), GoSyntax.labelSelector(spec.getSelector()),
            "empty selector is invalid for statefulset");
      }
    }
    PodTemplateSpec template = spec.getTemplate() == null ? new PodTemplateSpec() : spec.getTemplate();
    if (!LabelSelectorConversion.isConvertible(spec.getSelector())) {
      errs.invalid(field.child("selector"), GoSyntax.labelSelector(spec.getSelector()), "");
    } else {
      Path t = field.child("template");
      var meta = template.getMetadata() == null ? new io.fabric8.kubernetes.api.model.ObjectMeta() : template.getMetadata();
      boolean selectsEverything = spec.getSelector() != null && LabelSelectors.isEmpty(spec.getSelector());
      if (!selectsEverything && !LabelSelectors.matches(spec.getSelector(), meta.getLabels())) {
        errs.invalid(t.child("metadata", "labels"), GoSyntax.stringMap(meta.getLabels()), AppsValidation.SELECTOR_MISMATCH);
      }
      errs.addAll(LabelValidation.validateLabels(meta.getLabels(), t.child("labels")));
      errs.addAll(ObjectMetaValidation.validateAnnotations(meta.getAnnotations(), t.child("annotations")));
      errs.addAll(PodValidation.validatePodSpecificAnnotations(meta.getAnnotations(),
          template.getSpec() == null ? new io.fabric8.kubernetes.api.model.PodSpec() : template.getSpec(),
          t.child("annotations")));
    }
    errs.addAll(AppsValidation.restartAlwaysNoDeadline(template, field.child("template", "spec"), "StatefulSet"));
    return errs;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
