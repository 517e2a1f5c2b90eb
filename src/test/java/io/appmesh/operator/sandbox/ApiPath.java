package io.appmesh.operator.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A Kubernetes API request path taken apart: {@code /api/v1/namespaces/ns/pods/p/status?x=y} or
 * {@code /apis/group/version/[namespaces/ns/]plural[/name[/subresource]]}.
 *
 * @param group empty for the core group
 * @param namespace null for cluster-scoped paths
 * @param name null for collection paths
 * @param subresource null, or {@code status} and the like
 */
record ApiPath(String group, String version, String namespace, String plural, String name, String subresource,
        Map<String, String> query) {

    static ApiPath parse(String path) {
        int q = path.indexOf('?');
        Map<String, String> query = new HashMap<>();
        if (q >= 0) {
            for (String pair : path.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            path = path.substring(0, q);
        }
        String[] s = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toArray(String[]::new);
        if (s.length < 3) {
            return new ApiPath("", "", null, "", null, null, query);
        }
        boolean core = s[0].equals("api");
        String group = core ? "" : s[1];
        String version = core ? s[1] : s[2];
        String[] rest = Arrays.copyOfRange(s, core ? 2 : 3, s.length);
        // namespaces/<ns>/<plural>[/<name>[/<sub>]], except a Namespace's own subresources (namespaces/<ns>/status)
        if (rest.length >= 3 && rest[0].equals("namespaces") && !Map.of("status", 1, "finalize", 1).containsKey(rest[2])) {
            return new ApiPath(group, version, rest[1], rest[2], at(rest, 3), at(rest, 4), query);
        }
        return new ApiPath(group, version, null, rest.length > 0 ? rest[0] : "", at(rest, 1), at(rest, 2), query);
    }

    private static String at(String[] a, int i) {
        return i < a.length ? a[i] : null;
    }

    boolean status() {
        return "status".equals(subresource);
    }

    String fieldValidation() {
        return query.getOrDefault("fieldValidation", "");
    }
}
