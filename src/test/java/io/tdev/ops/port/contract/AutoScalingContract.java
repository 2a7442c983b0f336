package io.tdev.ops.port.contract;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.ScalableTarget;
import io.tdev.ops.model.ScalingPolicy;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.port.AutoScaling;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link AutoScaling} adapter does. The world: the service's DesiredCount registered as a scalable target
 * {@link #MIN}..{@link #MAX} with the runbook's CPU target-tracking policy; {@link #UNREGISTERED} has none.
 */
public abstract class AutoScalingContract {
    protected static final ServiceRef SERVICE_REF = ContractWorld.CONFIG.serviceRef();
    protected static final ServiceRef UNREGISTERED = new ServiceRef(SERVICE_REF.cluster(), "t-developer-worker-production");
    protected static final String RESOURCE_ID = "service/" + SERVICE_REF.cluster() + "/" + SERVICE_REF.service();
    protected static final int MIN = 2;
    protected static final int MAX = 20;
    protected static final ScalingPolicy CPU_POLICY = new ScalingPolicy("t-developer-cpu-target-tracking-production",
            "TargetTrackingScaling", 70.0, "ECSServiceAverageCPUUtilization");

    protected abstract AutoScaling autoScaling();

    /** The service's target MIN..MAX with {@link #CPU_POLICY}. */
    protected abstract void givenTheScalableTarget();

    /** The next call of {@code iamAction} is refused so (AWS: every call). */
    protected abstract void given(ContractWorld.Refusal refusal, String iamAction);

    /** The capacities the target has after the calls (AWS: what RegisterScalableTarget was sent). */
    protected abstract ScalableTarget capacitySet();

    @BeforeEach
    void arrange() {
        givenTheScalableTarget();
    }

    @Test
    void readsTheScalableTargetOfTheServicesDesiredCount() {
        assertThat(autoScaling().scalableTarget(SERVICE_REF)).contains(new ScalableTarget(RESOURCE_ID, MIN, MAX));
    }

    @Test
    void aServiceWithoutAutoscalingHasNoTargetAndNoPolicies() {
        assertThat(autoScaling().scalableTarget(UNREGISTERED)).isEmpty();
        assertThat(autoScaling().policies(UNREGISTERED)).isEmpty();
    }

    @Test
    void readsThePoliciesFromEveryPage() {
        assertThat(autoScaling().policies(SERVICE_REF)).containsExactly(CPU_POLICY);
    }

    @Test
    void setsMinAndMaxCapacity() {
        autoScaling().setCapacity(SERVICE_REF, 10, 20);

        assertThat(capacitySet()).isEqualTo(new ScalableTarget(RESOURCE_ID, 10, 20));
    }

    @Test
    void aMaxBelowTheMinIsInvalidInput() {
        assertThatThrownBy(() -> autoScaling().setCapacity(SERVICE_REF, 10, 5))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("maxCapacity"));
    }

    /** Invalid input is refused before anything is asked, even of a service without autoscaling. */
    @Test
    void aNegativeMinIsInvalidInputWhateverTheService() {
        assertThatThrownBy(() -> autoScaling().setCapacity(UNREGISTERED, -1, 5))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("minCapacity"));
    }

    @Test
    void aDeniedChangeNamesTheIamAction() {
        given(ContractWorld.Refusal.DENIED, "application-autoscaling:RegisterScalableTarget");

        ContractWorld.assertDenied(() -> autoScaling().setCapacity(SERVICE_REF, 2, 20),
                "application-autoscaling:RegisterScalableTarget");
    }

    @Test
    void aThrottledReadIsRetryable() {
        given(ContractWorld.Refusal.THROTTLED, "application-autoscaling:DescribeScalableTargets");

        ContractWorld.assertThrottled(() -> autoScaling().scalableTarget(SERVICE_REF),
                "application-autoscaling:DescribeScalableTargets");
    }
}
