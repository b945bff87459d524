package io.kube4j.apiserver.validation;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rules every object's {@code metadata} obeys: a well-formed name (the resource's own
 * {@link NameValidator}), a namespace exactly when the resource is namespaced, valid labels and
 * annotations (at most 256 KiB in all), sane owner references and finalizers; on update, name, namespace,
 * uid and creationTimestamp may not change.
 *
 * <p>Mirrors {@code k8s.io/apimachinery/pkg/api/validation/objectmeta.go}. The {@code validateCore*}
 * variants add what {@code pkg/apis/core/validation} adds for built-in types: finalizer names without a
 * {@code /} must be standard ones ({@code kubernetes}, {@code orphan}, {@code foregroundDeletion}).
 */
public final class ObjectMetaValidation {

  /** {@code FieldImmutableErrorMsg}. */
  public static final String FIELD_IMMUTABLE = "field is immutable";
  /** {@code IsNegativeErrorMsg}. */
  public static final String IS_NEGATIVE = "must be greater than or equal to 0";
  /** {@code TotalAnnotationSizeLimitB}: 256 KiB for all keys and values together. */
  public static final int TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

  private static final Set<String> STANDARD_FINALIZERS = Set.of("kubernetes", "orphan", "foregroundDeletion");

  private ObjectMetaValidation() {}

  /** {@code ValidateObjectMeta} (apimachinery): for new objects, after name generation. */
  public static ErrorList validateObjectMeta(ObjectMeta meta, boolean namespaced, NameValidator nameFn,
      Path field) {
    ErrorList errs = new ErrorList();
    if (meta == null) {
      return errs.required(field.child("name"), "name or generateName is required");
    }
    String generateName = nullToEmpty(meta.getGenerateName());
    if (!generateName.isEmpty()) {
      errs.invalidEach(field.child("generateName"), generateName, nameFn.validate(generateName, true));
    }
    String name = nullToEmpty(meta.getName());
    if (name.isEmpty()) {
      errs.required(field.child("name"), "name or generateName is required");
    } else {
      errs.invalidEach(field.child("name"), name, nameFn.validate(name, false));
    }
    String namespace = nullToEmpty(meta.getNamespace());
    if (namespaced) {
      if (namespace.isEmpty()) {
        errs.required(field.child("namespace"), "");
      } else {
        errs.invalidEach(field.child("namespace"), namespace, NameValidator.DNS_LABEL.validate(namespace, false));
      }
    } else if (!namespace.isEmpty()) {
      errs.forbidden(field.child("namespace"), "not allowed on this type");
    }
    if (meta.getGeneration() != null) {
      errs.addAll(validateNonnegativeField(meta.getGeneration(), field.child("generation")));
    }
    errs.addAll(LabelValidation.validateLabels(meta.getLabels(), field.child("labels")));
    errs.addAll(validateAnnotations(meta.getAnnotations(), field.child("annotations")));
    errs.addAll(validateOwnerReferences(meta.getOwnerReferences(), field.child("ownerReferences")));
    errs.addAll(validateFinalizers(meta.getFinalizers(), field.child("finalizers")));
    errs.addAll(validateManagedFields(meta.getManagedFields(), field.child("managedFields")));
    return errs;
  }

  /** {@code core/validation.ValidateObjectMeta}: the apimachinery rules plus standard finalizer names. */
  public static ErrorList validateCoreObjectMeta(ObjectMeta meta, boolean namespaced, NameValidator nameFn,
      Path field) {
    ErrorList errs = validateObjectMeta(meta, namespaced, nameFn, field);
    if (meta != null) {
      errs.addAll(validateKubeFinalizerNames(meta.getFinalizers(), field.child("finalizers")));
    }
    return errs;
  }

  /** {@code ValidateObjectMetaUpdate} (apimachinery). */
  public static ErrorList validateObjectMetaUpdate(ObjectMeta meta, ObjectMeta old, Path field) {
    ErrorList errs = new ErrorList();
    ObjectMeta m = meta == null ? new ObjectMeta() : meta;
    ObjectMeta o = old == null ? new ObjectMeta() : old;
    if (o.getDeletionTimestamp() != null) {
      errs.addAll(validateNoNewFinalizers(m.getFinalizers(), o.getFinalizers(), field.child("finalizers")));
    }
    String rv = nullToEmpty(m.getResourceVersion());
    if (rv.isEmpty()) {
      errs.invalid(field.child("resourceVersion"), rv, "must be specified for an update");
    }
    long generation = m.getGeneration() == null ? 0 : m.getGeneration();
    long oldGeneration = o.getGeneration() == null ? 0 : o.getGeneration();
    if (generation < oldGeneration) {
      errs.invalid(field.child("generation"), generation, "must not be decremented");
    }
    errs.addAll(validateImmutableField(nullToEmpty(m.getName()), nullToEmpty(o.getName()), field.child("name")));
    errs.addAll(validateImmutableField(nullToEmpty(m.getNamespace()), nullToEmpty(o.getNamespace()),
        field.child("namespace")));
    errs.addAll(validateImmutableField(nullToEmpty(m.getUid()), nullToEmpty(o.getUid()), field.child("uid")));
    errs.addAll(validateImmutableField(m.getCreationTimestamp(), o.getCreationTimestamp(),
        goTime(m.getCreationTimestamp(), false), field.child("creationTimestamp")));
    errs.addAll(validateImmutableField(m.getDeletionTimestamp(), o.getDeletionTimestamp(),
        goTime(m.getDeletionTimestamp(), true), field.child("deletionTimestamp")));
    errs.addAll(validateImmutableField(m.getDeletionGracePeriodSeconds(), o.getDeletionGracePeriodSeconds(),
        m.getDeletionGracePeriodSeconds() == null ? new GoSyntax("null") : m.getDeletionGracePeriodSeconds(),
        field.child("deletionGracePeriodSeconds")));
    errs.addAll(LabelValidation.validateLabels(m.getLabels(), field.child("labels")));
    errs.addAll(validateAnnotations(m.getAnnotations(), field.child("annotations")));
    errs.addAll(validateOwnerReferences(m.getOwnerReferences(), field.child("ownerReferences")));
    errs.addAll(validateManagedFields(m.getManagedFields(), field.child("managedFields")));
    return errs;
  }

  /** {@code core/validation.ValidateObjectMetaUpdate}: plus standard finalizer names. */
  public static ErrorList validateCoreObjectMetaUpdate(ObjectMeta meta, ObjectMeta old, Path field) {
    ErrorList errs = validateObjectMetaUpdate(meta, old, field);
    if (meta != null) {
      errs.addAll(validateKubeFinalizerNames(meta.getFinalizers(), field.child("finalizers")));
    }
    return errs;
  }

  /** Keys are qualified names (case-insensitive); the total size is at most 256 KiB. */
  public static ErrorList validateAnnotations(Map<String, String> annotations, Path field) {
    ErrorList errs = new ErrorList();
    if (annotations == null) {
      return errs;
    }
    long total = 0;
    for (Map.Entry<String, String> e : new TreeMap<>(annotations).entrySet()) {
      for (String msg : Validation.isQualifiedName(e.getKey().toLowerCase(java.util.Locale.ROOT))) {
        errs.invalid(field, e.getKey(), msg);
      }
      total += Validation.len(e.getKey()) + Validation.len(nullToEmpty(e.getValue()));
    }
    if (total > TOTAL_ANNOTATION_SIZE_LIMIT) {
      errs.tooLong(field, TOTAL_ANNOTATION_SIZE_LIMIT);
    }
    return errs;
  }

  public static ErrorList validateOwnerReferences(List<OwnerReference> refs, Path field) {
    ErrorList errs = new ErrorList();
    if (refs == null) {
      return errs;
    }
    String firstController = "";
    for (OwnerReference ref : refs) {
      errs.addAll(validateOwnerReference(ref, field));
      if (Boolean.TRUE.equals(ref.getController())) {
        String current = nullToEmpty(ref.getKind()) + "/" + nullToEmpty(ref.getName());
        if (!firstController.isEmpty()) {
          errs.invalid(field, ownerReferencesSyntax(refs),
              "Only one reference can have Controller set to true. Found \"true\" in references for "
                  + firstController + " and " + current);
        } else {
          firstController = current;
        }
      }
    }
    return errs;
  }

  private static ErrorList validateOwnerReference(OwnerReference ref, Path field) {
    ErrorList errs = new ErrorList();
    String apiVersion = nullToEmpty(ref.getApiVersion());
    String version = apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    if (version.isEmpty()) {
      errs.invalid(field.child("apiVersion"), apiVersion, "version must not be empty");
    }
    if (nullToEmpty(ref.getKind()).isEmpty()) {
      errs.invalid(field.child("kind"), nullToEmpty(ref.getKind()), "must not be empty");
    }
    if (nullToEmpty(ref.getName()).isEmpty()) {
      errs.invalid(field.child("name"), nullToEmpty(ref.getName()), "must not be empty");
    }
    if (nullToEmpty(ref.getUid()).isEmpty()) {
      errs.invalid(field.child("uid"), nullToEmpty(ref.getUid()), "must not be empty");
    }
    // BannedOwners: core/v1 Events may not own anything
    if (group.isEmpty() && version.equals("v1") && "Event".equals(ref.getKind())) {
      errs.invalid(field, new GoSyntax(ownerReferenceSyntax(ref)), "/v1, Kind=Event is disallowed from being an owner");
    }
    return errs;
  }

  /** Every finalizer is a qualified name; {@code orphan} and {@code foregroundDeletion} exclude each other. */
  public static ErrorList validateFinalizers(List<String> finalizers, Path field) {
    ErrorList errs = new ErrorList();
    if (finalizers == null) {
      return errs;
    }
    boolean orphan = false;
    boolean foreground = false;
    for (String f : finalizers) {
      errs.addAll(validateFinalizerName(f, field));
      orphan |= f.equals("orphan");
      foreground |= f.equals("foregroundDeletion");
    }
    if (orphan && foreground) {
      errs.invalid(field, GoSyntax.stringSlice(finalizers),
          "finalizer orphan and foregroundDeletion cannot be both set");
    }
    return errs;
  }

  public static ErrorList validateFinalizerName(String name, Path field) {
    return new ErrorList().invalidEach(field, name, Validation.isQualifiedName(name));
  }

  /** {@code validateKubeFinalizerName}: an unprefixed finalizer must be one Kubernetes knows. */
  public static ErrorList validateKubeFinalizerNames(List<String> finalizers, Path field) {
    ErrorList errs = new ErrorList();
    if (finalizers == null) {
      return errs;
    }
    for (int i = 0; i < finalizers.size(); i++) {
      errs.addAll(validateKubeFinalizerName(finalizers.get(i), field.index(i)));
    }
    return errs;
  }

  public static ErrorList validateKubeFinalizerName(String name, Path field) {
    ErrorList errs = new ErrorList();
    if (!name.contains("/") && !STANDARD_FINALIZERS.contains(name)) {
      errs.invalid(field, name, "name is neither a standard finalizer name nor is it fully qualified");
    }
    return errs;
  }

  public static ErrorList validateNoNewFinalizers(List<String> finalizers, List<String> old, Path field) {
    Set<String> extra = new TreeSet<>(finalizers == null ? List.of() : finalizers);
    if (old != null) {
      extra.removeAll(old);
    }
    ErrorList errs = new ErrorList();
    if (!extra.isEmpty()) {
      errs.forbidden(field, "no new finalizers can be added if the object is being deleted, found new "
          + "finalizers " + GoSyntax.stringSlice(new ArrayList<>(extra)));
    }
    return errs;
  }

  /** {@code ValidateImmutableField}: {@code Invalid value: <new>: field is immutable} when they differ. */
  public static ErrorList validateImmutableField(Object value, Object old, Path field) {
    return validateImmutableField(value, old, value, field);
  }

  /** As {@link #validateImmutableField(Object, Object, Path)}, printing {@code shown} as the bad value. */
  public static ErrorList validateImmutableField(Object value, Object old, Object shown, Path field) {
    ErrorList errs = new ErrorList();
    if (!Objects.equals(value, old)) {
      errs.invalid(field, shown, FIELD_IMMUTABLE);
    }
    return errs;
  }

  /** {@code ValidateNonnegativeField}. */
  public static ErrorList validateNonnegativeField(long value, Path field) {
    ErrorList errs = new ErrorList();
    if (value < 0) {
      errs.invalid(field, value, IS_NEGATIVE);
    }
    return errs;
  }

  /** {@code ValidateManagedFields}: operation Apply or Update, fieldsType FieldsV1, a printable manager. */
  public static ErrorList validateManagedFields(List<ManagedFieldsEntry> entries, Path field) {
    ErrorList errs = new ErrorList();
    if (entries == null) {
      return errs;
    }
    for (int i = 0; i < entries.size(); i++) {
      ManagedFieldsEntry e = entries.get(i);
      Path p = field.index(i);
      String op = nullToEmpty(e.getOperation());
      if (!op.equals("Apply") && !op.equals("Update")) {
        errs.invalid(p.child("operation"), op, "must be `Apply` or `Update`");
      }
      String fieldsType = nullToEmpty(e.getFieldsType());
      if (!fieldsType.isEmpty() && !fieldsType.equals("FieldsV1")) {
        errs.invalid(p.child("fieldsType"), fieldsType, "must be `FieldsV1`");
      }
      if (Validation.len(nullToEmpty(e.getManager())) > 128) {
        errs.tooLong(p.child("manager"), 128);
      }
      if (Validation.len(nullToEmpty(e.getSubresource())) > 256) {
        errs.tooLong(p.child("subresource"), 256);
      }
    }
    return errs;
  }

  /** A timestamp as Go's {@code time.Time.String()} prints it: {@code 2024-05-01 10:00:00 +0000 UTC}. */
  static Object goTime(String rfc3339, boolean pointer) {
    if (rfc3339 == null || rfc3339.isEmpty()) {
      return new GoSyntax(pointer ? "null" : "0001-01-01 00:00:00 +0000 UTC");
    }
    try {
      OffsetDateTime t = OffsetDateTime.parse(rfc3339).withOffsetSameInstant(ZoneOffset.UTC);
      return new GoSyntax(t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + " +0000 UTC");
    } catch (DateTimeParseException e) {
      return rfc3339;
    }
  }

  private static GoSyntax ownerReferencesSyntax(List<OwnerReference> refs) {
    return new GoSyntax(refs.stream().map(ObjectMetaValidation::ownerReferenceSyntax)
        .collect(Collectors.joining(", ", "[]v1.OwnerReference{", "}")));
  }

  private static String ownerReferenceSyntax(OwnerReference r) {
    return "v1.OwnerReference{APIVersion:" + GoSyntax.quote(nullToEmpty(r.getApiVersion()))
        + ", Kind:" + GoSyntax.quote(nullToEmpty(r.getKind()))
        + ", Name:" + GoSyntax.quote(nullToEmpty(r.getName()))
        + ", UID:" + GoSyntax.quote(nullToEmpty(r.getUid()))
        + ", Controller:" + boolPointer(r.getController())
        + ", BlockOwnerDeletion:" + boolPointer(r.getBlockOwnerDeletion()) + "}";
  }

  private static String boolPointer(Boolean b) {
    return b == null ? "(*bool)(nil)" : "(*bool)(0xc000000000)";
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
