package io.appmesh.operator.sandbox;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * {@code make run} in xDS mode: for each virtual node of the sample mesh, what its proxies receive — listeners,
 * clusters with their endpoint counts, and which cluster each host's routes lead to — read from the operator's config
 * dump ({@code /q/xds/<node id>}), as a user would with {@code curl}.
 */
final class XdsSummary {

    private static final ObjectMapper JSON = new ObjectMapper();

    private XdsSummary() {
    }

    static void print(KubernetesClient client, URI management) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<VirtualNode> nodes = client.resources(VirtualNode.class).inAnyNamespace().list().getItems();
        for (VirtualNode node : nodes) {
            Mesh mesh = node.getSpec().getMeshRef() == null
                    ? null
                    : client.resources(Mesh.class).withName(node.getSpec().getMeshRef().getName()).get();
            if (mesh == null) {
                continue;
            }
            String id = "mesh/" + mesh.getSpec().getAwsName() + "/virtualNode/" + node.getSpec().getAwsName();
            JsonNode dump = null;
            // The node becomes part of the served mesh once reconciled, and the snapshot follows the debounce.
            for (int attempt = 0; attempt < 60 && dump == null; attempt++) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(management.resolve("/q/xds/"
                        + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("%2F", "/"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    dump = JSON.readTree(response.body());
                } else {
                    Thread.sleep(500);
                }
            }
            System.out.println("make run: xDS for " + id + (dump == null ? ": not served yet" : ""));
            if (dump != null) {
                summarize(dump).forEach(line -> System.out.println("    " + line));
            }
        }
    }

    /** The lines printed for one node's dump. */
    static List<String> summarize(JsonNode dump) {
        List<String> listeners = new ArrayList<>();
        Map<String, Integer> clusters = new LinkedHashMap<>();
        Map<String, Integer> endpoints = new LinkedHashMap<>();
        List<String> routes = new ArrayList<>();
        for (JsonNode config : dump.path("configs")) {
            config.path("dynamicListeners").forEach(l -> listeners.add(l.path("name").asText()));
            config.path("dynamicActiveClusters").forEach(c -> clusters.put(c.path("cluster").path("name").asText(), 0));
            config.path("dynamicEndpointConfigs").forEach(e -> {
                int count = 0;
                for (JsonNode locality : e.path("endpointConfig").path("endpoints")) {
                    count += locality.path("lbEndpoints").size();
                }
                endpoints.put(e.path("endpointConfig").path("clusterName").asText(), count);
            });
            config.path("dynamicRouteConfigs").forEach(r -> {
                JsonNode routeConfig = r.path("routeConfig");
                for (JsonNode host : routeConfig.path("virtualHosts")) {
                    TreeSet<String> targets = new TreeSet<>();
                    for (JsonNode route : host.path("routes")) {
                        JsonNode action = route.path("route");
                        if (action.has("cluster")) {
                            targets.add(action.path("cluster").asText());
                        }
                        action.path("weightedClusters").path("clusters")
                                .forEach(c -> targets.add(c.path("name").asText() + " (" + c.path("weight").asText() + ")"));
                    }
                    routes.add(routeConfig.path("name").asText() + " " + host.path("domains").get(0).asText("*")
                            + " -> " + (targets.isEmpty() ? "(no route)" : String.join(", ", targets)));
                }
            });
        }
        List<String> lines = new ArrayList<>();
        lines.add("listeners " + String.join(", ", listeners));
        clusters.keySet().forEach(c -> lines.add("cluster   " + c
                + (endpoints.containsKey(c) ? " (" + endpoints.get(c) + " endpoint(s))" : "")));
        routes.forEach(r -> lines.add("route     " + r));
        return lines;
    }
}
