package io.kube4j.apiserver.validation.core;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceClaim;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.LabelValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.Validation;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compute resources: names ({@code cpu}, {@code memory}, {@code example.com/gpu}), quantities (not
 * negative, whole numbers where the resource is counted) and requests within limits. Mirrors
 * {@code validateResourceRequirements} and the resource-name helpers of {@code pkg/apis/core/helper}.
 */
public final class ResourceValidation {

  private static final Set<String> STANDARD_CONTAINER_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage");
  private static final Set<String> STANDARD_QUOTA_RESOURCES = Set.of("pods", "services",
      "replicationcontrollers", "resourcequotas", "secrets", "configmaps", "persistentvolumeclaims",
      "services.nodeports", "services.loadbalancers", "requests.cpu", "requests.memory",
      "requests.storage", "requests.ephemeral-storage", "limits.cpu", "limits.memory",
      "limits.ephemeral-storage", "cpu", "memory", "ephemeral-storage", "storage");
  private static final Set<String> STANDARD_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage",
      "requests.cpu", "requests.memory", "requests.ephemeral-storage", "limits.cpu", "limits.memory",
      "limits.ephemeral-storage", "pods", "services", "replicationcontrollers", "resourcequotas", "secrets",
      "persistentvolumeclaims", "storage", "requests.storage", "services.nodeports",
      "services.loadbalancers", "configmaps");
  private static final Set<String> INTEGER_RESOURCES = Set.of("pods", "services", "replicationcontrollers",
      "resourcequotas", "secrets", "configmaps", "persistentvolumeclaims", "services.nodeports",
      "services.loadbalancers");

  private ResourceValidation() {}

  /** {@code ValidateContainerResourceRequirements}. */
  public static ErrorList validateContainerResourceRequirements(ResourceRequirements req, Set<String> podClaims,
      Path field) {
    ErrorList errs = new ErrorList();
    if (req == null) {
      return errs;
    }
    Path limPath = field.child("limits");
    Path reqPath = field.child("requests");
    Map<String, Quantity> limits = req.getLimits() == null ? Map.of() : new TreeMap<>(req.getLimits());
    Map<String, Quantity> requests = req.getRequests() == null ? Map.of() : new TreeMap<>(req.getRequests());
    boolean limCpuOrMemory = false;
    boolean reqCpuOrMemory = false;
    boolean hugePages = false;
    for (Map.Entry<String, Quantity> e : limits.entrySet()) {
      Path p = limPath.key(e.getKey());
      errs.addAll(validateContainerResourceName(e.getKey(), p));
      errs.addAll(validateResourceQuantityValue(e.getKey(), e.getValue(), p));
      hugePages |= isHugePageResourceName(e.getKey());
      limCpuOrMemory |= e.getKey().equals("cpu") || e.getKey().equals("memory");
    }
    for (Map.Entry<String, Quantity> e : requests.entrySet()) {
      String name = e.getKey();
      Path p = reqPath.key(name);
      errs.addAll(validateContainerResourceName(name, p));
      errs.addAll(validateResourceQuantityValue(name, e.getValue(), p));
      Quantity limit = limits.get(name);
      if (limit != null) {
        int cmp = Quantities.compare(e.getValue(), limit);
        if (cmp != 0 && !isOvercommitAllowed(name)) {
          errs.invalid(reqPath, Quantities.text(e.getValue()),
              "must be equal to " + name + " limit of " + Quantities.text(limit));
        } else if (cmp > 0) {
          errs.invalid(reqPath, Quantities.text(e.getValue()),
              "must be less than or equal to " + name + " limit of " + Quantities.text(limit));
        }
      } else if (!isOvercommitAllowed(name)) {
        errs.required(limPath, "Limit must be set for non overcommitable resources");
      }
      hugePages |= isHugePageResourceName(name);
      reqCpuOrMemory |= name.equals("cpu") || name.equals("memory");
    }
    if (!limCpuOrMemory && !reqCpuOrMemory && hugePages) {
      errs.forbidden(field, "HugePages require cpu or memory");
    }
    errs.addAll(validateResourceClaimNames(req.getClaims(), podClaims, field.child("claims")));
    return errs;
  }

  private static ErrorList validateResourceClaimNames(List<ResourceClaim> claims, Set<String> podClaims,
      Path field) {
    ErrorList errs = new ErrorList();
    if (claims == null) {
      return errs;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < claims.size(); i++) {
      String name = claims.get(i).getName() == null ? "" : claims.get(i).getName();
      if (name.isEmpty()) {
        errs.required(field.index(i), "");
        continue;
      }
      if (!names.add(name)) {
        errs.duplicate(field.index(i), name);
      }
      if (!podClaims.contains(name)) {
        errs.add(new io.kube4j.apiserver.api.FieldError(io.kube4j.apiserver.api.FieldError.Type.NOT_FOUND,
            field.index(i).toString(), name, "must be one of the names in pod.spec.resourceClaims"
                + (podClaims.isEmpty() ? " which is empty" : ": " + String.join(", ", new java.util.TreeSet<>(podClaims)))));
      }
    }
    return errs;
  }

  /** {@code ValidateResourceQuantityValue}: not negative, and whole for counted resources. */
  public static ErrorList validateResourceQuantityValue(String resource, Quantity value, Path field) {
    ErrorList errs = new ErrorList();
    var parsed = Quantities.value(value);
    if (parsed.isEmpty()) {
      return errs.invalid(field, Quantities.text(value), Quantities.FORMAT_WRONG);
    }
    if (parsed.get().signum() < 0) {
      errs.invalid(field, Quantities.text(value), "must be greater than or equal to 0");
    }
    if (isIntegerResourceName(resource)) {
      BigDecimal milli = parsed.get().movePointRight(3);
      if (milli.stripTrailingZeros().scale() > 0 || milli.remainder(BigDecimal.valueOf(1000)).signum() != 0) {
        errs.invalid(field, Quantities.text(value), "must be an integer");
      }
    }
    return errs;
  }

  /** {@code ValidatePositiveQuantityValue}. */
  public static ErrorList validatePositiveQuantityValue(Quantity value, Path field) {
    ErrorList errs = new ErrorList();
    if (Quantities.valueOrZero(value).signum() <= 0) {
      errs.invalid(field, Quantities.text(value), "must be greater than zero");
    }
    return errs;
  }

  /** {@code validateResourceName}: a qualified name, and a standard one when it has no prefix. */
  public static ErrorList validateResourceName(String name, Path field) {
    ErrorList errs = LabelValidation.validateLabelName(name, field);
    if (!errs.isEmpty()) {
      return errs;
    }
    if (!name.contains("/") && !isStandardResourceName(name)) {
      errs.invalid(field, name, "must be a standard resource type or fully qualified");
    }
    return errs;
  }

  public static ErrorList validateContainerResourceName(String name, Path field) {
    ErrorList errs = validateResourceName(name, field);
    if (!name.contains("/")) {
      if (!isStandardContainerResourceName(name)) {
        errs.invalid(field, name, "must be a standard resource for containers");
      }
    } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
      errs.invalid(field, name, "doesn't follow extended resource name standard");
    }
    return errs;
  }

  /** {@code ValidateResourceQuotaResourceName}. */
  public static ErrorList validateResourceQuotaResourceName(String name, Path field) {
    ErrorList errs = validateResourceName(name, field);
    if (!name.contains("/") && !isStandardQuotaResourceName(name)) {
      errs.invalid(field, name, "must be a standard resource for quota");
    }
    return errs;
  }

  public static boolean isHugePageResourceName(String name) {
    return name.startsWith("hugepages-");
  }

  public static boolean isNativeResource(String name) {
    return !name.contains("/") || name.contains("kubernetes.io/");
  }

  /** Native resources other than huge pages may be requested below their limit. */
  public static boolean isOvercommitAllowed(String name) {
    return isNativeResource(name) && !isHugePageResourceName(name);
  }

  public static boolean isExtendedResourceName(String name) {
    if (isNativeResource(name) || name.startsWith("requests.")) {
      return false;
    }
    return Validation.isQualifiedName("requests." + name).isEmpty();
  }

  public static boolean isStandardContainerResourceName(String name) {
    return STANDARD_CONTAINER_RESOURCES.contains(name) || isHugePageResourceName(name);
  }

  public static boolean isStandardResourceName(String name) {
    return STANDARD_RESOURCES.contains(name) || isQuotaHugePageResourceName(name)
        || isHugePageResourceName(name) || name.startsWith("count/");
  }

  public static boolean isStandardQuotaResourceName(String name) {
    return STANDARD_QUOTA_RESOURCES.contains(name) || isQuotaHugePageResourceName(name);
  }

  public static boolean isIntegerResourceName(String name) {
    return INTEGER_RESOURCES.contains(name) || isExtendedResourceName(name) || name.startsWith("count/");
  }

  private static boolean isQuotaHugePageResourceName(String name) {
    return name.startsWith("requests.hugepages-") || name.startsWith("limits.hugepages-");
  }
}
