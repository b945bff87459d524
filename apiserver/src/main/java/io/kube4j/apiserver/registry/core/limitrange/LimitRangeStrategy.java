package io.kube4j.apiserver.registry.core.limitrange;

import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeItem;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.LabelValidation;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.core.Quantities;
import io.kube4j.apiserver.validation.core.ResourceValidation;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@code limitrangeStrategy}: {@code SetDefaults_LimitRangeItem} and {@code ValidateLimitRange}. */
public final class LimitRangeStrategy implements Strategy<LimitRange> {

  private static final Set<String> STANDARD_TYPES = Set.of("Pod", "Container", "PersistentVolumeClaim");

  @Override
  public void applyDefaults(LimitRange lr) {
    if (lr.getSpec() == null || lr.getSpec().getLimits() == null) {
      return;
    }
    for (LimitRangeItem item : lr.getSpec().getLimits()) {
      if (!"Container".equals(item.getType())) {
        continue;
      }
      Map<String, Quantity> def = item.getDefault() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(item.getDefault());
      Map<String, Quantity> defReq = item.getDefaultRequest() == null ? new LinkedHashMap<>()
          : new LinkedHashMap<>(item.getDefaultRequest());
      if (item.getMax() != null) {
        item.getMax().forEach(def::putIfAbsent);
      }
      def.forEach(defReq::putIfAbsent);
      if (item.getMin() != null) {
        item.getMin().forEach(defReq::putIfAbsent);
      }
      item.setDefault(def);
      item.setDefaultRequest(defReq);
    }
  }

  @Override
  public List<FieldError> validate(LimitRange lr) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(lr.getMetadata(), true, NameValidator.DNS_SUBDOMAIN,
        Path.root("metadata"));
    List<LimitRangeItem> limits = lr.getSpec() == null || lr.getSpec().getLimits() == null ? List.of()
        : lr.getSpec().getLimits();
    Set<String> types = new HashSet<>();
    for (int i = 0; i < limits.size(); i++) {
      LimitRangeItem item = limits.get(i);
      Path idx = Path.root("spec", "limits").index(i);
      String type = item.getType() == null ? "" : item.getType();
      ErrorList typeErrs = LabelValidation.validateLabelName(type, idx.child("type"));
      if (typeErrs.isEmpty() && !type.contains("/") && !STANDARD_TYPES.contains(type)) {
        typeErrs.invalid(idx.child("type"), type, "must be a standard limit type or fully qualified");
      }
      errs.addAll(typeErrs);
      if (!types.add(type)) {
        errs.duplicate(idx.child("type"), type);
      }
      Set<String> keys = new TreeSet<>();
      names(errs, keys, type, item.getMax(), idx.child("max"));
      names(errs, keys, type, item.getMin(), idx.child("min"));
      if (type.equals("Pod")) {
        if (item.getDefault() != null && !item.getDefault().isEmpty()) {
          errs.forbidden(idx.child("default"), "may not be specified when `type` is 'Pod'");
        }
        if (item.getDefaultRequest() != null && !item.getDefaultRequest().isEmpty()) {
          errs.forbidden(idx.child("defaultRequest"), "may not be specified when `type` is 'Pod'");
        }
      } else {
        names(errs, keys, type, item.getDefault(), idx.child("default"));
        names(errs, keys, type, item.getDefaultRequest(), idx.child("defaultRequest"));
      }
      if (type.equals("PersistentVolumeClaim") && !has(item.getMin(), "storage") && !has(item.getMax(), "storage")) {
        errs.required(idx.child("limits"), "either minimum or maximum storage value is required, but neither was provided");
      }
      names(errs, keys, type, item.getMaxLimitRequestRatio(), idx.child("maxLimitRequestRatio"));
      for (String k : keys) {
        Quantity min = get(item.getMin(), k);
        Quantity max = get(item.getMax(), k);
        Quantity def = get(item.getDefault(), k);
        Quantity defReq = get(item.getDefaultRequest(), k);
        Quantity ratio = get(item.getMaxLimitRequestRatio(), k);
        if (min != null && max != null && Quantities.compare(min, max) > 0) {
          errs.invalid(idx.child("min").key(k), text(min), "min value " + text(min) + " is greater than max value " + text(max));
        }
        if (defReq != null && min != null && Quantities.compare(min, defReq) > 0) {
          errs.invalid(idx.child("defaultRequest").key(k), text(defReq),
              "min value " + text(min) + " is greater than default request value " + text(defReq));
        }
        if (defReq != null && max != null && Quantities.compare(defReq, max) > 0) {
          errs.invalid(idx.child("defaultRequest").key(k), text(defReq),
              "default request value " + text(defReq) + " is greater than max value " + text(max));
        }
        if (defReq != null && def != null && Quantities.compare(defReq, def) > 0) {
          errs.invalid(idx.child("defaultRequest").key(k), text(defReq),
              "default request value " + text(defReq) + " is greater than default limit value " + text(def));
        }
        if (def != null && min != null && Quantities.compare(min, def) > 0) {
          errs.invalid(idx.child("default").key(k), text(min), "min value " + text(min) + " is greater than default value "
              + text(def));
        }
        if (def != null && max != null && Quantities.compare(def, max) > 0) {
          errs.invalid(idx.child("default").key(k), text(max), "default value " + text(def) + " is greater than max value "
              + text(max));
        }
        if (ratio != null && Quantities.compare(ratio, new Quantity("1")) < 0) {
          errs.invalid(idx.child("maxLimitRequestRatio").key(k), text(ratio), "ratio " + text(ratio) + " is less than 1");
        }
      }
    }
    return errs;
  }

  @Override
  public List<FieldError> validateUpdate(LimitRange lr, LimitRange old) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(lr.getMetadata(), old.getMetadata(),
        Path.root("metadata"));
    errs.addAll(validate(lr));
    return errs;
  }

  @Override
  public boolean allowCreateOnUpdate() {
    return true;
  }

  private static void names(ErrorList errs, Set<String> keys, String type, Map<String, Quantity> list, Path field) {
    if (list == null) {
      return;
    }
    for (String k : new TreeMap<>(list).keySet()) {
      errs.addAll(type.equals("Pod") || type.equals("Container")
          ? ResourceValidation.validateContainerResourceName(k, field.key(k))
          : ResourceValidation.validateResourceName(k, field.key(k)));
      keys.add(k);
    }
  }

  private static boolean has(Map<String, Quantity> m, String k) {
    return m != null && m.containsKey(k);
  }

  private static Quantity get(Map<String, Quantity> m, String k) {
    return m == null ? null : m.get(k);
  }

  private static String text(Quantity q) {
    return Quantities.text(q);
  }
}
