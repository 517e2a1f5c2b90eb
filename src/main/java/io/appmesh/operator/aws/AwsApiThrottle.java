package io.appmesh.operator.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.appmesh.operator.config.OperatorConfig;
import io.quarkus.runtime.Startup;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Client-side AWS API rate limits (upstream's {@code --aws-api-throttle}): before each request,
 * wait on the token bucket of every rule whose service matches and whose operation regex finds the operation. Upstream's
 * defaults cover App Mesh and Cloud Map; {@code appmesh.aws-api-throttle} entries replace the defaults of the services
 * they name. An entry that does not parse stops start-up with upstream's message.
 */
@ApplicationScoped
@Startup // a bad entry must stop start-up, as upstream exits, not fail the first AWS call
public class AwsApiThrottle implements ExecutionInterceptor {

    /** Upstream's defaults (§11), as {@code serviceID:operationRegex=rate:burst}. */
    static final List<String> DEFAULTS = List.of(
            "App Mesh:^Describe|List=40:5",
            "App Mesh:^Create|Update|Delete=8:5",
            "ServiceDiscovery:^ListNamespaces=1:8",
            "ServiceDiscovery:^ListServices=1:8",
            "ServiceDiscovery:^GetService=4:40",
            "ServiceDiscovery:^CreateService=8:80",
            "ServiceDiscovery:^DeleteService=8:80",
            "ServiceDiscovery:^ListInstances=40:400",
            "ServiceDiscovery:^RegisterInstance=4:80",
            "ServiceDiscovery:^DeregisterInstance=4:80",
            "ServiceDiscovery:^GetInstance=16:80",
            "ServiceDiscovery:^GetOperation=4:40",
            "ServiceDiscovery:^GetInstancesHealthStatus=80:80",
            "ServiceDiscovery:^UpdateInstanceCustomHealthStatus=240:240");

    record Rule(String service, Pattern operation, TokenBucket bucket) {
    }

    private final List<Rule> rules;

    @Inject
    public AwsApiThrottle(OperatorConfig config) {
        this(config.awsApiThrottle().orElse(List.of()), System::nanoTime);
    }

    AwsApiThrottle(List<String> overrides, LongSupplier clock) {
        this.rules = rules(overrides, clock);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        long wait = delay(AwsApiMetrics.serviceId(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Reserves a token of every matching rule; returns the longest wait, in nanoseconds. */
    long delay(String service, String operation) {
        long wait = 0;
        for (Rule rule : rules) {
            if (rule.service().equals(service) && operation != null && rule.operation().matcher(operation).find()) {
                wait = Math.max(wait, rule.bucket().reserve());
            }
        }
        return wait;
    }

    List<Rule> rules() {
        return rules;
    }

    /** The defaults, with every service named by {@code overrides} taking only its overrides. */
    static List<Rule> rules(List<String> overrides, LongSupplier clock) {
        Map<String, List<Rule>> byService = new LinkedHashMap<>();
        for (String entry : DEFAULTS) {
            Rule rule = parse(entry, clock);
            byService.computeIfAbsent(rule.service(), s -> new ArrayList<>()).add(rule);
        }
        Map<String, List<Rule>> overridden = new LinkedHashMap<>();
        for (String entry : overrides) {
            if (entry.isBlank()) {
                continue;
            }
            Rule rule = parse(entry.trim(), clock);
            overridden.computeIfAbsent(rule.service(), s -> new ArrayList<>()).add(rule);
        }
        byService.putAll(overridden);
        return byService.values().stream().flatMap(List::stream).toList();
    }

    /** {@code serviceID:operationRegex=rate:burst}, with upstream's error messages. */
    static Rule parse(String pair, LongSupplier clock) {
        int eq = pair.lastIndexOf('=');
        if (eq < 0 || pair.indexOf('=') != eq) {
            throw new IllegalArgumentException(pair + " must be formatted as serviceID:operationRegex=rate:burst");
        }
        String key = pair.substring(0, eq);
        String value = pair.substring(eq + 1);
        int colon = key.indexOf(':');
        // Upstream splits the key on every colon and wants exactly two parts (no colon in the regex either).
        if (colon < 0 || key.indexOf(':', colon + 1) >= 0) {
            throw new IllegalArgumentException(key + " must be formatted as serviceID:operationRegex");
        }
        String[] rateAndBurst = value.split(":", -1);
        if (rateAndBurst.length != 2) {
            throw new IllegalArgumentException(value + " must be formatted as rate:burst");
        }
        String regex = key.substring(colon + 1);
        Pattern operation;
        try {
            operation = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(regex + " must be valid regex expression for operation");
        }
        double rate;
        try {
            rate = Double.parseDouble(rateAndBurst[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    rateAndBurst[0] + " must be valid float number as rate for operations per second");
        }
        int burst;
        try {
            burst = Integer.parseInt(rateAndBurst[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(rateAndBurst[1] + " must be valid integer as burst for operations");
        }
        return new Rule(key.substring(0, colon), operation, new TokenBucket(rate, burst, clock));
    }
}
