package io.appmesh.operator.webhook.crd;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.appmesh.operator.api.v1beta2.virtualnode.Backend;
import io.appmesh.operator.api.v1beta2.virtualnode.Listener;
import io.appmesh.operator.api.v1beta2.virtualnode.ServiceDiscovery;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNodeConnectionPool;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNodeSpec;
import io.appmesh.operator.webhook.admission.AdmissionDenied;
import io.appmesh.operator.webhook.admission.AdmissionRequest;

/**
 * VirtualNode validation, first failure wins, in upstream's order: listeners need serviceDiscovery; (UPDATE) awsName,
 * meshRef and a Cloud Map serviceDiscovery are immutable; backends are unique; a listener has one connection pool type.
 */
@ApplicationScoped
public class VirtualNodeValidator implements Validator<VirtualNode> {

    @Override
    public Class<VirtualNode> type() {
        return VirtualNode.class;
    }

    @Override
    public void validateCreate(VirtualNode vn, AdmissionRequest request) {
        checkRequiredFields(vn);
        checkDuplicateBackends(vn);
        checkConnectionPools(vn.getSpec().getListeners());
    }

    @Override
    public void validateUpdate(VirtualNode vn, VirtualNode old, AdmissionRequest request) {
        checkRequiredFields(vn);
        VirtualNodeSpec spec = vn.getSpec();
        VirtualNodeSpec oldSpec = old.getSpec();
        Immutability immutability = Immutability.ofMember("VirtualNode", spec, oldSpec);
        // Only a node that already used Cloud Map is pinned to it; moving from DNS to Cloud Map is allowed. Removing
        // serviceDiscovery altogether counts as a change (upstream crashes on it instead).
        if (oldSpec.getServiceDiscovery() != null && oldSpec.getServiceDiscovery().getAwsCloudMap() != null) {
            ServiceDiscovery sd = spec.getServiceDiscovery();
            immutability.check("spec.serviceDiscovery.awsCloudMap", sd == null ? null : sd.getAwsCloudMap(),
                    oldSpec.getServiceDiscovery().getAwsCloudMap());
        }
        immutability.enforce();
        checkDuplicateBackends(vn);
        checkConnectionPools(spec.getListeners());
    }

    private static void checkRequiredFields(VirtualNode vn) {
        if (vn.getSpec().getListeners() != null && vn.getSpec().getServiceDiscovery() == null) {
            throw new AdmissionDenied("ServiceDiscovery missing for VirtualNode-" + vn.getMetadata().getName()
                    + ". ServiceDiscovery must be specified when a listener is specified.");
        }
    }

    private static void checkDuplicateBackends(VirtualNode vn) {
        List<Backend> backends = vn.getSpec().getBackends();
        if (backends == null) {
            return;
        }
        Set<String> refs = new HashSet<>();
        Set<String> arns = new HashSet<>();
        for (Backend backend : backends) {
            if (backend.getVirtualService() == null) {
                continue;
            }
            var ref = backend.getVirtualService().getVirtualServiceRef();
            if (ref != null) {
                String ns = MeshRefs.isNullOrEmpty(ref.getNamespace()) ? vn.getMetadata().getNamespace() : ref.getNamespace();
                if (!refs.add(ref.getName() + "-" + ns)) {
                    throw new AdmissionDenied("VirtualNode-" + vn.getMetadata().getName()
                            + " has duplicate VirtualServiceReferences " + ref.getName());
                }
            }
            String arn = backend.getVirtualService().getVirtualServiceARN();
            if (arn != null && !arns.add(arn)) {
                throw new AdmissionDenied("VirtualNode-" + vn.getMetadata().getName()
                        + " has duplicate VirtualServiceReferenceARNs " + arn);
            }
        }
    }

    private static void checkConnectionPools(List<Listener> listeners) {
        if (listeners == null) {
            return;
        }
        for (Listener listener : listeners) {
            VirtualNodeConnectionPool pool = listener.getConnectionPool();
            if (pool != null && Stream.of(pool.getTcp(), pool.getHttp(), pool.getHttp2(), pool.getGrpc())
                    .filter(p -> p != null).count() > 1) {
                throw new AdmissionDenied("Only one type of Virtual Node Connection Pool is allowed");
            }
        }
    }
}
