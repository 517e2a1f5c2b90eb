package io.appmesh.operator.webhook.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;

/**
 * With enable-iam-for-service-accounts (default on), a pod without fsGroup gets fsGroup 1337, so that envoy (uid 1337)
 * can read the projected service-account token IRSA mounts.
 */
final class IamForServiceAccounts implements PodMutation {

    @Override
    public void mutate(Pod pod, InjectionContext context) {
        if (!context.config().enableIamForServiceAccounts()) {
            return;
        }
        PodSecurityContext security = pod.getSpec().getSecurityContext();
        if (security == null) {
            security = new PodSecurityContext();
            pod.getSpec().setSecurityContext(security);
        }
        if (security.getFsGroup() == null) {
            security.setFsGroup((long) TrafficInterception.PROXY_UID);
        }
    }
}
