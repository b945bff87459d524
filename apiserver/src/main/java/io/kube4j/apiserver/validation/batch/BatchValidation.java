package io.kube4j.apiserver.validation.batch;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.GoSyntax;
import io.kube4j.apiserver.validation.LabelSelectorConversion;
import io.kube4j.componentbase.labels.LabelSelectors;
import io.kube4j.apiserver.validation.LabelValidation;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.Validation;
import io.kube4j.apiserver.validation.core.PodValidation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Jobs and CronJobs ({@code ValidateJob}, {@code ValidateJobUpdate}, {@code ValidateCronJobCreate}). */
public final class BatchValidation {

  public static final String LEGACY_CONTROLLER_UID_LABEL = "controller-uid";
  public static final String LEGACY_JOB_NAME_LABEL = "job-name";
  public static final String CONTROLLER_UID_LABEL = "batch.kubernetes.io/controller-uid";
  public static final String JOB_NAME_LABEL = "batch.kubernetes.io/job-name";

  private static final Pattern TIME_ZONE_PART = Pattern.compile("[A-Za-z.\\-_0-9+]{1,14}");

  private BatchValidation() {}

  /**
   * {@code ValidateJob} without metadata (the caller adds it first): the generated selector, the spec, and
   * for indexed jobs a name that still makes valid pod host names.
   */
  public static ErrorList validateJob(Job job, boolean requirePrefixedLabels) {
    ErrorList errs = validateGeneratedSelector(job, requirePrefixedLabels);
    JobSpec spec = job.getSpec() == null ? new JobSpec() : job.getSpec();
    errs.addAll(validateJobSpecWithSelector(spec, Path.root("spec")));
    if ("Indexed".equals(spec.getCompletionMode()) && spec.getCompletions() != null && spec.getCompletions() > 0) {
      String name = nz(job.getMetadata().getName());
      String host = name + "-" + (spec.getCompletions() - 1);
      if (!Validation.isDNS1123Label(host).isEmpty()) {
        errs.invalid(Path.root("metadata").child("name"), name, "will not able to create pod with invalid DNS label: "
            + host);
      }
    }
    return errs;
  }

  private static ErrorList validateGeneratedSelector(Job job, boolean requirePrefixedLabels) {
    ErrorList errs = new ErrorList();
    JobSpec spec = job.getSpec();
    if (spec == null || Boolean.TRUE.equals(spec.getManualSelector()) || spec.getSelector() == null) {
      return errs;
    }
    String uid = nz(job.getMetadata().getUid());
    String name = nz(job.getMetadata().getName());
    if (uid.isEmpty()) {
      errs.required(Path.root("metadata").child("uid"), "");
    }
    ObjectMeta templateMeta = spec.getTemplate() == null || spec.getTemplate().getMetadata() == null ? new ObjectMeta()
        : spec.getTemplate().getMetadata();
    Path tm = Path.root("spec").child("template").child("metadata");
    errs.addAll(validateHasLabel(templateMeta, tm, LEGACY_CONTROLLER_UID_LABEL, uid));
    errs.addAll(validateHasLabel(templateMeta, tm, LEGACY_JOB_NAME_LABEL, name));
    Map<String, String> expected = new HashMap<>();
    if (requirePrefixedLabels) {
      errs.addAll(validateHasLabel(templateMeta, tm, CONTROLLER_UID_LABEL, uid));
      errs.addAll(validateHasLabel(templateMeta, tm, JOB_NAME_LABEL, name));
      expected.put(CONTROLLER_UID_LABEL, uid);
      expected.put(JOB_NAME_LABEL, name);
    }
    expected.put(LEGACY_CONTROLLER_UID_LABEL, uid);
    expected.put(LEGACY_JOB_NAME_LABEL, name);
    if (LabelSelectorConversion.isConvertible(spec.getSelector()) && !LabelSelectors.matches(spec.getSelector(), expected)) {
      errs.invalid(Path.root("spec").child("selector"), GoSyntax.labelSelector(spec.getSelector()),
          "`selector` not auto-generated");
    }
    return errs;
  }

  private static ErrorList validateHasLabel(ObjectMeta meta, Path field, String key, String expected) {
    ErrorList errs = new ErrorList();
    Map<String, String> labels = meta.getLabels();
    if (labels == null || !labels.containsKey(key)) {
      return errs.required(field.child("labels").key(key), "must be '" + expected + "'");
    }
    if (!labels.get(key).equals(expected)) {
      errs.invalid(field.child("labels").key(key), GoSyntax.stringMap(labels), "must be '" + expected + "'");
    }
    return errs;
  }

  /** {@code ValidateJobSpec}: the spec, a selector, and a template the selector matches. */
  public static ErrorList validateJobSpecWithSelector(JobSpec spec, Path field) {
    ErrorList errs = validateJobSpec(spec, field);
    if (spec.getSelector() == null) {
      errs.required(field.child("selector"), "");
    } else {
      errs.addAll(LabelValidation.validateLabelSelector(spec.getSelector(), field.child("selector")));
    }
    Map<String, String> labels = spec.getTemplate() == null || spec.getTemplate().getMetadata() == null ? null
        : spec.getTemplate().getMetadata().getLabels();
    if (LabelSelectorConversion.isConvertible(spec.getSelector()) && !LabelSelectors.matches(spec.getSelector(), labels)) {
      errs.invalid(field.child("template", "metadata", "labels"), GoSyntax.stringMap(labels),
          "`selector` does not match template `labels`");
    }
    return errs;
  }

  static ErrorList validateJobSpec(JobSpec spec, Path field) {
    ErrorList errs = new ErrorList();
    nonNegative(errs, spec.getParallelism(), field.child("parallelism"));
    nonNegative(errs, spec.getCompletions(), field.child("completions"));
    nonNegative(errs, spec.getActiveDeadlineSeconds(), field.child("activeDeadlineSeconds"));
    nonNegative(errs, spec.getBackoffLimit(), field.child("backoffLimit"));
    nonNegative(errs, spec.getTtlSecondsAfterFinished(), field.child("ttlSecondsAfterFinished"));
    nonNegative(errs, spec.getBackoffLimitPerIndex(), field.child("backoffLimitPerIndex"));
    if (spec.getMaxFailedIndexes() != null) {
      nonNegative(errs, spec.getMaxFailedIndexes(), field.child("maxFailedIndexes"));
      if (spec.getBackoffLimitPerIndex() == null) {
        errs.required(field.child("backoffLimitPerIndex"), "when maxFailedIndexes is specified");
      }
    }
    if (spec.getManagedBy() != null) {
      errs.addAll(Validation.isDomainPrefixedPath(field.child("managedBy"), spec.getManagedBy()));
      if (Validation.len(spec.getManagedBy()) > 63) {
        errs.tooLong(field.child("managedBy"), 63);
      }
    }
    String mode = spec.getCompletionMode();
    if (mode != null) {
      if (!mode.equals("NonIndexed") && !mode.equals("Indexed")) {
        errs.notSupported(field.child("completionMode"), mode, List.of("NonIndexed", "Indexed"));
      }
      if (mode.equals("Indexed")) {
        if (spec.getCompletions() == null) {
          errs.required(field.child("completions"), "when completion mode is Indexed");
        }
        if (spec.getParallelism() != null && spec.getParallelism() > 100000) {
          errs.invalid(field.child("parallelism"), spec.getParallelism(),
              "must be less than or equal to 100000 when completion mode is Indexed");
        }
        if (spec.getCompletions() != null && spec.getMaxFailedIndexes() != null
            && spec.getMaxFailedIndexes() > spec.getCompletions()) {
          errs.invalid(field.child("maxFailedIndexes"), spec.getMaxFailedIndexes(), "must be less than or equal to completions");
        }
      }
    }
    if (mode == null || mode.equals("NonIndexed")) {
      if (spec.getBackoffLimitPerIndex() != null) {
        errs.invalid(field.child("backoffLimitPerIndex"), spec.getBackoffLimitPerIndex(), "requires indexed completion mode");
      }
      if (spec.getMaxFailedIndexes() != null) {
        errs.invalid(field.child("maxFailedIndexes"), spec.getMaxFailedIndexes(), "requires indexed completion mode");
      }
    }
    String replacement = spec.getPodReplacementPolicy();
    if (replacement != null) {
      if (spec.getPodFailurePolicy() != null) {
        if (!replacement.equals("Failed")) {
          errs.notSupported(field.child("podReplacementPolicy"), replacement, List.of("Failed"));
        }
      } else if (!replacement.equals("Failed") && !replacement.equals("TerminatingOrFailed")) {
        errs.notSupported(field.child("podReplacementPolicy"), replacement, List.of("Failed", "TerminatingOrFailed"));
      }
    }
    PodTemplateSpec template = spec.getTemplate() == null ? new PodTemplateSpec() : spec.getTemplate();
    errs.addAll(PodValidation.validatePodTemplateSpec(template, field.child("template")));
    String restart = template.getSpec() == null || template.getSpec().getRestartPolicy() == null ? ""
        : template.getSpec().getRestartPolicy();
    Path restartPath = field.child("template", "spec", "restartPolicy");
    if (restart.equals("Always") || restart.isEmpty()) {
      errs.required(restartPath, "valid values: \"OnFailure\", \"Never\"");
    } else if (!restart.equals("OnFailure") && !restart.equals("Never")) {
      errs.notSupported(restartPath, restart, List.of("OnFailure", "Never"));
    } else if (spec.getPodFailurePolicy() != null && !restart.equals("Never")) {
      errs.invalid(restartPath, restart, "only \"Never\" is supported when podFailurePolicy is specified");
    }
    return errs;
  }

  /**
   * {@code ValidateJobSpecUpdate}: completions (unless an indexed job scales completions with parallelism),
   * selector, template (scheduling directives of a never-started suspended job excepted), completion mode
   * and the failure/success policies are immutable.
   */
  public static ErrorList validateJobSpecUpdate(JobSpec spec, JobSpec old, Path field, boolean mutableScheduling) {
    ErrorList errs = new ErrorList();
    boolean indexed = "Indexed".equals(spec.getCompletionMode());
    if (!indexed) {
      immutable(errs, spec.getCompletions(), old.getCompletions(), field.child("completions"));
    } else if (!Objects.equals(spec.getCompletions(), old.getCompletions()) && spec.getCompletions() != null
        && !Objects.equals(spec.getCompletions(), spec.getParallelism())) {
      errs.invalid(field.child("completions"), spec.getCompletions(), "can only be modified in tandem with spec.parallelism");
    }
    errs.addAll(ObjectMetaValidation.validateImmutableField(spec.getSelector(), old.getSelector(),
        GoSyntax.labelSelector(spec.getSelector()), field.child("selector")));
    PodTemplateSpec template = spec.getTemplate();
    PodTemplateSpec oldTemplate = old.getTemplate();
    if (mutableScheduling && template != null && oldTemplate != null) {
      oldTemplate = new io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder(oldTemplate).build();
      if (template.getSpec() != null && oldTemplate.getSpec() != null) {
        var ts = template.getSpec();
        var os = oldTemplate.getSpec();
        if (ts.getAffinity() != null || os.getAffinity() != null) {
          var affinity = os.getAffinity() == null ? new io.fabric8.kubernetes.api.model.Affinity()
              : new io.fabric8.kubernetes.api.model.AffinityBuilder(os.getAffinity()).build();
          affinity.setNodeAffinity(ts.getAffinity() == null ? null : ts.getAffinity().getNodeAffinity());
          boolean empty = affinity.getNodeAffinity() == null && affinity.getPodAffinity() == null
              && affinity.getPodAntiAffinity() == null;
          os.setAffinity(ts.getAffinity() == null && empty ? null : affinity);
        }
        os.setNodeSelector(ts.getNodeSelector());
        os.setTolerations(ts.getTolerations());
        os.setSchedulingGates(ts.getSchedulingGates());
      }
      if (template.getMetadata() != null) {
        if (oldTemplate.getMetadata() == null) {
          oldTemplate.setMetadata(new ObjectMeta());
        }
        oldTemplate.getMetadata().setLabels(template.getMetadata().getLabels());
        oldTemplate.getMetadata().setAnnotations(template.getMetadata().getAnnotations());
      }
    }
    if (!Objects.equals(template, oldTemplate)) {
      errs.invalid(field.child("template"), new GoSyntax("core.PodTemplateSpec{...}"), ObjectMetaValidation.FIELD_IMMUTABLE);
    }
    immutable(errs, spec.getCompletionMode(), old.getCompletionMode(), field.child("completionMode"));
    immutable(errs, spec.getPodFailurePolicy(), old.getPodFailurePolicy(), field.child("podFailurePolicy"));
    immutable(errs, spec.getBackoffLimitPerIndex(), old.getBackoffLimitPerIndex(), field.child("backoffLimitPerIndex"));
    immutable(errs, spec.getManagedBy(), old.getManagedBy(), field.child("managedBy"));
    immutable(errs, spec.getSuccessPolicy(), old.getSuccessPolicy(), field.child("successPolicy"));
    return errs;
  }

  /** {@code validateCronJobSpec}. */
  public static ErrorList validateCronJobSpec(CronJobSpec spec, CronJobSpec old, Path field) {
    ErrorList errs = new ErrorList();
    String schedule = nz(spec.getSchedule());
    if (schedule.isEmpty()) {
      errs.required(field.child("schedule"), "");
    } else {
      boolean allowTZ = old != null && nz(old.getSchedule()).contains("TZ");
      CronSchedule.parseError(schedule).ifPresent(e -> errs.invalid(field.child("schedule"), schedule, e));
      if (allowTZ && schedule.contains("TZ") && spec.getTimeZone() != null) {
        errs.invalid(field.child("schedule"), schedule, "cannot use both timeZone field and TZ or CRON_TZ in schedule");
      } else if (!allowTZ && schedule.contains("TZ")) {
        errs.invalid(field.child("schedule"), schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead");
      }
    }
    nonNegative(errs, spec.getStartingDeadlineSeconds(), field.child("startingDeadlineSeconds"));
    if (old == null || !Objects.equals(old.getTimeZone(), spec.getTimeZone())) {
      errs.addAll(validateTimeZone(spec.getTimeZone(), field.child("timeZone")));
    }
    String policy = nz(spec.getConcurrencyPolicy());
    switch (policy) {
      case "Allow", "Forbid", "Replace" -> { }
      case "" -> errs.required(field.child("concurrencyPolicy"), "");
      default -> errs.notSupported(field.child("concurrencyPolicy"), policy, List.of("Allow", "Forbid", "Replace"));
    }
    var jobTemplate = spec.getJobTemplate();
    JobSpec jobSpec = jobTemplate == null || jobTemplate.getSpec() == null ? new JobSpec() : jobTemplate.getSpec();
    Path jt = field.child("jobTemplate");
    errs.addAll(validateJobSpec(jobSpec, jt.child("spec")));
    if (jobSpec.getSelector() != null) {
      errs.invalid(jt.child("spec", "selector"), GoSyntax.labelSelector(jobSpec.getSelector()),
          "`selector` will be auto-generated");
    }
    if (Boolean.TRUE.equals(jobSpec.getManualSelector())) {
      errs.notSupported(jt.child("spec", "manualSelector"), true, List.of("nil", "false"));
    }
    nonNegative(errs, spec.getSuccessfulJobsHistoryLimit(), field.child("successfulJobsHistoryLimit"));
    nonNegative(errs, spec.getFailedJobsHistoryLimit(), field.child("failedJobsHistoryLimit"));
    return errs;
  }

  private static ErrorList validateTimeZone(String tz, Path field) {
    ErrorList errs = new ErrorList();
    if (tz == null) {
      return errs;
    }
    if (tz.isEmpty()) {
      return errs.invalid(field, tz, "timeZone must be nil or non-empty string");
    }
    for (String part : tz.split("/", -1)) {
      if (part.equals(".") || part.equals("..") || part.startsWith("-") || !TIME_ZONE_PART.matcher(part).matches()) {
        return errs.invalid(field, tz, "unknown time zone " + tz);
      }
    }
    if (tz.equalsIgnoreCase("Local")) {
      errs.invalid(field, tz, "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones");
    }
    if (!java.time.ZoneId.getAvailableZoneIds().contains(tz) && !tz.equals("UTC")) {
      errs.invalid(field, tz, "unknown time zone " + tz);
    }
    return errs;
  }

  private static void nonNegative(ErrorList errs, Number v, Path field) {
    if (v != null) {
      errs.addAll(ObjectMetaValidation.validateNonnegativeField(v.longValue(), field));
    }
  }

  private static void immutable(ErrorList errs, Object value, Object old, Path field) {
    errs.addAll(ObjectMetaValidation.validateImmutableField(value, old,
        value == null ? new GoSyntax("null") : value instanceof String || value instanceof Number ? value
            : new GoSyntax(String.valueOf(value)), field));
  }

  /** The selector a Job gets when it does not choose its own ({@code generateSelector}). */
  public static LabelSelector generatedSelector(String uid) {
    LabelSelector s = new LabelSelector();
    s.setMatchLabels(new java.util.LinkedHashMap<>(Map.of(CONTROLLER_UID_LABEL, uid)));
    return s;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
