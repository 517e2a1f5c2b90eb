package io.appmesh.operator.reconciler.virtualgateway;

import java.time.Duration;

import io.appmesh.operator.api.v1beta2.AppMeshApi;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.mesh.Members;
import io.appmesh.operator.reconciler.EventRecorder;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.quarkiverse.operatorsdk.annotations.RBACRule;

/**
 * Watches VirtualGateways. Owns the {@code finalizers.appmesh.k8s.aws/virtualgateway-members} finalizer: a gateway is
 * not deleted while a GatewayRoute (in any namespace) is attached to it; meanwhile a {@code PendingMembersDeletion}
 * Warning counts them and the check runs again every minute, as upstream. The App Mesh object and the
 * {@code VirtualGatewayActive} condition arrive with the AWS backend.
 */
@ControllerConfiguration(name = "virtualgateway", finalizerName = AppMeshApi.VIRTUAL_GATEWAY_MEMBERS_FINALIZER)
@RBACRule(apiGroups = AppMeshApi.GROUP, resources = "gatewayroutes", verbs = {"get", "list", "watch"})
@RBACRule(apiGroups = "", resources = "events", verbs = {"create", "patch"})
public class VirtualGatewayReconciler implements Reconciler<VirtualGateway>, Cleaner<VirtualGateway> {

    static final String EVENT_COMPONENT = "virtualgateway-members";
    static final Duration MEMBERS_RECHECK = Duration.ofSeconds(60);

    private final Members members;
    private final EventRecorder events;

    public VirtualGatewayReconciler(Members members, EventRecorder events) {
        this.members = members;
        this.events = events;
    }

    @Override
    public UpdateControl<VirtualGateway> reconcile(VirtualGateway gateway, Context<VirtualGateway> context) {
        return UpdateControl.noUpdate();
    }

    @Override
    public DeleteControl cleanup(VirtualGateway gateway, Context<VirtualGateway> context) {
        String pending = members.ofVirtualGateway(gateway);
        if (!pending.isEmpty()) {
            events.warning(gateway, EVENT_COMPONENT, "PendingMembersDeletion",
                    "objects belonging to this virtualGateway exist, please delete them to proceed. " + pending);
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(MEMBERS_RECHECK.toMillis());
        }
        return DeleteControl.defaultDelete();
    }
}
