package io.kube4j.apiserver.printers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code kubectl get roles,clusterroles}: NAME CREATED AT; {@code kubectl get
 * rolebindings,clusterrolebindings}: NAME ROLE AGE | USERS GROUPS SERVICEACCOUNTS.
 */
final class RbacPrinters {

  private RbacPrinters() {}

  /** Roles and cluster roles show when they were created, not their age. */
  static <T extends HasMetadata> TablePrinter<T> role() {
    List<TableColumnDefinition> columns = List.of(Columns.name(), Columns.string("Created At",
        "Time when this role was created"));
    return new TablePrinter<>() {
      @Override
      public List<TableColumnDefinition> columns() {
        return columns;
      }

      @Override
      public List<Object> cells(T role, Instant now) {
        return List.of(Formats.name(role), Formats.orEmpty(role.getMetadata().getCreationTimestamp()));
      }
    };
  }

  /** A binding shows its role as Kind/name, and who it binds in wide output. */
  static <T extends HasMetadata> TablePrinter<T> binding(Function<T, RoleRef> ref, Function<T, List<Subject>> subjects) {
    List<TableColumnDefinition> columns = List.of(Columns.name(),
        Columns.string("Role", "Role is the role being granted"), Columns.age(),
        Columns.wide("Users", "Users in the binding"), Columns.wide("Groups", "Groups in the binding"),
        Columns.wide("ServiceAccounts", "ServiceAccounts in the binding"));
    return new TablePrinter<>() {
      @Override
      public List<TableColumnDefinition> columns() {
        return columns;
      }

      @Override
      public List<Object> cells(T b, Instant now) {
        RoleRef r = ref.apply(b);
        List<String> users = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        for (Subject s : Formats.orEmpty(subjects.apply(b))) {
          switch (String.valueOf(s.getKind())) {
            case "User" -> users.add(s.getName());
            case "Group" -> groups.add(s.getName());
            case "ServiceAccount" -> accounts.add(Formats.orEmpty(s.getNamespace()) + ":" + s.getName());
            default -> { }
          }
        }
        return List.of(Formats.name(b), r == null ? "" : r.getKind() + "/" + r.getName(), Formats.age(b, now),
            String.join(", ", users), String.join(", ", groups), String.join(", ", accounts));
      }
    };
  }
}
