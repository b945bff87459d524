package io.kube4j.apiserver.admission.plugins.limitranger;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LimitRangeItem;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** min, max and limit-to-request ratio checks, with upstream's messages ({@code minConstraint}...). */
final class Constraints {

  private Constraints() {}

  static void check(String type, LimitRangeItem item, Map<String, Quantity> requests, Map<String, Quantity> limits,
      List<String> errors) {
    new TreeMap<>(LimitRanger.orEmpty(item.getMin())).forEach((k, min) -> {
      Quantity req = requests.get(k);
      Quantity lim = limits.get(k);
      if (req == null) {
        errors.add("minimum " + k + " usage per " + type + " is " + min + ".  No request is specified");
      } else if (LimitRanger.value(req).compareTo(LimitRanger.value(min)) < 0) {
        errors.add("minimum " + k + " usage per " + type + " is " + min + ", but request is " + req);
      } else if (lim != null && LimitRanger.value(lim).compareTo(LimitRanger.value(min)) < 0) {
        errors.add("minimum " + k + " usage per " + type + " is " + min + ", but limit is " + lim);
      }
    });
    new TreeMap<>(LimitRanger.orEmpty(item.getMax())).forEach((k, max) -> {
      Quantity req = requests.get(k);
      Quantity lim = limits.get(k);
      if (lim == null) {
        errors.add("maximum " + k + " usage per " + type + " is " + max + ".  No limit is specified");
      } else if (LimitRanger.value(lim).compareTo(LimitRanger.value(max)) > 0) {
        errors.add("maximum " + k + " usage per " + type + " is " + max + ", but limit is " + lim);
      } else if (req != null && LimitRanger.value(req).compareTo(LimitRanger.value(max)) > 0) {
        errors.add("maximum " + k + " usage per " + type + " is " + max + ", but request is " + req);
      }
    });
    new TreeMap<>(LimitRanger.orEmpty(item.getMaxLimitRequestRatio())).forEach((k, ratio) -> {
      Quantity req = requests.get(k);
      Quantity lim = limits.get(k);
      if (req == null || LimitRanger.value(req).signum() == 0) {
        errors.add(k + " max limit to request ratio per " + type + " is " + ratio
            + ", but no request is specified or request is 0");
      } else if (lim == null || LimitRanger.value(lim).signum() == 0) {
        errors.add(k + " max limit to request ratio per " + type + " is " + ratio
            + ", but no limit is specified or limit is 0");
      } else {
        BigDecimal observed = LimitRanger.value(lim).divide(LimitRanger.value(req), 6, RoundingMode.HALF_EVEN);
        if (observed.compareTo(LimitRanger.value(ratio)) > 0) {
          errors.add(k + " max limit to request ratio per " + type + " is " + ratio + ", but provided ratio is "
              + String.format(Locale.ROOT, "%f", observed.doubleValue()));
        }
      }
    });
  }

  /** A pod's total per resource; a resource some container leaves out is left out ({@code sum}). */
  static Map<String, Quantity> sum(List<Container> containers,
      Function<ResourceRequirements, Map<String, Quantity>> part) {
    Map<String, BigDecimal> totals = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Container c : containers) {
      Map<String, Quantity> m = c.getResources() == null ? Map.of() : LimitRanger.orEmpty(part.apply(c.getResources()));
      m.forEach((k, q) -> {
        totals.merge(k, LimitRanger.value(q), BigDecimal::add);
        seen.merge(k, 1, Integer::sum);
      });
    }
    Map<String, Quantity> out = new HashMap<>();
    totals.forEach((k, v) -> {
      if (seen.get(k) == containers.size()) {
        out.put(k, new Quantity(v.stripTrailingZeros().toPlainString()));
      }
    });
    return out;
  }
}
