package io.appmesh.operator.testing;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.appmesh.operator.config.OperatorConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The operator's configuration mapping built from properties, without Quarkus: upstream's defaults plus these. */
public final class OperatorConfigs {

    private OperatorConfigs() {
    }

    /** Region and account of the test cluster, overridden by {@code file} when it exists. */
    public static OperatorConfig fromFile(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        values.put("appmesh.aws-region", "us-west-2");
        values.put("appmesh.aws-account-id", "111122223333");
        if (Files.exists(file)) {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file)));
            p.forEach((k, v) -> values.put((String) k, (String) v));
        }
        return from(values);
    }

    public static OperatorConfig from(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withMapping(OperatorConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(values, "test", 500)).build()
                .getConfigMapping(OperatorConfig.class);
    }
}
