package io.kube4j.apiserver.registry.certificates;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestCondition;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestStatus;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.authn.UserInfo;
import io.kube4j.apiserver.registry.generic.RequesterAwareStrategy;
import io.kube4j.apiserver.registry.generic.StatusStrategy;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.registry.generic.SystemMetadata;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code csrStrategy}, {@code csrApprovalStrategy} and {@code csrStatusStrategy}: the requester writes
 * the spec once (its identity taken from the request), an approver writes only the conditions through
 * {@code approval}, the signer only the certificate (and non-approval conditions) through {@code status}.
 */
public final class CertificateSigningRequestStrategy
    implements Strategy<CertificateSigningRequest>, RequesterAwareStrategy<CertificateSigningRequest> {

  private final Clock clock;
  private final StatusStrategy<CertificateSigningRequest> approval = new Approval();
  private final StatusStrategy<CertificateSigningRequest> status = new Status();

  public CertificateSigningRequestStrategy(Clock clock) {
    this.clock = clock;
  }

  public CertificateSigningRequestStrategy() {
    this(Clock.systemUTC());
  }

  /** {@code SetDefaults_CertificateSigningRequestCondition}: a condition without status is True. */
  @Override
  public void applyDefaults(CertificateSigningRequest csr) {
    for (CertificateSigningRequestCondition c : CsrConditions.of(csr)) {
      if (c.getStatus() == null || c.getStatus().isEmpty()) {
        c.setStatus("True");
      }
    }
  }

  /** Users cannot create pre-approved requests: the status starts empty. */
  @Override
  public void prepareForCreate(CertificateSigningRequest csr) {
    csr.setStatus(new CertificateSigningRequestStatus());
  }

  /** The requester is whoever sent the request, whatever the body says. */
  @Override
  public void recordRequester(CertificateSigningRequest csr, Optional<UserInfo> user) {
    var spec = csr.getSpec() == null ? new io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestSpec()
        : csr.getSpec();
    spec.setUsername(user.map(UserInfo::name).filter(n -> !n.isEmpty()).orElse(null));
    spec.setUid(user.map(UserInfo::uid).filter(u -> !u.isEmpty()).orElse(null));
    spec.setGroups(user.map(u -> new ArrayList<>(u.groups())).filter(g -> !g.isEmpty()).orElse(null));
    spec.setExtra(user.map(UserInfo::extra).filter(e -> !e.isEmpty())
        .map(e -> (Map<String, List<String>>) new LinkedHashMap<>(e)).orElse(null));
    csr.setSpec(spec);
  }

  /** The main resource changes only metadata: spec and status are kept. */
  @Override
  public void prepareForUpdate(CertificateSigningRequest csr, CertificateSigningRequest old) {
    csr.setSpec(old.getSpec());
    csr.setStatus(old.getStatus());
  }

  @Override
  public List<FieldError> validate(CertificateSigningRequest csr) {
    return CsrValidation.validate(csr);
  }

  @Override
  public List<FieldError> validateUpdate(CertificateSigningRequest csr, CertificateSigningRequest old) {
    return CsrValidation.validateUpdate(csr, old);
  }

  @Override
  public Optional<StatusStrategy<CertificateSigningRequest>> statusStrategy() {
    return Optional.of(status);
  }

  @Override
  public Optional<StatusStrategy<CertificateSigningRequest>> subresourceStrategy(String subresource) {
    return switch (subresource) {
      case "status" -> Optional.of(status);
      case "approval" -> Optional.of(approval);
      default -> Optional.empty();
    };
  }

  /** {@code approval}: only the conditions change; the certificate stays. */
  private final class Approval implements StatusStrategy<CertificateSigningRequest> {
    @Override
    public void prepareForUpdate(CertificateSigningRequest csr, CertificateSigningRequest old) {
      csr.setSpec(old.getSpec());
      CertificateSigningRequestStatus next = csr.getStatus() == null ? new CertificateSigningRequestStatus()
          : csr.getStatus();
      next.setCertificate(old.getStatus() == null ? null : old.getStatus().getCertificate());
      csr.setStatus(next);
      populateConditionTimestamps(csr, old);
    }

    @Override
    public List<FieldError> validateUpdate(CertificateSigningRequest csr, CertificateSigningRequest old) {
      return CsrValidation.validateUpdate(csr, old);
    }
  }

  /** {@code status}: the signer's write; Approved and Denied conditions are kept as they were. */
  private final class Status implements StatusStrategy<CertificateSigningRequest> {
    @Override
    public void prepareForUpdate(CertificateSigningRequest csr, CertificateSigningRequest old) {
      csr.setSpec(old.getSpec());
      if (csr.getStatus() == null) {
        csr.setStatus(new CertificateSigningRequestStatus());
      }
      List<CertificateSigningRequestCondition> kept = new ArrayList<>();
      for (CertificateSigningRequestCondition c : CsrConditions.of(csr)) {
        if (!isApprovalCondition(c)) {
          kept.add(c);
        }
      }
      for (CertificateSigningRequestCondition c : CsrConditions.of(old)) {
        if (isApprovalCondition(c)) {
          kept.add(c);
        }
      }
      csr.getStatus().setConditions(kept);
      populateConditionTimestamps(csr, old);
    }

    @Override
    public List<FieldError> validateUpdate(CertificateSigningRequest csr, CertificateSigningRequest old) {
      return CsrValidation.validateUpdate(csr, old);
    }
  }

  private static boolean isApprovalCondition(CertificateSigningRequestCondition c) {
    return CsrConditions.APPROVED.equals(c.getType()) || CsrConditions.DENIED.equals(c.getType());
  }

  /**
   * New conditions get {@code lastUpdateTime} now, and {@code lastTransitionTime} from the same
   * type and status in the stored object, else now ({@code populateConditionTimestamps}).
   */
  private void populateConditionTimestamps(CertificateSigningRequest csr, CertificateSigningRequest old) {
    String now = SystemMetadata.timestamp(clock.instant());
    for (CertificateSigningRequestCondition c : CsrConditions.of(csr)) {
      if (c.getLastUpdateTime() == null || c.getLastUpdateTime().isEmpty()) {
        c.setLastUpdateTime(now);
      }
      if (c.getLastTransitionTime() == null || c.getLastTransitionTime().isEmpty()) {
        c.setLastTransitionTime(CsrConditions.of(old).stream()
            .filter(o -> java.util.Objects.equals(o.getType(), c.getType())
                && java.util.Objects.equals(o.getStatus(), c.getStatus())
                && o.getLastTransitionTime() != null && !o.getLastTransitionTime().isEmpty())
            .map(CertificateSigningRequestCondition::getLastTransitionTime).findFirst().orElse(now));
      }
    }
  }
}
