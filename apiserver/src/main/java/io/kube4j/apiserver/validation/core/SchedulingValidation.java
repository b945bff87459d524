package io.kube4j.apiserver.validation.core;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.GoSyntax;
import io.kube4j.apiserver.validation.LabelValidation;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.Validation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a pod may run: tolerations, taints, node and pod (anti-)affinity, topology spread constraints.
 * Mirrors {@code ValidateTolerations}, {@code validateNodeTaints}, {@code validateAffinity} and
 * {@code validateTopologySpreadConstraints}.
 */
public final class SchedulingValidation {

  static final List<String> TAINT_EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");

  private SchedulingValidation() {}

  public static ErrorList validateTolerations(List<Toleration> tolerations, Path field) {
    ErrorList errs = new ErrorList();
    if (tolerations == null) {
      return errs;
    }
    for (int i = 0; i < tolerations.size(); i++) {
      Toleration t = tolerations.get(i);
      Path idx = field.index(i);
      String key = nz(t.getKey());
      String op = nz(t.getOperator());
      String effect = nz(t.getEffect());
      String value = nz(t.getValue());
      if (!key.isEmpty()) {
        errs.addAll(LabelValidation.validateLabelName(key, idx.child("key")));
      }
      if (key.isEmpty() && !op.equals("Exists")) {
        errs.invalid(idx.child("operator"), op,
            "operator must be Exists when `key` is empty, which means \"match all values and all keys\"");
      }
      if (t.getTolerationSeconds() != null && !effect.equals("NoExecute")) {
        errs.invalid(idx.child("effect"), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set");
      }
      switch (op) {
        case "Equal", "" -> {
          List<String> msgs = Validation.isValidLabelValue(value);
          if (!msgs.isEmpty()) {
            errs.invalid(idx.child("operator"), value, String.join(";", msgs));
          }
        }
        case "Exists" -> {
          if (!value.isEmpty()) {
            errs.invalid(idx.child("operator"), value, "value must be empty when `operator` is 'Exists'");
          }
        }
        default -> errs.notSupported(idx.child("operator"), op, List.of("Equal", "Exists"));
      }
      if (!effect.isEmpty()) {
        errs.addAll(validateTaintEffect(effect, true, idx.child("effect")));
      }
    }
    return errs;
  }

  static ErrorList validateTaintEffect(String effect, boolean allowEmpty, Path field) {
    ErrorList errs = new ErrorList();
    if (!allowEmpty && effect.isEmpty()) {
      return errs.required(field, "");
    }
    if (!TAINT_EFFECTS.contains(effect)) {
      errs.notSupported(field, effect, TAINT_EFFECTS);
    }
    return errs;
  }

  /** {@code validateNodeTaints}: unique by key and effect. */
  public static ErrorList validateNodeTaints(List<Taint> taints, Path field) {
    ErrorList errs = new ErrorList();
    if (taints == null) {
      return errs;
    }
    Map<String, Set<String>> unique = new HashMap<>();
    for (int i = 0; i < taints.size(); i++) {
      Taint t = taints.get(i);
      Path idx = field.index(i);
      errs.addAll(LabelValidation.validateLabelName(nz(t.getKey()), idx.child("key")));
      List<String> msgs = Validation.isValidLabelValue(nz(t.getValue()));
      if (!msgs.isEmpty()) {
        errs.invalid(idx.child("value"), nz(t.getValue()), String.join(";", msgs));
      }
      errs.addAll(validateTaintEffect(nz(t.getEffect()), false, idx.child("effect")));
      Set<String> keys = unique.computeIfAbsent(nz(t.getEffect()), e -> new HashSet<>());
      if (!keys.add(nz(t.getKey()))) {
        errs.duplicate(idx, new GoSyntax("core.Taint{Key:" + GoSyntax.quote(nz(t.getKey())) + ", Value:"
            + GoSyntax.quote(nz(t.getValue())) + ", Effect:" + GoSyntax.quote(nz(t.getEffect()))
            + ", TimeAdded:<nil>}"), "taints must be unique by key and effect pair");
      }
    }
    return errs;
  }

  static ErrorList validateAffinity(Affinity affinity, Path field) {
    ErrorList errs = new ErrorList();
    if (affinity == null) {
      return errs;
    }
    if (affinity.getNodeAffinity() != null) {
      Path p = field.child("nodeAffinity");
      NodeSelector required = affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
      if (required != null) {
        errs.addAll(validateNodeSelector(required, false, p.child("requiredDuringSchedulingIgnoredDuringExecution")));
      }
      List<PreferredSchedulingTerm> preferred = affinity.getNodeAffinity()
          .getPreferredDuringSchedulingIgnoredDuringExecution();
      if (preferred != null) {
        Path pp = p.child("preferredDuringSchedulingIgnoredDuringExecution");
        for (int i = 0; i < preferred.size(); i++) {
          int w = ProbeValidation.intOf(preferred.get(i).getWeight());
          if (w <= 0 || w > 100) {
            errs.invalid(pp.index(i).child("weight"), w, "must be in the range 1-100");
          }
          errs.addAll(validateNodeSelectorTerm(preferred.get(i).getPreference(), true, pp.index(i).child("preference")));
        }
      }
    }
    if (affinity.getPodAffinity() != null) {
      errs.addAll(validatePodAffinityTerms(affinity.getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(),
          affinity.getPodAffinity().getPreferredDuringSchedulingIgnoredDuringExecution(), field.child("podAffinity")));
    }
    if (affinity.getPodAntiAffinity() != null) {
      errs.addAll(validatePodAffinityTerms(
          affinity.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(),
          affinity.getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution(),
          field.child("podAntiAffinity")));
    }
    return errs;
  }

  public static ErrorList validateNodeSelector(NodeSelector selector, boolean allowInvalidValues, Path field) {
    ErrorList errs = new ErrorList();
    Path terms = field.child("nodeSelectorTerms");
    if (selector.getNodeSelectorTerms() == null || selector.getNodeSelectorTerms().isEmpty()) {
      return errs.required(terms, "must have at least one node selector term");
    }
    for (int i = 0; i < selector.getNodeSelectorTerms().size(); i++) {
      errs.addAll(validateNodeSelectorTerm(selector.getNodeSelectorTerms().get(i), allowInvalidValues, terms.index(i)));
    }
    return errs;
  }

  private static ErrorList validateNodeSelectorTerm(NodeSelectorTerm term, boolean allowInvalidValues, Path field) {
    ErrorList errs = new ErrorList();
    if (term == null) {
      return errs;
    }
    List<NodeSelectorRequirement> exprs = term.getMatchExpressions() == null ? List.of() : term.getMatchExpressions();
    for (int j = 0; j < exprs.size(); j++) {
      errs.addAll(validateNodeSelectorRequirement(exprs.get(j), allowInvalidValues,
          field.child("matchExpressions").index(j)));
    }
    List<NodeSelectorRequirement> fields = term.getMatchFields() == null ? List.of() : term.getMatchFields();
    for (int j = 0; j < fields.size(); j++) {
      NodeSelectorRequirement req = fields.get(j);
      Path p = field.child("matchFields").index(j);
      List<String> values = req.getValues() == null ? List.of() : req.getValues();
      String op = nz(req.getOperator());
      if (op.equals("In") || op.equals("NotIn")) {
        if (values.size() != 1) {
          errs.required(p.child("values"), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector");
        }
      } else {
        errs.invalid(p.child("operator"), op, "not a valid selector operator");
      }
      if (!"metadata.name".equals(req.getKey())) {
        errs.invalid(p.child("key"), nz(req.getKey()), "not a valid field selector key");
      } else {
        for (int i = 0; i < values.size(); i++) {
          errs.invalidEach(p.child("values").index(i), values.get(i),
              NameValidator.DNS_SUBDOMAIN.validate(values.get(i), false));
        }
      }
    }
    return errs;
  }

  private static ErrorList validateNodeSelectorRequirement(NodeSelectorRequirement rq, boolean allowInvalidValues,
      Path field) {
    ErrorList errs = new ErrorList();
    List<String> values = rq.getValues() == null ? List.of() : rq.getValues();
    String op = nz(rq.getOperator());
    switch (op) {
      case "In", "NotIn" -> {
        if (values.isEmpty()) {
          errs.required(field.child("values"), "must be specified when `operator` is 'In' or 'NotIn'");
        }
      }
      case "Exists", "DoesNotExist" -> {
        if (!values.isEmpty()) {
          errs.forbidden(field.child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
        }
      }
      case "Gt", "Lt" -> {
        if (values.size() != 1) {
          errs.required(field.child("values"), "must be specified single value when `operator` is 'Lt' or 'Gt'");
        }
      }
      default -> errs.invalid(field.child("operator"), op, "not a valid selector operator");
    }
    errs.addAll(LabelValidation.validateLabelName(nz(rq.getKey()), field.child("key")));
    if (!allowInvalidValues) {
      for (int i = 0; i < values.size(); i++) {
        errs.invalidEach(field.child("values").index(i), values.get(i), Validation.isValidLabelValue(values.get(i)));
      }
    }
    return errs;
  }

  private static ErrorList validatePodAffinityTerms(List<PodAffinityTerm> required, List<WeightedPodAffinityTerm> preferred,
      Path field) {
    ErrorList errs = new ErrorList();
    if (required != null) {
      Path p = field.child("requiredDuringSchedulingIgnoredDuringExecution");
      for (int i = 0; i < required.size(); i++) {
        errs.addAll(validatePodAffinityTerm(required.get(i), p.index(i)));
      }
    }
    if (preferred != null) {
      Path p = field.child("preferredDuringSchedulingIgnoredDuringExecution");
      for (int i = 0; i < preferred.size(); i++) {
        int w = ProbeValidation.intOf(preferred.get(i).getWeight());
        if (w <= 0 || w > 100) {
          errs.invalid(p.index(i).child("weight"), w, "must be in the range 1-100");
        }
        if (preferred.get(i).getPodAffinityTerm() != null) {
          errs.addAll(validatePodAffinityTerm(preferred.get(i).getPodAffinityTerm(), p.index(i).child("podAffinityTerm")));
        }
      }
    }
    return errs;
  }

  private static ErrorList validatePodAffinityTerm(PodAffinityTerm term, Path field) {
    ErrorList errs = new ErrorList();
    errs.addAll(LabelValidation.validateLabelSelector(term.getLabelSelector(), field.child("labelSelector")));
    errs.addAll(LabelValidation.validateLabelSelector(term.getNamespaceSelector(), field.child("namespaceSelector")));
    if (term.getNamespaces() != null) {
      for (String ns : term.getNamespaces()) {
        errs.invalidEach(field.child("namespace"), ns, NameValidator.DNS_LABEL.validate(ns, false));
      }
    }
    String topologyKey = nz(term.getTopologyKey());
    if (topologyKey.isEmpty()) {
      errs.required(field.child("topologyKey"), "can not be empty");
    }
    errs.addAll(LabelValidation.validateLabelName(topologyKey, field.child("topologyKey")));
    return errs;
  }

  static ErrorList validateTopologySpreadConstraints(List<TopologySpreadConstraint> constraints, Path field) {
    ErrorList errs = new ErrorList();
    if (constraints == null) {
      return errs;
    }
    for (int i = 0; i < constraints.size(); i++) {
      TopologySpreadConstraint c = constraints.get(i);
      Path p = field.index(i);
      int maxSkew = ProbeValidation.intOf(c.getMaxSkew());
      if (maxSkew <= 0) {
        errs.invalid(p.child("maxSkew"), maxSkew, "must be greater than zero");
      }
      if (nz(c.getTopologyKey()).isEmpty()) {
        errs.required(p.child("topologyKey"), "can not be empty");
      }
      String when = nz(c.getWhenUnsatisfiable());
      if (!when.equals("DoNotSchedule") && !when.equals("ScheduleAnyway")) {
        errs.notSupported(p.child("whenUnsatisfiable"), when, List.of("DoNotSchedule", "ScheduleAnyway"));
      }
      for (int j = i + 1; j < constraints.size(); j++) {
        TopologySpreadConstraint other = constraints.get(j);
        if (nz(c.getTopologyKey()).equals(nz(other.getTopologyKey())) && when.equals(nz(other.getWhenUnsatisfiable()))) {
          errs.duplicate(p.child("{topologyKey, whenUnsatisfiable}"), "{" + nz(c.getTopologyKey()) + ", " + when + "}");
          break;
        }
      }
      if (c.getMinDomains() != null) {
        if (c.getMinDomains() <= 0) {
          errs.invalid(p.child("minDomains"), c.getMinDomains(), "must be greater than zero");
        }
        if (!when.equals("DoNotSchedule")) {
          errs.invalid(p.child("minDomains"), c.getMinDomains(),
              "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not " + when);
        }
      }
      errs.addAll(LabelValidation.validateLabelSelector(c.getLabelSelector(), p.child("labelSelector")));
    }
    return errs;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
