package io.appmesh.operator.config;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * Translates upstream's {@code --tls-min-version} / {@code --tls-cipher-suite} ({@code appmesh.tls-min-version},
 * {@code appmesh.tls-cipher-suite}) into the HTTPS server settings {@code quarkus.http.ssl.protocols} and
 * {@code quarkus.http.ssl.cipher-suites}. An interceptor rather than a property expression because the minimum version
 * has to become a list of every version from it upwards, and a bad value has to stop the process at start-up the way
 * upstream exits.
 */
@Priority(Priorities.APPLICATION + 100)
public class TlsMinVersionInterceptor implements ConfigSourceInterceptor {

    static final String MIN_VERSION = "appmesh.tls-min-version";
    static final String CIPHER_SUITE = "appmesh.tls-cipher-suite";
    static final String PROTOCOLS = "quarkus.http.ssl.protocols";
    static final String CIPHER_SUITES = "quarkus.http.ssl.cipher-suites";

    private static final Map<String, List<String>> PROTOCOLS_FROM = Map.of(
            "VersionTLS10", List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"),
            "VersionTLS11", List.of("TLSv1.1", "TLSv1.2", "TLSv1.3"),
            "VersionTLS12", List.of("TLSv1.2", "TLSv1.3"),
            "VersionTLS13", List.of("TLSv1.3"));

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue explicit = context.proceed(name);
        if (PROTOCOLS.equals(name)) {
            ConfigValue min = context.proceed(MIN_VERSION);
            if (min != null && min.getValue() != null && !min.getValue().isBlank()) {
                return derived(explicit, name, protocolsFrom(min.getValue()));
            }
        } else if (CIPHER_SUITES.equals(name)) {
            ConfigValue suites = context.proceed(CIPHER_SUITE);
            if (suites != null && suites.getValue() != null && !suites.getValue().isBlank()) {
                return derived(explicit, name, suites.getValue());
            }
        }
        return explicit;
    }

    /** Every protocol from {@code minVersion} upwards, in the form Quarkus takes. */
    static String protocolsFrom(String minVersion) {
        List<String> protocols = PROTOCOLS_FROM.get(minVersion.trim());
        if (protocols == null) {
            throw new IllegalArgumentException("invalid " + MIN_VERSION + " '" + minVersion
                    + "': must be one of VersionTLS10, VersionTLS11, VersionTLS12, VersionTLS13");
        }
        return protocols.stream().collect(Collectors.joining(","));
    }

    private static ConfigValue derived(ConfigValue explicit, String name, String value) {
        ConfigValue base = explicit != null ? explicit : ConfigValue.builder().withName(name).build();
        return base.withValue(value).withConfigSourceName("appmesh TLS settings");
    }
}
