package io.appmesh.operator.backend.xds;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the proxies of each virtual node (and virtual gateway) last said about the configuration pushed to them: a NACK (a DiscoveryRequest
 * with {@code error_detail}) records the proxy's error text for that resource type; an ACK of the type clears it. The
 * proxies keep the last configuration they accepted meanwhile (Envoy's rule), so a NACK never breaks traffic; it
 * only shows on the VirtualNode or VirtualGateway (a {@code ConfigRejected} condition and a Warning event).
 */
public final class ProxyFeedback {

    private final Map<String, Map<String, String>> rejections = new ConcurrentHashMap<>();
    /** The VirtualNode and the VirtualGateway reconcilers each listen. */
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    /** Called with the node (or gateway) group whenever its rejection appears, changes or clears. */
    public void listen(Consumer<String> listener) {
        listeners.add(listener);
    }

    void nacked(String group, String typeUrl, String message) {
        String previous = rejections.computeIfAbsent(group, g -> new ConcurrentHashMap<>()).put(typeUrl, message);
        if (!message.equals(previous)) {
            listeners.forEach(l -> l.accept(group));
        }
    }

    void acked(String group, String typeUrl) {
        Map<String, String> byType = rejections.get(group);
        if (byType != null && byType.remove(typeUrl) != null) {
            listeners.forEach(l -> l.accept(group));
        }
    }

    /** The proxies' current refusal for a node group, all types, or empty when they accept what they were sent. */
    public Optional<String> rejection(String group) {
        Map<String, String> byType = rejections.get(group);
        if (byType == null || byType.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(byType).forEach((type, message) -> {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(XdsMetrics.shortType(type).toUpperCase(java.util.Locale.ROOT)).append(" rejected: ")
                    .append(message);
        });
        return Optional.of(text.toString());
    }
}
