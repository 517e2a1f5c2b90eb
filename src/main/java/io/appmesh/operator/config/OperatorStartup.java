package io.appmesh.operator.config;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Starts the controllers once the API server answers, instead of at Quarkus start-up (the Operator SDK's own start is
 * off: {@code quarkus.operator-sdk.start-operator=false}). A slow, overloaded or briefly unavailable API server at
 * start used to end the process (the SDK's first list failed, and its start-up gave up); now the operator waits with
 * a backoff (0.5 s doubling to 30 s), its webhooks and liveness answer meanwhile, and readiness stays false until the
 * controllers run. The probe is a one-item list of Meshes: it also waits for the CRDs and the RBAC to be in place.
 * Once started, informers that lose the API server retry on their own
 * ({@code quarkus.operator-sdk.stop-on-informer-error-during-startup=false}). Only a failure of the start itself, after
 * the API server answered, still exits, so that Kubernetes restarts the pod.
 */
@ApplicationScoped
public class OperatorStartup {

    private static final Logger LOG = Logger.getLogger(OperatorStartup.class);
    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final Operator operator;
    private final KubernetesClient client;
    private volatile boolean stopping;
    private volatile boolean started;
    private Thread starter;

    private final Event<ControllersStarted> controllersStarted;

    public OperatorStartup(Operator operator, KubernetesClient client, Event<ControllersStarted> controllersStarted) {
        this.operator = operator;
        this.client = client;
        this.controllersStarted = controllersStarted;
    }

    void start(@Observes StartupEvent event) {
        starter = new Thread(this::startWhenReachable, "operator-start");
        starter.setDaemon(true);
        starter.start();
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (starter != null) {
            starter.interrupt();
        }
        if (started) {
            operator.stop();
        }
    }

    private void startWhenReachable() {
        Duration wait = FIRST_RETRY;
        for (int attempt = 1; !stopping; attempt++) {
            try {
                client.resources(Mesh.class).list(new ListOptionsBuilder().withLimit(1L).build());
                break;
            } catch (RuntimeException e) {
                LOG.warnf("the API server does not answer yet (attempt %d: %s); controllers start once it does, next"
                        + " try in %s", attempt, e.getMessage(), wait);
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                wait = next(wait);
            }
        }
        synchronized (this) {
            if (stopping) {
                return;
            }
            try {
                operator.start();
                started = true;
            } catch (RuntimeException e) {
                LOG.error("the controllers did not start; exiting so that the pod is restarted", e);
                Quarkus.asyncExit(1);
                return;
            }
        }
        // Outside the lock: an observer may take its time (the xDS server syncs its pod cache), and a stop must not
        // wait for it.
        controllersStarted.fire(new ControllersStarted());
    }

    static Duration next(Duration wait) {
        Duration doubled = wait.multipliedBy(2);
        return doubled.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : doubled;
    }
}
