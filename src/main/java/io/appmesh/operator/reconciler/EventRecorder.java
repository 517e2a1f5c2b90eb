package io.appmesh.operator.reconciler;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Writes core/v1 Events on App Mesh objects, as upstream's event recorders do (same reasons and messages, the
 * recorder's name as source component). An event that cannot be written is logged and dropped: it must never fail a
 * reconcile.
 */
@ApplicationScoped
public class EventRecorder {

    private static final Logger LOG = Logger.getLogger(EventRecorder.class);

    private final KubernetesClient client;

    public EventRecorder(KubernetesClient client) {
        this.client = client;
    }

    public void warning(HasMetadata object, String component, String reason, String message) {
        record(object, component, "Warning", reason, message);
    }

    public void normal(HasMetadata object, String component, String reason, String message) {
        record(object, component, "Normal", reason, message);
    }

    private void record(HasMetadata object, String component, String type, String reason, String message) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        // Cluster-scoped objects (Mesh) get their events in "default", as client-go's recorder does.
        String namespace = object.getMetadata().getNamespace() == null ? "default" : object.getMetadata().getNamespace();
        var event = new EventBuilder()
                .withNewMetadata()
                .withName(object.getMetadata().getName() + "." + Long.toHexString(System.nanoTime()))
                .withNamespace(namespace)
                .endMetadata()
                .withInvolvedObject(new ObjectReferenceBuilder()
                        .withApiVersion(object.getApiVersion())
                        .withKind(object.getKind())
                        .withName(object.getMetadata().getName())
                        .withNamespace(object.getMetadata().getNamespace())
                        .withUid(object.getMetadata().getUid())
                        .withResourceVersion(object.getMetadata().getResourceVersion())
                        .build())
                .withType(type)
                .withReason(reason)
                .withMessage(message)
                .withNewSource().withComponent(component).endSource()
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withCount(1)
                .build();
        try {
            client.v1().events().inNamespace(namespace).resource(event).create();
        } catch (KubernetesClientException e) {
            LOG.warnf("could not record %s event %s on %s %s: %s", type, reason, object.getKind(),
                    object.getMetadata().getName(), e.getMessage());
        }
    }
}
