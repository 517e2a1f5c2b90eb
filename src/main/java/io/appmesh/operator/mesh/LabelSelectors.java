package io.appmesh.operator.mesh;

import java.util.List;
import java.util.Map;

import io.appmesh.operator.api.v1beta2.common.LabelSelector;
import io.appmesh.operator.api.v1beta2.common.LabelSelectorRequirement;

/**
 * Kubernetes label-selector semantics for the selectors of the App Mesh API. Callers decide what an absent (null)
 * selector means, because upstream gives it two meanings: "nothing" for Mesh.namespaceSelector and VirtualNode
 * podSelector, "everything" for VirtualGateway.gatewayRouteSelector. A present but empty selector matches everything.
 */
public final class LabelSelectors {

    private LabelSelectors() {
    }

    /**
     * Whether {@code selector} (not null) selects an object carrying {@code labels}.
     *
     * @throws MembershipException when a requirement is malformed (unknown operator, values where none are allowed)
     */
    public static boolean matches(LabelSelector selector, Map<String, String> labels) {
        Map<String, String> actual = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(actual.get(e.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                if (!matches(r, actual)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean matches(LabelSelectorRequirement r, Map<String, String> labels) {
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        String op = r.getOperator() == null ? "" : r.getOperator();
        switch (op) {
            case "In" :
            case "NotIn" :
                if (values.isEmpty()) {
                    throw new MembershipException("values: Invalid value: []string(nil): for 'in', 'notin' operators, "
                            + "values set can't be empty");
                }
                boolean in = labels.containsKey(r.getKey()) && values.contains(labels.get(r.getKey()));
                return op.equals("In") ? in : !in;
            case "Exists" :
            case "DoesNotExist" :
                if (!values.isEmpty()) {
                    throw new MembershipException("values: Invalid value: " + values
                            + ": values set must be empty for exists and does not exist");
                }
                return op.equals("Exists") == labels.containsKey(r.getKey());
            default :
                throw new MembershipException("operator: Unsupported value: \"" + op
                        + "\": supported values: \"In\", \"NotIn\", \"Exists\", \"DoesNotExist\"");
        }
    }
}
