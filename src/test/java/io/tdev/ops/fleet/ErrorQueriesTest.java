package io.tdev.ops.fleet;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14: a fleet's ERROR counts in as few Logs Insights queries as StartQuery's limits allow. */
class ErrorQueriesTest {
    private static List<FleetMember> under(String prefix, int n) {
        List<FleetMember> members = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String service = String.format("svc-%04d", i);
            members.add(new FleetMember("c", service, prefix + service, prefix, 70, 80, 10, 50, 60));
        }
        return members;
    }

    @Test
    void aPrefixWithMoreThanOneQueryOfGroupsIsReadByPrefixAndTheRestByName() {
        List<FleetMember> members = new ArrayList<>(under("/ecs/", 60));
        members.addAll(under("/batch/", 10));
        members.add(new FleetMember("c", "t-developer-service-production", "/ecs/t-developer-production", "", 70, 80,
                10, 50, 60));

        List<ErrorQueries.ErrorQuery> plan = ErrorQueries.plan(members);

        assertThat(plan).hasSize(2);
        assertThat(plan.get(0).byPrefix()).isTrue();
        assertThat(plan.get(0).namePrefixes()).containsExactly("/ecs/");
        assertThat(plan.get(0).members()).hasSize(60).allMatch(m -> m.logGroupPrefix().equals("/ecs/"));
        assertThat(plan.get(1).byPrefix()).isFalse();
        assertThat(plan.get(1).logGroups()).hasSize(11).contains("/ecs/t-developer-production", "/batch/svc-0010");
        assertThat(plan.stream().mapToInt(q -> q.members().size()).sum()).isEqualTo(71);
    }

    @Test
    void fivePrefixesAQueryAndFiftyNamesAQuery() {
        List<FleetMember> members = new ArrayList<>();
        for (int p = 1; p <= 7; p++) {
            members.addAll(under("/team-" + p + "/", 51));
        }
        List<FleetMember> few = under("/small/", 50);
        members.addAll(few);
        members.addAll(under("/tiny/", 30));

        List<ErrorQueries.ErrorQuery> plan = ErrorQueries.plan(members);

        assertThat(plan).extracting(q -> q.namePrefixes().size()).containsExactly(5, 2, 0, 0);
        assertThat(plan.get(1).namePrefixes()).containsExactly("/team-6/", "/team-7/");
        assertThat(plan.get(2).logGroups()).hasSize(50).containsAll(few.stream().map(FleetMember::logGroup).toList());
        assertThat(plan.get(3).logGroups()).hasSize(30);
        assertThat(plan.stream().mapToInt(q -> q.members().size()).sum()).isEqualTo(7 * 51 + 80);
    }
}
