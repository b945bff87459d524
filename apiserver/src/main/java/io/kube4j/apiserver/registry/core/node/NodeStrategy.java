package io.kube4j.apiserver.registry.core.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.StatusStrategy;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.GoSyntax;
import io.kube4j.apiserver.validation.IpAddresses;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.Validation;
import io.kube4j.apiserver.validation.core.ResourceValidation;
import io.kube4j.apiserver.validation.core.SchedulingValidation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** How nodes are validated ({@code nodeStrategy}, {@code ValidateNode}, {@code ValidateNodeUpdate}). */
public final class NodeStrategy implements Strategy<Node> {

  /**
   * {@code SetDefaults_NodeStatus} (allocatable defaults to capacity) and the v1 conversion that keeps
   * {@code spec.podCIDR} and {@code spec.podCIDRs[0]} the same.
   */
  @Override
  public void applyDefaults(Node node) {
    if (node.getSpec() == null) {
      // Go's NodeSpec is a struct, never nil: a node always has "spec": {} on the wire
      node.setSpec(new NodeSpec());
    }
    NodeSpec spec = node.getSpec();
    if (spec != null) {
      boolean hasList = spec.getPodCIDRs() != null && !spec.getPodCIDRs().isEmpty();
      if (!isEmpty(spec.getPodCIDR()) && !hasList) {
        spec.setPodCIDRs(new ArrayList<>(List.of(spec.getPodCIDR())));
      } else if (hasList) {
        spec.setPodCIDR(spec.getPodCIDRs().get(0));
      }
    }
    var status = node.getStatus();
    if (status != null && (status.getAllocatable() == null || status.getAllocatable().isEmpty())
        && status.getCapacity() != null && !status.getCapacity().isEmpty()) {
      status.setAllocatable(new LinkedHashMap<>(status.getCapacity()));
    }
  }

  /** A kubelet registers its node with a status; updates of the main resource keep the stored status. */
  @Override
  public void prepareForUpdate(Node node, Node old) {
    node.setStatus(old.getStatus());
  }

  @Override
  public List<FieldError> validate(Node node) {
    Path meta = Path.root("metadata");
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(node.getMetadata(), false,
        NameValidator.DNS_SUBDOMAIN, meta);
    NodeSpec spec = node.getSpec() == null ? new NodeSpec() : node.getSpec();
    errs.addAll(SchedulingValidation.validateNodeTaints(spec.getTaints(), meta.child("taints")));
    errs.addAll(validateNodeResources(node));
    List<String> cidrs = spec.getPodCIDRs() == null ? List.of() : spec.getPodCIDRs();
    Path cidrsPath = Path.root("spec", "podCIDRs");
    for (int i = 0; i < cidrs.size(); i++) {
      errs.addAll(Validation.isValidCIDR(cidrsPath.index(i), cidrs.get(i)));
    }
    if (cidrs.size() > 1) {
      long v6 = cidrs.stream().filter(c -> IpAddresses.isIPv6(c.contains("/") ? c.substring(0, c.indexOf('/')) : c)).count();
      if (cidrs.size() > 2 || v6 != 1) {
        errs.invalid(cidrsPath, GoSyntax.stringSlice(cidrs), "may specify no more than one CIDR for each IP family");
      }
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < cidrs.size(); i++) {
        if (!seen.add(cidrs.get(i))) {
          errs.duplicate(cidrsPath.index(i), cidrs.get(i));
        }
      }
    }
    return errs;
  }

  @Override
  public List<FieldError> validateUpdate(Node node, Node old) {
    ErrorList errs = new ErrorList();
    errs.addAll(validate(node));
    errs.addAll(validateNodeUpdate(node, old));
    return errs;
  }

  /** {@code ValidateNodeUpdate}: pod CIDRs and provider ID may only go from unset to set. */
  static ErrorList validateNodeUpdate(Node node, Node old) {
    Path meta = Path.root("metadata");
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(node.getMetadata(), old.getMetadata(), meta);
    errs.addAll(validateNodeResources(node));
    if (node.getStatus() != null && node.getStatus().getAddresses() != null) {
      Set<NodeAddress> seen = new HashSet<>();
      List<NodeAddress> addresses = node.getStatus().getAddresses();
      for (int i = 0; i < addresses.size(); i++) {
        NodeAddress a = addresses.get(i);
        if (!seen.add(a)) {
          errs.duplicate(Path.root("status", "addresses").index(i), new GoSyntax("core.NodeAddress{Type:"
              + GoSyntax.quote(nz(a.getType())) + ", Address:" + GoSyntax.quote(nz(a.getAddress())) + "}"));
        }
      }
    }
    NodeSpec spec = node.getSpec() == null ? new NodeSpec() : node.getSpec();
    NodeSpec oldSpec = old.getSpec() == null ? new NodeSpec() : old.getSpec();
    List<String> oldCidrs = oldSpec.getPodCIDRs() == null ? List.of() : oldSpec.getPodCIDRs();
    List<String> cidrs = spec.getPodCIDRs() == null ? List.of() : spec.getPodCIDRs();
    String cidrWhy = "node updates may not change podCIDR except from \"\" to valid";
    if (!oldCidrs.isEmpty()) {
      if (oldCidrs.size() != cidrs.size()) {
        errs.forbidden(Path.root("spec", "podCIDRs"), cidrWhy);
      } else {
        for (int i = 0; i < oldCidrs.size(); i++) {
          if (!oldCidrs.get(i).equals(cidrs.get(i))) {
            errs.forbidden(Path.root("spec", "podCIDRs"), cidrWhy);
          }
        }
      }
    }
    if (!isEmpty(oldSpec.getProviderID()) && !oldSpec.getProviderID().equals(spec.getProviderID())) {
      errs.forbidden(Path.root("spec", "providerID"), "node updates may not change providerID except from \"\" to valid");
    }
    errs.addAll(SchedulingValidation.validateNodeTaints(spec.getTaints(), meta.child("taints")));
    if (!Objects.equals(nz(spec.getExternalID()), nz(oldSpec.getExternalID()))) {
      errs.forbidden(Path.root("spec", "externalID"), "may not be updated");
    }
    return errs;
  }

  private static ErrorList validateNodeResources(Node node) {
    ErrorList errs = new ErrorList();
    if (node.getStatus() == null) {
      return errs;
    }
    for (Map.Entry<String, Quantity> e : sorted(node.getStatus().getCapacity())) {
      errs.addAll(ResourceValidation.validateResourceQuantityValue(e.getKey(), e.getValue(),
          Path.root("status", "capacity", e.getKey())));
    }
    for (Map.Entry<String, Quantity> e : sorted(node.getStatus().getAllocatable())) {
      errs.addAll(ResourceValidation.validateResourceQuantityValue(e.getKey(), e.getValue(),
          Path.root("status", "allocatable", e.getKey())));
    }
    return errs;
  }

  /** {@code NodeToSelectableFields}: {@code spec.unschedulable} as {@code "true"}/{@code "false"}. */
  @Override
  public Map<String, String> selectableFields(Node node) {
    boolean unschedulable = node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
    return Map.of("spec.unschedulable", String.valueOf(unschedulable));
  }

  /** {@code nodeStatusStrategy}: the kubelet reports status; the spec stays as stored. */
  @Override
  public Optional<StatusStrategy<Node>> statusStrategy() {
    return Optional.of(new StatusStrategy<>() {
      @Override
      public void prepareForUpdate(Node node, Node old) {
        node.setSpec(old.getSpec());
      }

      @Override
      public List<FieldError> validateUpdate(Node node, Node old) {
        return validateNodeUpdate(node, old);
      }
    });
  }

  private static Iterable<Map.Entry<String, Quantity>> sorted(Map<String, Quantity> m) {
    return m == null ? List.of() : new TreeMap<>(m).entrySet();
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
