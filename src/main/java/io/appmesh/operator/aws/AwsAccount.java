package io.appmesh.operator.aws;

import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.appmesh.operator.config.OperatorConfig;

/**
 * The operator's AWS account id: {@code appmesh.aws-account-id}, else STS GetCallerIdentity (asked once, when first
 * needed). An App Mesh object is the operator's to update or delete only when its {@code resourceOwner} is this account
 * (shared meshes). Upstream's repair of a Helm-rendered float ({@code 1.23456789012e+11}) is kept.
 */
@ApplicationScoped
public class AwsAccount {

    private static final Logger LOG = Logger.getLogger(AwsAccount.class);
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private final OperatorConfig config;
    private final AwsClients aws;
    private volatile String id;

    public AwsAccount(OperatorConfig config, AwsClients aws) {
        this.config = config;
        this.aws = aws;
    }

    public String id() {
        String known = id;
        if (known == null) {
            synchronized (this) {
                if (id == null) {
                    id = config.awsAccountId().map(AwsAccount::repaired).orElseGet(this::callerAccount);
                }
                known = id;
            }
        }
        return known;
    }

    private String callerAccount() {
        try (var sts = aws.sts(Duration.ofSeconds(30))) {
            return sts.getCallerIdentity().account();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "failed to introspect accountID from STS, specify --aws-account-id instead if STS is unavailable", e);
        }
    }

    static String repaired(String value) {
        if (ACCOUNT.matcher(value).matches()) {
            return value;
        }
        try {
            String plain = new java.math.BigDecimal(value).toBigIntegerExact().toString();
            if (ACCOUNT.matcher(plain).matches()) {
                return plain;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // not a number: used as given, as upstream does
        }
        LOG.warnf("aws-account-id %s is not a 12-digit account id; using it as given", value);
        return value;
    }
}
