package io.kube4j.apiserver.registry.authorization;

import io.fabric8.kubernetes.api.model.authorization.v1.NonResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectRulesReviewStatus;
import io.kube4j.apiserver.api.GroupKind;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.authn.UserInfo;
import io.kube4j.apiserver.authorization.RuleResolver;
import io.kube4j.apiserver.endpoints.ResourceRouter;
import io.kube4j.apiserver.endpoints.negotiation.BodyDecoder;
import io.kube4j.apiserver.endpoints.Response;
import io.kube4j.apiserver.runtime.Codec;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * SelfSubjectRulesReview ({@code kubectl auth can-i --list}): every rule the caller holds in a
 * namespace, from every authorizer that can enumerate its rules; incomplete when one cannot.
 */
public final class RulesReviewRest {

  private final List<RuleResolver> resolvers;
  private final Codec codec;
  private final BodyDecoder bodies;

  public RulesReviewRest(List<RuleResolver> resolvers, Codec codec, BodyDecoder bodies) {
    this.resolvers = List.copyOf(resolvers);
    this.codec = codec;
    this.bodies = bodies;
  }

  public ResourceRouter.SubresourceHandler handler() {
    return (info, req, responder) -> {
      SelfSubjectRulesReview r = bodies.decodeAs(req.header("Content-Type"), req.body(), "authorization.k8s.io/v1",
          "SelfSubjectRulesReview", SelfSubjectRulesReview.class);
      String namespace = r.getSpec() == null || r.getSpec().getNamespace() == null ? "" : r.getSpec().getNamespace();
      if (namespace.isEmpty()) {
        ErrorList errs = new ErrorList();
        errs.required(Path.root("spec", "namespace"), "");
        throw StatusException.invalid(new GroupKind("authorization.k8s.io", "SelfSubjectRulesReview"), "", errs);
      }
      UserInfo user = AccessReviewRest.caller(req);
      List<ResourceRule> resources = new ArrayList<>();
      List<NonResourceRule> nonResources = new ArrayList<>();
      List<String> errors = new ArrayList<>();
      boolean incomplete = false;
      for (RuleResolver resolver : resolvers) {
        RuleResolver.Rules rules = resolver.rulesFor(user, namespace);
        resources.addAll(rules.resourceRules());
        nonResources.addAll(rules.nonResourceRules());
        incomplete |= rules.incomplete();
        if (!rules.evaluationError().isEmpty()) {
          errors.add(rules.evaluationError());
        }
      }
      SubjectRulesReviewStatus status = new SubjectRulesReviewStatus();
      status.setResourceRules(resources);
      status.setNonResourceRules(nonResources);
      status.setIncomplete(incomplete);
      if (!errors.isEmpty()) {
        status.setEvaluationError(errors.size() == 1 ? errors.get(0) : "[" + String.join(", ", errors) + "]");
      }
      r.setStatus(status);
      r.setApiVersion("authorization.k8s.io/v1");
      r.setKind("SelfSubjectRulesReview");
      responder.respond(Response.json(201, codec.encode(r)));
    };
  }
}
