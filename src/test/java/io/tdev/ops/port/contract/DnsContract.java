package io.tdev.ops.port.contract;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.DnsRecord;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.port.Dns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Dns} adapter does. The world: the environment's hosted zone {@link #ZONE} with its CNAME
 * {@link #NAME} pointing at the primary target (TTL 60), and the primary's health check, every checker seeing it
 * healthy. The account has no zone {@link #NO_ZONE}.
 */
public abstract class DnsContract {
    private static final EnvironmentConfig.DrSettings DR = ContractWorld.CONFIG.dr();
    protected static final String ZONE = DR.hostedZoneId();
    protected static final String NO_ZONE = "Z0NOSUCHZONE00";
    protected static final String NAME = DR.recordName();
    protected static final String PRIMARY = DR.primaryTarget();
    protected static final String SECONDARY = DR.secondaryTarget();
    protected static final String HEALTH_CHECK = DR.primaryHealthCheckId();

    protected abstract Dns dns();

    protected abstract void givenTheZoneAndTheHealthCheck();

    /** The next call of {@code iamAction} is refused so (AWS: every call). */
    protected abstract void given(ContractWorld.Refusal refusal, String iamAction);

    /** The record of {@link #NAME} as the last UPSERT left it (AWS: as it was sent). */
    protected abstract DnsRecord upserted();

    /** How many calls reached the service so far. */
    protected abstract int callsSent();

    @BeforeEach
    void arrange() {
        givenTheZoneAndTheHealthCheck();
    }

    /** Route 53 answers the name as a fully qualified one: lower case with the final dot. */
    @Test
    void readsTheRecordOfANameAndType() {
        assertThat(dns().record(ZONE, NAME, "CNAME")).contains(new DnsRecord(NAME + ".", "CNAME", PRIMARY, 60));
    }

    @Test
    void namesCompareWithoutCaseAndFinalDot() {
        assertThat(dns().record("/hostedzone/" + ZONE, NAME.toUpperCase(Locale.ROOT) + ".", "CNAME"))
                .hasValueSatisfying(r -> assertThat(r.value()).isEqualTo(PRIMARY));
    }

    @Test
    void aNameOrTypeWithoutARecordIsEmpty() {
        assertThat(dns().record(ZONE, "nothing-here." + NAME, "CNAME")).isEmpty();
        assertThat(dns().record(ZONE, NAME, "TXT")).isEmpty();
    }

    @Test
    void aZoneTheAccountDoesNotHaveIsAPreconditionNamingIt() {
        assertThatThrownBy(() -> dns().record(NO_ZONE, NAME, "CNAME"))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining(NO_ZONE);
        assertThatThrownBy(() -> dns().upsert(NO_ZONE, new DnsRecord(NAME, "CNAME", SECONDARY, 60)))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining(NO_ZONE);
    }

    @Test
    void upsertsTheRecordAndReturnsTheBareChangeIdWhichIsPending() {
        String change = dns().upsert(ZONE, new DnsRecord(NAME, "CNAME", SECONDARY, 60));

        assertThat(change).matches("C[A-Z0-9]+");
        assertThat(upserted()).isEqualTo(new DnsRecord(NAME, "CNAME", SECONDARY, 60));
        assertThat(dns().changeStatus(change)).isEqualTo("PENDING");
        assertThat(dns().changeStatus("/change/" + change)).isEqualTo("PENDING");
    }

    @Test
    void anUnknownChangeIsAPreconditionNamingIt() {
        assertThatThrownBy(() -> dns().changeStatus("C0NOSUCHCHANGE"))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("C0NOSUCHCHANGE");
    }

    @Test
    void aTypeRoute53DoesNotTakeIsInvalidInputListingItsTypesAndNothingIsSent() {
        assertThatThrownBy(() -> dns().upsert(ZONE, new DnsRecord(NAME, "ALIAS", SECONDARY, 60)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("record.type"))
                .hasMessageContaining("CNAME");
        assertThat(callsSent()).isZero();
    }

    @Test
    void anEmptyValueOrANegativeTtlIsInvalidInputAndNothingIsSent() {
        assertThatThrownBy(() -> dns().upsert(ZONE, new DnsRecord(NAME, "CNAME", " ", 60)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("record.value"));
        assertThatThrownBy(() -> dns().upsert(ZONE, new DnsRecord(NAME, "CNAME", SECONDARY, -1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("record.ttl"));
        assertThatThrownBy(() -> dns().upsert(ZONE, new DnsRecord("", "CNAME", SECONDARY, 60)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("record.name"));
        assertThat(callsSent()).isZero();
    }

    @Test
    void readsWhatTheHealthChecksCheckersSee() {
        assertThat(dns().healthCheck(HEALTH_CHECK)).satisfies(h -> {
            assertThat(h.id()).isEqualTo(HEALTH_CHECK);
            assertThat(h.observers()).isPositive();
            assertThat(h.healthyObservers()).isEqualTo(h.observers());
            assertThat(h.reports()).hasSize(h.observers()).allSatisfy(r -> assertThat(r).startsWith("Success"));
            assertThat(h.healthy()).isTrue();
        });
    }

    @Test
    void anUnknownHealthCheckIsAPreconditionNamingIt() {
        String missing = "00000000-0000-0000-0000-000000000000";
        assertThatThrownBy(() -> dns().healthCheck(missing))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining(missing);
    }

    @Test
    void aDeniedChangeNamesTheIamAction() {
        given(ContractWorld.Refusal.DENIED, "route53:ChangeResourceRecordSets");

        ContractWorld.assertDenied(() -> dns().upsert(ZONE, new DnsRecord(NAME, "CNAME", SECONDARY, 60)),
                "route53:ChangeResourceRecordSets");
    }

    @Test
    void aThrottledReadIsRetryable() {
        given(ContractWorld.Refusal.THROTTLED, "route53:ListResourceRecordSets");

        ContractWorld.assertThrottled(() -> dns().record(ZONE, NAME, "CNAME"), "route53:ListResourceRecordSets");
    }
}
