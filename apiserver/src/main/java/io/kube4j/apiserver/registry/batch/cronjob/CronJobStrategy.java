package io.kube4j.apiserver.registry.batch.cronjob;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobStatus;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.core.pod.PodDefaults;
import io.kube4j.apiserver.registry.generic.StatusStrategy;
import io.kube4j.apiserver.registry.generic.Generation;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.Validation;
import io.kube4j.apiserver.validation.batch.BatchValidation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How cron jobs are defaulted, created and updated ({@code cronJobStrategy}). */
public final class CronJobStrategy implements Strategy<CronJob> {

  /** {@code SetDefaults_CronJob} and the pod defaults of the job template (not the Job defaults). */
  @Override
  public void applyDefaults(CronJob cj) {
    if (cj.getSpec() == null) {
      cj.setSpec(new CronJobSpec());
    }
    CronJobSpec spec = cj.getSpec();
    if (spec.getConcurrencyPolicy() == null || spec.getConcurrencyPolicy().isEmpty()) {
      spec.setConcurrencyPolicy("Allow");
    }
    if (spec.getSuspend() == null) {
      spec.setSuspend(false);
    }
    if (spec.getSuccessfulJobsHistoryLimit() == null) {
      spec.setSuccessfulJobsHistoryLimit(3);
    }
    if (spec.getFailedJobsHistoryLimit() == null) {
      spec.setFailedJobsHistoryLimit(1);
    }
    if (spec.getJobTemplate() != null && spec.getJobTemplate().getSpec() != null) {
      PodDefaults.applyTemplateDefaults(spec.getJobTemplate().getSpec().getTemplate());
    }
  }

  @Override
  public void prepareForCreate(CronJob cj) {
    cj.setStatus(new CronJobStatus());
    cj.getMetadata().setGeneration(1L);
  }

  @Override
  public void prepareForUpdate(CronJob cj, CronJob old) {
    cj.setStatus(old.getStatus());
    Generation.advance(cj, old, !Objects.equals(cj.getSpec(), old.getSpec()));
  }

  /** {@code ValidateCronJobCreate}: names at most 52 characters, since Jobs append {@code -<timestamp>}. */
  @Override
  public List<FieldError> validate(CronJob cj) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(cj.getMetadata(), true, NameValidator.DNS_SUBDOMAIN,
        Path.root("metadata"));
    errs.addAll(BatchValidation.validateCronJobSpec(spec(cj), null, Path.root("spec")));
    String name = cj.getMetadata().getName() == null ? "" : cj.getMetadata().getName();
    if (Validation.len(name) > Validation.DNS1035_LABEL_MAX_LENGTH - 11) {
      errs.invalid(Path.root("metadata").child("name"), name, "must be no more than 52 characters");
    }
    return errs;
  }

  @Override
  public List<FieldError> validateUpdate(CronJob cj, CronJob old) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(cj.getMetadata(), old.getMetadata(),
        Path.root("metadata"));
    errs.addAll(BatchValidation.validateCronJobSpec(spec(cj), spec(old), Path.root("spec")));
    return errs;
  }

  @Override
  public Optional<StatusStrategy<CronJob>> statusStrategy() {
    return Optional.of(new StatusStrategy<>() {
      @Override
      public void prepareForUpdate(CronJob cj, CronJob old) {
        cj.setSpec(old.getSpec());
      }

      @Override
      public List<FieldError> validateUpdate(CronJob cj, CronJob old) {
        return ObjectMetaValidation.validateCoreObjectMetaUpdate(cj.getMetadata(), old.getMetadata(), Path.root("metadata"));
      }
    });
  }

  private static CronJobSpec spec(CronJob cj) {
    return cj.getSpec() == null ? new CronJobSpec() : cj.getSpec();
  }
}
