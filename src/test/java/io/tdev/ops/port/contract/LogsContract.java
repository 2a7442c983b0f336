package io.tdev.ops.port.contract;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.LogEvent;
import io.tdev.ops.model.LogEvents;
import io.tdev.ops.model.LogGroup;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.port.Logs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Logs} adapter does. The world: the environment's log group {@link #GROUP} holds, in the two hours
 * [{@link #FROM}, {@link #TO}), more {@code authentication failed} lines than one FilterLogEvents page
 * ({@link #PAGE} events) takes, among other lines; besides it, three log groups under {@code /aws/} (the cleanup
 * Lambda's kept 14 days, Container Insights' 1 day, CodeBuild's never expiring), listed over pages. No log group
 * {@link #MISSING}.
 */
public abstract class LogsContract {
    protected static final String GROUP = ContractWorld.CONFIG.logGroup();
    protected static final String MISSING = "/ecs/t-developer-gone";
    protected static final Instant TO = Instant.parse("2026-12-07T06:00:00Z");
    protected static final Instant FROM = TO.minus(Duration.ofHours(2));
    /** FilterLogEvents' largest page. */
    protected static final int PAGE = 10_000;
    /** More {@code authentication failed} lines in the window than one page holds. */
    protected static final int FAILED_LOGINS = 12_500;
    protected static final String FAILED_LOGIN_PATTERN = "\"authentication failed\"";
    protected static final String FAILURES_QUERY = "filter @message like /authentication failed/ | stats count(*) as failures";
    protected static final String FAILURES_BY_GROUP_QUERY = FAILURES_QUERY + " by @log";
    protected static final String ENV = ContractWorld.CONFIG.name();
    protected static final String CLEANUP_GROUP = "/aws/lambda/t-developer-cleanup-" + ENV;
    protected static final String INSIGHTS_GROUP = "/aws/ecs/containerinsights/" + ContractWorld.CONFIG.ecs().cluster() + "/performance";
    protected static final String BUILD_GROUP = "/aws/codebuild/t-developer-backend-" + ENV;

    protected abstract Logs logs();

    protected abstract void givenTheServicesLogGroups();

    /** The next call of {@code iamAction} is refused so (AWS: every call). */
    protected abstract void given(ContractWorld.Refusal refusal, String iamAction);

    /** How many calls reached the service so far. */
    protected abstract int callsSent();

    /** The retention the service now has for {@code group} (AWS: what the last PutRetentionPolicy for it sent). */
    protected abstract Integer retentionOf(String group);

    @BeforeEach
    void arrange() {
        givenTheServicesLogGroups();
    }

    private List<LogEvent> everyFailedLogin() {
        LogEvents all = logs().filter(GROUP, FAILED_LOGIN_PATTERN, FROM, TO, 10 * FAILED_LOGINS);
        assertThat(all.truncated()).as("every matching event fits under the cap").isFalse();
        return all.events();
    }

    // ---- filter

    @Test
    void filterFindsTheMatchingEventsOfTheWindowOldestFirstOverMoreThanOnePage() {
        List<LogEvent> events = everyFailedLogin();

        assertThat(events).hasSizeGreaterThanOrEqualTo(FAILED_LOGINS).hasSizeGreaterThan(PAGE);
        assertThat(events).isSortedAccordingTo(Comparator.comparing(LogEvent::timestamp));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.message()).contains("authentication failed");
            assertThat(e.timestamp()).isBetween(FROM, TO.minusMillis(1));
            assertThat(e.logStream()).isNotBlank();
        });
    }

    /** An event at {@code t} belongs to [t, to), not to [from, t): the windows split the events exactly. */
    @Test
    void theWindowIncludesFromAndExcludesTo() {
        List<LogEvent> all = everyFailedLogin();
        Instant t = all.get(all.size() / 2).timestamp();

        List<LogEvent> before = logs().filter(GROUP, FAILED_LOGIN_PATTERN, FROM, t, 10 * FAILED_LOGINS).events();
        List<LogEvent> after = logs().filter(GROUP, FAILED_LOGIN_PATTERN, t, TO, 10 * FAILED_LOGINS).events();

        assertThat(before).isNotEmpty().allSatisfy(e -> assertThat(e.timestamp()).isBefore(t));
        assertThat(after.get(0).timestamp()).isEqualTo(t);
        assertThat(before.size() + after.size()).isEqualTo(all.size());
    }

    @Test
    void maxEventsKeepsTheOldestAndSaysTheResultIsTruncated() {
        List<LogEvent> all = everyFailedLogin();

        LogEvents first = logs().filter(GROUP, FAILED_LOGIN_PATTERN, FROM, TO, 100);

        assertThat(first.truncated()).isTrue();
        assertThat(first.events()).isEqualTo(all.subList(0, 100));
    }

    @Test
    void aCapBeyondOnePageReadsTheNextPageForTheRest() {
        List<LogEvent> all = everyFailedLogin();

        LogEvents first = logs().filter(GROUP, FAILED_LOGIN_PATTERN, FROM, TO, PAGE + 1);

        assertThat(first.truncated()).isTrue();
        assertThat(first.events()).isEqualTo(all.subList(0, PAGE + 1));
    }

    @Test
    void aPatternNothingMatchesIsAnEmptyCompleteResult() {
        LogEvents none = logs().filter(GROUP, "\"no such phrase anywhere\"", FROM, TO, 100);

        assertThat(none.events()).isEmpty();
        assertThat(none.truncated()).isFalse();
    }

    @Test
    void aCapBelowOneOrAnEmptyWindowIsInvalidInputAndNothingIsSent() {
        assertThatThrownBy(() -> logs().filter(GROUP, FAILED_LOGIN_PATTERN, FROM, TO, 0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("maxEvents"))
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> logs().filter(GROUP, FAILED_LOGIN_PATTERN, TO, TO, 10))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> logs().filter(GROUP, FAILED_LOGIN_PATTERN, TO, FROM, 10))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThat(callsSent()).isZero();
    }

    /** CloudWatch Logs' ResourceNotFoundException, reported by name with the config field that named the group. */
    @Test
    void filteringAGroupThatDoesNotExistIsAPreconditionNamingItAndTheConfigField() {
        assertThatThrownBy(() -> logs().filter(MISSING, FAILED_LOGIN_PATTERN, FROM, TO, 10))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageStartingWith("log group '" + MISSING + "' (environment config field logGroup) was not found")
                .hasMessageContaining("logs:FilterLogEvents: ResourceNotFoundException")
                .hasMessageContaining("check logGroup in the environment config");
    }

    @Test
    void aThrottledFilterIsRetryable() {
        given(ContractWorld.Refusal.THROTTLED, "logs:FilterLogEvents");

        ContractWorld.assertThrottled(() -> logs().filter(GROUP, FAILED_LOGIN_PATTERN, FROM, TO, 10), "logs:FilterLogEvents");
    }

    @Test
    void aDeniedFilterNamesTheIamAction() {
        given(ContractWorld.Refusal.DENIED, "logs:FilterLogEvents");

        ContractWorld.assertDenied(() -> logs().filter(GROUP, FAILED_LOGIN_PATTERN, FROM, TO, 10), "logs:FilterLogEvents");
    }

    // ---- Logs Insights

    /** The query counts what the filter finds: the two reads of one log group agree. */
    @Test
    void insightsReturnsTheQuerysRows() {
        int failures = everyFailedLogin().size();

        List<Map<String, String>> rows = logs().insights(List.of(GROUP), FAILURES_QUERY, FROM, TO);

        assertThat(rows).containsExactly(Map.of("failures", String.valueOf(failures)));
    }

    @Test
    void insightsUnderAPrefixNamesEachGroupInAtLog() {
        int failures = everyFailedLogin().size();

        List<Map<String, String>> rows = logs().insightsUnder(List.of("/ecs/"), FAILURES_BY_GROUP_QUERY, FROM, TO);

        assertThat(rows).containsExactly(Map.of("@log", ContractWorld.ACCOUNT + ":" + GROUP,
                "failures", String.valueOf(failures)));
    }

    @Test
    void queryingAGroupThatDoesNotExistIsAPreconditionNamingIt() {
        assertThatThrownBy(() -> logs().insights(List.of(MISSING), FAILURES_QUERY, FROM, TO))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageStartingWith("log groups '" + MISSING + "' was not found")
                .hasMessageContaining("logs:StartQuery: ResourceNotFoundException");
    }

    @Test
    void moreGroupsOrPrefixesThanOneQueryTakesAreInvalidInputAndNothingIsSent() {
        List<String> sixPrefixes = List.of("/a/", "/b/", "/c/", "/d/", "/e/", "/f/");
        assertThat(sixPrefixes).hasSizeGreaterThan(Logs.MAX_QUERY_PREFIXES);
        assertThatThrownBy(() -> logs().insightsUnder(sixPrefixes, FAILURES_BY_GROUP_QUERY, FROM, TO))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("namePrefixes"))
                .hasMessageContaining("got 6").hasMessageContaining("1 to " + Logs.MAX_QUERY_PREFIXES);
        assertThatThrownBy(() -> logs().insightsUnder(List.of(), FAILURES_BY_GROUP_QUERY, FROM, TO))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("namePrefixes"));
        // a prefix goes into the query text: one that could end the SOURCE clause is refused, not quoted
        assertThatThrownBy(() -> logs().insightsUnder(List.of("/ecs/']) | fields @message #"), FAILURES_QUERY, FROM, TO))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("namePrefixes"));
        List<String> fiftyOne = java.util.stream.IntStream.rangeClosed(0, Logs.MAX_QUERY_GROUPS)
                .mapToObj(i -> "/ecs/svc-" + i).toList();
        assertThatThrownBy(() -> logs().insights(fiftyOne, FAILURES_QUERY, FROM, TO))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("logGroups"))
                .hasMessageContaining("got 51");
        assertThatThrownBy(() -> logs().insights(List.of(), FAILURES_QUERY, FROM, TO))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("logGroups"));
        assertThat(callsSent()).isZero();
    }

    @Test
    void aThrottledQueryIsRetryable() {
        given(ContractWorld.Refusal.THROTTLED, "logs:StartQuery");

        ContractWorld.assertThrottled(() -> logs().insights(List.of(GROUP), FAILURES_QUERY, FROM, TO), "logs:StartQuery");
    }

    // ---- log groups and retention

    @Test
    void listsTheGroupsUnderAPrefixByNameFromEveryPage() {
        assertThat(logs().logGroups("/aws/")).extracting(LogGroup::name, LogGroup::retentionDays)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(BUILD_GROUP, null),
                        org.assertj.core.groups.Tuple.tuple(INSIGHTS_GROUP, 1),
                        org.assertj.core.groups.Tuple.tuple(CLEANUP_GROUP, 14));
        assertThat(logs().logGroups("/aws/")).allSatisfy(g -> assertThat(g.storedBytes()).isPositive());
    }

    @Test
    void withoutAPrefixEveryGroupIsListed() {
        List<LogGroup> groups = logs().logGroups(null);

        assertThat(groups).extracting(LogGroup::name).containsExactly(BUILD_GROUP, INSIGHTS_GROUP, CLEANUP_GROUP, GROUP);
    }

    @Test
    void aThrottledListingIsRetryable() {
        given(ContractWorld.Refusal.THROTTLED, "logs:DescribeLogGroups");

        ContractWorld.assertThrottled(() -> logs().logGroups("/aws/"), "logs:DescribeLogGroups");
    }

    @Test
    void setsTheRetentionOfAGroup() {
        logs().putRetention(GROUP, 30);

        assertThat(retentionOf(GROUP)).isEqualTo(30);
    }

    /** PutRetentionPolicy takes only CloudWatch Logs' values; anything else is refused before the call, listing them. */
    @Test
    void aRetentionCloudWatchLogsDoesNotAcceptIsInvalidInputAndNothingIsSent() {
        for (int days : List.of(0, 2, 31, 366, 3650, -1)) {
            assertThatThrownBy(() -> logs().putRetention(GROUP, days))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("retentionDays"))
                    .hasMessage("retentionDays: got '" + days + "'; allowed values: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150,"
                            + " 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653");
        }
        assertThat(callsSent()).isZero();
    }

    @Test
    void settingTheRetentionOfAGroupThatDoesNotExistIsAPreconditionNamingIt() {
        assertThatThrownBy(() -> logs().putRetention(MISSING, 30))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageStartingWith("log group '" + MISSING + "' was not found")
                .hasMessageContaining("logs:PutRetentionPolicy: ResourceNotFoundException");
    }

    @Test
    void aDeniedRetentionChangeNamesTheIamAction() {
        given(ContractWorld.Refusal.DENIED, "logs:PutRetentionPolicy");

        ContractWorld.assertDenied(() -> logs().putRetention(GROUP, 30), "logs:PutRetentionPolicy");
    }
}
