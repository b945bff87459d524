package io.kube4j.apiserver.registry.core.serviceaccount.rest;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authentication.BoundObjectReference;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestSpec;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestStatus;
import io.kube4j.apiserver.api.GroupKind;
import io.kube4j.apiserver.api.GroupResource;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.authn.serviceaccount.BoundToken;
import io.kube4j.apiserver.authn.serviceaccount.TokenIssuer;
import io.kube4j.apiserver.endpoints.ResourceRouter;
import io.kube4j.apiserver.endpoints.Response;
import io.kube4j.apiserver.endpoints.negotiation.BodyDecoder;
import io.kube4j.apiserver.registry.generic.SystemMetadata;
import io.kube4j.apiserver.runtime.Codec;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code POST .../serviceaccounts/{name}/token}: signs a token for that service account. */
public final class TokenRest {

  static final long DEFAULT_EXPIRATION_SECONDS = 3600;
  static final long MIN_EXPIRATION_SECONDS = 600;

  /** An object by kind (ServiceAccount, Pod, Secret), namespace and name, or empty. */
  public interface Objects {
    Optional<HasMetadata> get(String kind, String namespace, String name);
  }

  private final TokenIssuer issuer;
  private final List<String> audiences;
  private final Objects objects;
  private final Codec codec;
  private final BodyDecoder bodies;
  private final Clock clock;

  public TokenRest(TokenIssuer issuer, List<String> audiences, Objects objects, Codec codec, BodyDecoder bodies,
      Clock clock) {
    this.issuer = issuer;
    this.audiences = List.copyOf(audiences);
    this.objects = objects;
    this.codec = codec;
    this.bodies = bodies;
    this.clock = clock;
  }

  public ResourceRouter.SubresourceHandler handler() {
    return (info, req, responder) -> {
      if (!info.verb().equals("create")) {
        throw StatusException.methodNotAllowed("the server does not allow this method on the requested resource");
      }
      TokenRequest tr = bodies.decodeAs(req.header("Content-Type"), req.body(), "authentication.k8s.io/v1",
          "TokenRequest", TokenRequest.class);
      TokenRequestSpec spec = tr.getSpec() == null ? new TokenRequestSpec() : tr.getSpec();
      long seconds = spec.getExpirationSeconds() == null ? DEFAULT_EXPIRATION_SECONDS : spec.getExpirationSeconds();
      ErrorList errs = new ErrorList();
      if (seconds < MIN_EXPIRATION_SECONDS) {
        errs.invalid(Path.root("spec", "expirationSeconds"), seconds, "may not specify a duration less than 10 minutes");
      }
      if (seconds > (1L << 32)) {
        errs.invalid(Path.root("spec", "expirationSeconds"), seconds, "may not specify a duration larger than 2^32 "
            + "seconds");
      }
      if (!errs.isEmpty()) {
        throw StatusException.invalid(new GroupKind("authentication.k8s.io", "TokenRequest"), info.name(), errs);
      }
      HasMetadata sa = objects.get("ServiceAccount", info.namespace(), info.name())
          .orElseThrow(() -> StatusException.notFound(GroupResource.of("", "serviceaccounts"), info.name()));
      BoundObjectReference ref = spec.getBoundObjectRef();
      Optional<HasMetadata> bound = Optional.empty();
      if (ref != null) {
        bound = Optional.of(bind(ref, info.namespace()));
      }
      List<String> aud = spec.getAudiences() == null || spec.getAudiences().isEmpty() ? audiences : spec.getAudiences();
      Instant now = clock.instant();
      Instant expires = now.plusSeconds(seconds);
      BoundToken token = new BoundToken(info.namespace(), info.name(), sa.getMetadata().getUid(), aud, now, expires,
          bound.map(b -> ref.getKind()), bound.map(b -> b.getMetadata().getName()),
          bound.map(b -> b.getMetadata().getUid()), UUID.randomUUID().toString());
      spec.setAudiences(aud);
      spec.setExpirationSeconds(seconds);
      bound.ifPresent(b -> ref.setUid(b.getMetadata().getUid()));
      tr.setSpec(spec);
      tr.setStatus(new TokenRequestStatus(SystemMetadata.timestamp(expires), issuer.sign(token)));
      tr.setApiVersion("authentication.k8s.io/v1");
      tr.setKind("TokenRequest");
      responder.respond(Response.json(201, codec.encode(tr)));
    };
  }

  /** The object a token is bound to: a Pod or Secret in the namespace, with the uid if one is named. */
  private HasMetadata bind(BoundObjectReference ref, String namespace) {
    String kind = String.valueOf(ref.getKind());
    if (!kind.equals("Pod") && !kind.equals("Secret")) {
      ErrorList errs = new ErrorList();
      errs.notSupported(Path.root("spec", "boundObjectRef", "kind"), kind, List.of("Pod", "Secret"));
      throw StatusException.invalid(new GroupKind("authentication.k8s.io", "TokenRequest"), "", errs);
    }
    String resource = kind.equals("Pod") ? "pods" : "secrets";
    HasMetadata obj = objects.get(kind, namespace, ref.getName())
        .orElseThrow(() -> StatusException.notFound(GroupResource.of("", resource), ref.getName()));
    if (ref.getUid() != null && !ref.getUid().isEmpty() && !ref.getUid().equals(obj.getMetadata().getUid())) {
      throw StatusException.conflict(GroupResource.of("", kind), ref.getName(), "the UID in the bound object reference ("
          + ref.getUid() + ") does not match the UID in record. The object might have been deleted and then recreated");
    }
    return obj;
  }
}
