package io.kube4j.apiserver.registry.batch.job;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.core.pod.PodDefaults;
import io.kube4j.apiserver.registry.generic.StatusStrategy;
import io.kube4j.apiserver.registry.generic.Generation;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.batch.BatchValidation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How jobs are defaulted, created and updated ({@code jobStrategy}). Selector generation needs
 * {@code metadata.uid}, so the store must assign the uid before {@link #prepareForCreate}.
 */
public final class JobStrategy implements Strategy<Job> {

  /** {@code SetDefaults_Job} and the template's pod defaults. */
  @Override
  public void applyDefaults(Job job) {
    if (job.getSpec() == null) {
      job.setSpec(new JobSpec());
    }
    JobSpec spec = job.getSpec();
    if (spec.getCompletions() == null && spec.getParallelism() == null) {
      spec.setCompletions(1);
      spec.setParallelism(1);
    }
    if (spec.getParallelism() == null) {
      spec.setParallelism(1);
    }
    if (spec.getBackoffLimit() == null) {
      spec.setBackoffLimit(spec.getBackoffLimitPerIndex() != null ? Integer.MAX_VALUE : 6);
    }
    copyTemplateLabels(job);
    if (spec.getCompletionMode() == null) {
      spec.setCompletionMode("NonIndexed");
    }
    if (spec.getSuspend() == null) {
      spec.setSuspend(false);
    }
    if (spec.getPodReplacementPolicy() == null) {
      spec.setPodReplacementPolicy(spec.getPodFailurePolicy() != null ? "Failed" : "TerminatingOrFailed");
    }
    PodDefaults.applyTemplateDefaults(spec.getTemplate());
  }

  @Override
  public void prepareForCreate(Job job) {
    if (!Boolean.TRUE.equals(job.getSpec().getManualSelector())) {
      generateSelector(job);
    }
    // upstream re-applies SetDefaults_Job whenever a job is read back, which copies the now generated
    // template labels onto an unlabelled job; the store here does not re-default, so it happens once here
    copyTemplateLabels(job);
    job.setStatus(new JobStatus());
    job.getMetadata().setGeneration(1L);
  }

  @Override
  public void prepareForUpdate(Job job, Job old) {
    job.setStatus(old.getStatus());
    Generation.advance(job, old, !Objects.equals(job.getSpec(), old.getSpec()));
  }

  @Override
  public List<FieldError> validate(Job job) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(job.getMetadata(), true, NameValidator.DNS_SUBDOMAIN,
        Path.root("metadata"));
    errs.addAll(BatchValidation.validateJob(job, true));
    return errs;
  }

  /** Scheduling directives of a suspended job that never started may change; the rest is immutable. */
  @Override
  public List<FieldError> validateUpdate(Job job, Job old) {
    Map<String, String> oldLabels = old.getSpec() == null || old.getSpec().getTemplate() == null
        || old.getSpec().getTemplate().getMetadata() == null ? Map.of() : old.getSpec().getTemplate().getMetadata().getLabels();
    boolean prefixed = oldLabels != null && oldLabels.containsKey(BatchValidation.JOB_NAME_LABEL)
        && oldLabels.containsKey(BatchValidation.CONTROLLER_UID_LABEL);
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(job.getMetadata(), true, NameValidator.DNS_SUBDOMAIN,
        Path.root("metadata"));
    errs.addAll(BatchValidation.validateJob(job, prefixed));
    errs.addAll(ObjectMetaValidation.validateCoreObjectMetaUpdate(job.getMetadata(), old.getMetadata(),
        Path.root("metadata")));
    JobSpec spec = job.getSpec() == null ? new JobSpec() : job.getSpec();
    JobSpec oldSpec = old.getSpec() == null ? new JobSpec() : old.getSpec();
    errs.addAll(BatchValidation.validateJobSpecWithSelector(spec, Path.root("spec")));
    boolean mutableScheduling = Boolean.TRUE.equals(oldSpec.getSuspend())
        && (old.getStatus() == null || old.getStatus().getStartTime() == null);
    errs.addAll(BatchValidation.validateJobSpecUpdate(spec, oldSpec, Path.root("spec"), mutableScheduling));
    return errs;
  }

  /** A job without labels of its own gets its template's ({@code SetDefaults_Job}). */
  private static void copyTemplateLabels(Job job) {
    JobSpec spec = job.getSpec();
    Map<String, String> labels = spec.getTemplate() == null || spec.getTemplate().getMetadata() == null ? null
        : spec.getTemplate().getMetadata().getLabels();
    if (labels != null && !labels.isEmpty()
        && (job.getMetadata().getLabels() == null || job.getMetadata().getLabels().isEmpty())) {
      job.getMetadata().setLabels(new LinkedHashMap<>(labels));
    }
  }

  /** {@code JobToSelectableFields}: {@code status.successful}. */
  @Override
  public Map<String, String> selectableFields(Job job) {
    Integer succeeded = job.getStatus() == null ? null : job.getStatus().getSucceeded();
    return Map.of("status.successful", String.valueOf(succeeded == null ? 0 : succeeded));
  }

  @Override
  public Optional<StatusStrategy<Job>> statusStrategy() {
    return Optional.of(new StatusStrategy<>() {
      @Override
      public void prepareForUpdate(Job job, Job old) {
        job.setSpec(old.getSpec());
      }

      @Override
      public List<FieldError> validateUpdate(Job job, Job old) {
        ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(job.getMetadata(), old.getMetadata(),
            Path.root("metadata"));
        JobStatus s = job.getStatus() == null ? new JobStatus() : job.getStatus();
        Path status = Path.root("status");
        for (var e : new Object[][] {{"active", s.getActive()}, {"succeeded", s.getSucceeded()},
            {"failed", s.getFailed()}, {"ready", s.getReady()}, {"terminating", s.getTerminating()}}) {
          if (e[1] != null) {
            errs.addAll(ObjectMetaValidation.validateNonnegativeField((Integer) e[1], status.child((String) e[0])));
          }
        }
        return errs;
      }
    });
  }

  /**
   * {@code generateSelector}: label the template with the job's name and uid (legacy and
   * {@code batch.kubernetes.io/} keys) and select on the uid. Labels the user already set are kept, so a
   * conflict surfaces in validation.
   */
  static void generateSelector(Job job) {
    JobSpec spec = job.getSpec();
    if (spec.getTemplate() == null) {
      spec.setTemplate(new PodTemplateSpec());
    }
    if (spec.getTemplate().getMetadata() == null) {
      spec.getTemplate().setMetadata(new ObjectMeta());
    }
    ObjectMeta tm = spec.getTemplate().getMetadata();
    Map<String, String> labels = tm.getLabels() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(tm.getLabels());
    String name = job.getMetadata().getName() == null ? "" : job.getMetadata().getName();
    String uid = job.getMetadata().getUid() == null ? "" : job.getMetadata().getUid();
    labels.putIfAbsent(BatchValidation.LEGACY_JOB_NAME_LABEL, name);
    labels.putIfAbsent(BatchValidation.JOB_NAME_LABEL, name);
    labels.putIfAbsent(BatchValidation.LEGACY_CONTROLLER_UID_LABEL, uid);
    labels.putIfAbsent(BatchValidation.CONTROLLER_UID_LABEL, uid);
    tm.setLabels(labels);
    if (spec.getSelector() == null) {
      spec.setSelector(new LabelSelector());
    }
    Map<String, String> match = spec.getSelector().getMatchLabels() == null ? new LinkedHashMap<>()
        : new LinkedHashMap<>(spec.getSelector().getMatchLabels());
    match.putIfAbsent(BatchValidation.CONTROLLER_UID_LABEL, uid);
    spec.getSelector().setMatchLabels(match);
  }
}
