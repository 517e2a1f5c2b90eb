package io.appmesh.operator.mesh;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ARN references ({@code virtualServiceARN}, {@code virtualNodeARN}, {@code virtualRouterARN}) checked before anything
 * is sent, as upstream parses them: an App Mesh ARN, {@code arn:<partition>:appmesh:<region>:<account>:mesh/<mesh>/
 * <resourceType>/<name>}, of the resource type the field names. The name is what App Mesh is sent.
 */
public final class AppMeshArns {

    private static final Pattern ARN = Pattern
            .compile("arn:[^:]+:appmesh:[^:]*:[^:]*:mesh/([^/]+)/([A-Za-z]+)/([^/]+)");

    private AppMeshArns() {
    }

    /**
     * @param field the reference's field, e.g. {@code virtualServiceARN}; the resource type is its prefix
     * @return the referenced object's name
     */
    public static String name(String field, String arn) {
        String type = field.substring(0, field.length() - "ARN".length());
        Matcher m = ARN.matcher(arn == null ? "" : arn);
        if (!m.matches()) {
            throw ReferenceException.invalid("InvalidARN", "failed to parse " + field + " " + arn
                    + ": not an App Mesh ARN (arn:<partition>:appmesh:<region>:<account>:mesh/<mesh>/" + type + "/<name>)");
        }
        if (!m.group(2).equals(type)) {
            throw ReferenceException.invalid("InvalidARN", "failed to parse " + field + " " + arn + ": resource type "
                    + m.group(2) + " is not " + type);
        }
        return m.group(3);
    }
}
