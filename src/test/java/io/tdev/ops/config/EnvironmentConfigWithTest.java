package io.tdev.ops.config;

import io.tdev.ops.testing.TestConfigs;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every wither changes its one component and keeps all the others (they share one copy path). */
class EnvironmentConfigWithTest {
    private static void onlyChanged(EnvironmentConfig before, EnvironmentConfig after, String component) throws Exception {
        for (RecordComponent c : EnvironmentConfig.class.getRecordComponents()) {
            Object was = c.getAccessor().invoke(before);
            Object is = c.getAccessor().invoke(after);
            if (c.getName().equals(component)) {
                assertThat(is).as(component).isNotEqualTo(was);
            } else {
                assertThat(is).as(c.getName() + " kept by with" + component).isEqualTo(was);
            }
        }
    }

    @Test
    void eachWitherChangesOnlyItsComponent() throws Exception {
        EnvironmentConfig prod = TestConfigs.production();
        EnvironmentConfig staging = TestConfigs.staging();

        onlyChanged(prod, prod.withRegion("us-east-1"), "region");
        onlyChanged(prod, prod.withTopic("arn:aws:sns:us-east-1:123456789012:other"), "topic");
        onlyChanged(prod, prod.withAlarmPrefix("other-"), "alarmPrefix");
        onlyChanged(prod, prod.withTargetGroupArns(List.of("arn:tg/x")), "targetGroupArns");
        onlyChanged(prod, prod.withTable(staging.table()), "table");
        assertThat(prod.withHealth(staging.health()).health()).isEqualTo(staging.health());
        assertThat(prod.withRegion(prod.region())).isEqualTo(prod);
        assertThat(prod.withSchedule(staging.schedule()).schedule()).isEqualTo(staging.schedule());
        assertThat(prod.withIncident(staging.incident()).incident()).isEqualTo(staging.incident());
        assertThat(prod.withDr(staging.dr()).dr()).isEqualTo(staging.dr());
        assertThat(prod.withFleet(staging.fleet()).fleet()).isEqualTo(staging.fleet());
    }
}
