package io.appmesh.operator.webhook.crd;

import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGatewayConnectionPool;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGatewayListener;
import io.appmesh.operator.webhook.admission.AdmissionDenied;
import io.appmesh.operator.webhook.admission.AdmissionRequest;

/** VirtualGateway validation: (UPDATE) awsName and meshRef are immutable; a listener has one connection pool type. */
@ApplicationScoped
public class VirtualGatewayValidator implements Validator<VirtualGateway> {

    @Override
    public Class<VirtualGateway> type() {
        return VirtualGateway.class;
    }

    @Override
    public void validateCreate(VirtualGateway vg, AdmissionRequest request) {
        checkConnectionPools(vg);
    }

    @Override
    public void validateUpdate(VirtualGateway vg, VirtualGateway old, AdmissionRequest request) {
        Immutability.ofMember("VirtualGateway", vg.getSpec(), old.getSpec()).enforce();
        checkConnectionPools(vg);
    }

    private static void checkConnectionPools(VirtualGateway vg) {
        if (vg.getSpec().getListeners() == null) {
            return;
        }
        for (VirtualGatewayListener listener : vg.getSpec().getListeners()) {
            VirtualGatewayConnectionPool pool = listener.getConnectionPool();
            if (pool != null && Stream.of(pool.getHttp(), pool.getHttp2(), pool.getGrpc()).filter(p -> p != null).count() > 1) {
                throw new AdmissionDenied("Only one type of Virtual Gateway Connection Pool is allowed");
            }
        }
    }
}
