package io.appmesh.operator.testing.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The AWS side of a reconcile test: moto and the {@link AwsFront} (with its App Mesh emulator) on free loopback ports,
 * the operator pointed at the front with static test credentials. Init argument {@code mode} = {@code moto} (default:
 * specs cross-checked by moto) or {@code emulator} (App Mesh semantics only); any other init argument is passed on as
 * operator configuration.
 */
public class AwsTestEnvironment implements QuarkusTestResourceLifecycleManager {

    private Map<String, String> args = Map.of();
    private MotoProcess moto;
    private AwsFront front;

    @Override
    public void init(Map<String, String> initArgs) {
        this.args = initArgs;
    }

    @Override
    public Map<String, String> start() {
        moto = MotoProcess.start();
        try {
            front = new AwsFront("emulator".equals(args.get("mode")) ? AwsFront.Mode.EMULATOR : AwsFront.Mode.MOTO,
                    moto.endpoint());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The operator's default credentials chain reads these system properties.
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        Map<String, String> config = new HashMap<>(args);
        config.remove("mode");
        config.put("appmesh.aws-endpoint-override", front.endpoint().toString());
        config.put("appmesh.aws-region", AppMeshEmulator.REGION);
        // The test profile quiets the reconcilers' retry lines for tests without an AWS side; here they tell a story.
        config.put("quarkus.log.category.\"io.appmesh.operator.reconciler.AppMeshReconciler\".level", "INFO");
        return config;
    }

    @Override
    public void stop() {
        if (front != null) {
            front.close();
        }
        if (moto != null) {
            moto.close();
        }
    }
}
