package io.kube4j.apiserver.validation.rbac;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code ValidateRole}, {@code ValidateRoleBinding} and their parts, with upstream's messages. */
public final class RbacValidation {

  public static final String GROUP = "rbac.authorization.k8s.io";

  /** RBAC names are path segments ({@code ValidateRBACName}): anything but ".", "..", "/" and "%". */
  public static final NameValidator NAME = (name, prefix) -> {
    if (!prefix && (name.equals(".") || name.equals(".."))) {
      return List.of("may not be '" + name + "'");
    }
    List<String> out = new ArrayList<>();
    for (String bad : List.of("/", "%")) {
      if (name.contains(bad)) {
        out.add("may not contain '" + bad + "'");
      }
    }
    return out;
  };

  private RbacValidation() {}

  public static ErrorList meta(ObjectMeta meta, boolean namespaced) {
    return ObjectMetaValidation.validateObjectMeta(meta, namespaced, NAME, Path.root("metadata"));
  }

  public static ErrorList rules(List<PolicyRule> rules, boolean namespaced) {
    ErrorList errs = new ErrorList();
    List<PolicyRule> all = rules == null ? List.of() : rules;
    for (int i = 0; i < all.size(); i++) {
      rule(all.get(i), namespaced, Path.root("rules").index(i), errs);
    }
    return errs;
  }

  /** {@code ValidatePolicyRule}. */
  private static void rule(PolicyRule r, boolean namespaced, Path p, ErrorList errs) {
    if (empty(r.getVerbs())) {
      errs.required(p.child("verbs"), "verbs must contain at least one value");
    }
    if (!empty(r.getNonResourceURLs())) {
      if (namespaced) {
        errs.invalid(p.child("nonResourceURLs"), r.getNonResourceURLs(),
            "namespaced rules cannot apply to non-resource URLs");
      }
      if (!empty(r.getApiGroups()) || !empty(r.getResources()) || !empty(r.getResourceNames())) {
        errs.invalid(p.child("nonResourceURLs"), r.getNonResourceURLs(),
            "rules cannot apply to both regular resources and non-resource URLs");
      }
      return;
    }
    if (empty(r.getApiGroups())) {
      errs.required(p.child("apiGroups"), "resource rules must supply at least one api group");
    }
    if (empty(r.getResources())) {
      errs.required(p.child("resources"), "resource rules must supply at least one resource");
    }
  }

  /** {@code ValidateRoleBinding} / {@code ValidateClusterRoleBinding}: the roleRef and subjects. */
  public static ErrorList binding(RoleRef ref, List<Subject> subjects, boolean namespaced) {
    ErrorList errs = new ErrorList();
    Path refPath = Path.root("roleRef");
    if (ref == null) {
      errs.required(refPath.child("name"), "");
      return errs;
    }
    if (!GROUP.equals(ref.getApiGroup())) {
      errs.notSupported(refPath.child("apiGroup"), ref.getApiGroup(), List.of(GROUP));
    }
    List<String> kinds = namespaced ? List.of("Role", "ClusterRole") : List.of("ClusterRole");
    if (!kinds.contains(ref.getKind())) {
      errs.notSupported(refPath.child("kind"), ref.getKind(), kinds);
    }
    if (ref.getName() == null || ref.getName().isEmpty()) {
      errs.required(refPath.child("name"), "");
    } else {
      errs.invalidEach(refPath.child("name"), ref.getName(), NAME.validate(ref.getName(), false));
    }
    List<Subject> all = subjects == null ? List.of() : subjects;
    for (int i = 0; i < all.size(); i++) {
      subject(all.get(i), namespaced, Path.root("subjects").index(i), errs);
    }
    return errs;
  }

  /** {@code ValidateRoleBindingUpdate}: a binding keeps its roleRef (delete and recreate to change it). */
  public static ErrorList roleRefUnchanged(RoleRef now, RoleRef old) {
    ErrorList errs = new ErrorList();
    if (!java.util.Objects.equals(now, old)) {
      errs.invalid(Path.root("roleRef"), now, "cannot change roleRef");
    }
    return errs;
  }

  /** {@code ValidateRoleBindingSubject}. */
  private static void subject(Subject s, boolean namespaced, Path p, ErrorList errs) {
    if (s.getName() == null || s.getName().isEmpty()) {
      errs.required(p.child("name"), "");
    }
    String kind = s.getKind() == null ? "" : s.getKind();
    switch (kind) {
      case "ServiceAccount" -> {
        if (s.getName() != null && !s.getName().isEmpty()) {
          errs.invalidEach(p.child("name"), s.getName(), NameValidator.DNS_SUBDOMAIN.validate(s.getName(), false));
        }
        if (s.getApiGroup() != null && !s.getApiGroup().isEmpty()) {
          errs.notSupported(p.child("apiGroup"), s.getApiGroup(), List.of(""));
        }
        if (!namespaced && (s.getNamespace() == null || s.getNamespace().isEmpty())) {
          errs.required(p.child("namespace"), "");
        }
      }
      case "User", "Group" -> {
        if (!GROUP.equals(s.getApiGroup())) {
          errs.notSupported(p.child("apiGroup"), s.getApiGroup(), List.of(GROUP));
        }
        if (kind.equals("Group") && s.getName() != null && s.getName().isEmpty()) {
          errs.invalid(p.child("name"), s.getName(), "");
        }
      }
      default -> errs.notSupported(p.child("kind"), kind, List.of("ServiceAccount", "User", "Group"));
    }
  }

  private static boolean empty(List<?> l) {
    return l == null || l.isEmpty();
  }
}
