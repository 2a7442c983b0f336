package io.tdev.ops.port.contract;

import io.tdev.ops.model.DbInstance;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.port.Databases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Databases} adapter does. The world: the environment's Multi-AZ PostgreSQL 16.4 instance
 * {@link #DB} on {@link #CLASS}, available; RDS offers postgres 16.4 on a list of classes it answers over pages (one
 * option per class and storage type, so a class repeats).
 */
public abstract class DatabasesContract {
    protected static final String DB = ContractWorld.CONFIG.traffic().dbInstance();
    protected static final String MISSING = "t-developer-db-gone";
    protected static final String CLASS = "db.r6g.large";
    protected static final String BIGGER = "db.r6g.xlarge";

    /** A class change as RDS was asked for it. */
    public record Modification(String instanceClass, boolean applyImmediately) {
    }

    protected abstract Databases databases();

    protected abstract void givenTheInstance();

    /** A class change applied immediately is under way (RDS: the instance is {@code modifying}). */
    protected abstract void givenAModificationUnderWay();

    /** The next call of {@code iamAction} is refused so (AWS: every call). */
    protected abstract void given(ContractWorld.Refusal refusal, String iamAction);

    /** The class change RDS was last asked for (AWS: the ModifyDBInstance sent; simulation: the pending change). */
    protected abstract Modification modificationAsked();

    /** How many calls reached the service so far. */
    protected abstract int callsSent();

    @BeforeEach
    void arrange() {
        givenTheInstance();
    }

    @Test
    void describesTheInstance() {
        assertThat(databases().describe(DB)).isEqualTo(new DbInstance(DB, CLASS, "available", "postgres", "16.4", true, null));
    }

    @Test
    void aMissingInstanceIsAPreconditionNamingIt() {
        assertThatThrownBy(() -> databases().describe(MISSING))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining(MISSING);
    }

    @Test
    void changesTheClassAtOnce() {
        databases().modifyInstanceClass(DB, BIGGER, true);

        assertThat(modificationAsked()).isEqualTo(new Modification(BIGGER, true));
    }

    @Test
    void changesTheClassInTheMaintenanceWindow() {
        databases().modifyInstanceClass(DB, BIGGER, false);

        assertThat(modificationAsked()).isEqualTo(new Modification(BIGGER, false));
    }

    @Test
    void changingAMissingInstanceIsAPreconditionNamingIt() {
        assertThatThrownBy(() -> databases().modifyInstanceClass(MISSING, BIGGER, true))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining(MISSING);
    }

    /** RDS' class names: db.FAMILY.SIZE. Anything else is refused before RDS is asked. */
    @Test
    void aClassThatIsNotAnRdsClassIsInvalidInputAndNothingIsAsked() {
        assertThatThrownBy(() -> databases().modifyInstanceClass(DB, "r6g.xlarge", true))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("instanceClass"));
        assertThat(callsSent()).isZero();
    }

    /** RDS refuses a class it does not offer for the engine (InvalidParameterCombination): bad input, nothing changed. */
    @Test
    void aClassRdsDoesNotOfferIsInvalidInputNamingIt() {
        assertThatThrownBy(() -> databases().modifyInstanceClass(DB, "db.x9z.huge", true))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("instanceClass"))
                .hasMessageContaining("db.x9z.huge").hasMessageContaining("InvalidParameterCombination");
    }

    /** RDS takes one modification at a time: InvalidDBInstanceState, a client error that no retry of the call fixes. */
    @Test
    void aSecondChangeWhileOneIsUnderWayIsRefused() {
        givenAModificationUnderWay();

        assertThatThrownBy(() -> databases().modifyInstanceClass(DB, "db.r6g.2xlarge", true))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> {
                    assertThat(e.api()).isEqualTo("rds:ModifyDBInstance");
                    assertThat(e.retryable()).isFalse();
                })
                .hasMessageContaining("InvalidDBInstanceState");
    }

    @Test
    void listsEachOrderableClassOnceFromEveryPage() {
        assertThat(databases().orderableClasses("postgres", "16.4"))
                .contains(CLASS, BIGGER, "db.m6g.large", "db.t4g.medium").doesNotHaveDuplicates();
        assertThat(callsSent()).as("one call per page").isGreaterThanOrEqualTo(2);
    }

    @Test
    void anEngineVersionRdsDoesNotOfferHasNoClasses() {
        assertThat(databases().orderableClasses("postgres", "9.1")).isEmpty();
    }

    @Test
    void aDeniedChangeNamesTheIamAction() {
        given(ContractWorld.Refusal.DENIED, "rds:ModifyDBInstance");

        ContractWorld.assertDenied(() -> databases().modifyInstanceClass(DB, BIGGER, true), "rds:ModifyDBInstance");
    }

    @Test
    void aThrottledReadIsRetryable() {
        given(ContractWorld.Refusal.THROTTLED, "rds:DescribeDBInstances");

        ContractWorld.assertThrottled(() -> databases().describe(DB), "rds:DescribeDBInstances");
    }
}
