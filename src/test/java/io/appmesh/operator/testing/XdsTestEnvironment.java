package io.appmesh.operator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The operator with {@code appmesh.backend=xds}: the ADS server on a free port, and the AWS endpoint pointed at a
 * loopback server that answers 500 to anything and counts it, so that a test can prove no AWS call was made. Any init
 * argument is passed on as operator configuration.
 */
public class XdsTestEnvironment implements QuarkusTestResourceLifecycleManager {

    /** Requests the AWS endpoint received (there must be none). */
    public static final AtomicInteger AWS_REQUESTS = new AtomicInteger();

    private Map<String, String> args = Map.of();
    private HttpServer aws;

    @Override
    public void init(Map<String, String> initArgs) {
        this.args = initArgs;
    }

    @Override
    public Map<String, String> start() {
        try {
            aws = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        aws.createContext("/", exchange -> {
            AWS_REQUESTS.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        aws.start();
        Map<String, String> config = new HashMap<>(args);
        config.put("appmesh.backend", "xds");
        config.putIfAbsent("appmesh.xds.port", "0");
        config.put("appmesh.aws-endpoint-override", "http://127.0.0.1:" + aws.getAddress().getPort());
        config.put("appmesh.aws-region", "us-west-2");
        return config;
    }

    @Override
    public void stop() {
        if (aws != null) {
            aws.stop(0);
        }
    }
}
