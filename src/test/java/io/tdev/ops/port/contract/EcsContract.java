package io.tdev.ops.port.contract;

import io.tdev.ops.model.Container;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RolloutState;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.model.TaskDefinition;
import io.tdev.ops.model.TaskDefinitionRef;
import io.tdev.ops.port.Ecs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.tdev.ops.port.contract.ContractWorld.CONFIG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Ecs} adapter does, run against the simulation and against the AWS adapter over WireMock.
 * The world is the simulation's healthy one: the configured service steady on revision {@link #CURRENT} with
 * {@link #DESIRED} tasks behind one target group; revisions {@link #OLDEST_ACTIVE}..{@link #CURRENT} ACTIVE, the
 * three below INACTIVE; revision N runs image {@link #image(int)} in container {@link #MAIN_CONTAINER} beside the
 * X-Ray daemon, tagged {@code service=t-developer}; {@link #CURRENT} carries the known-good tag.
 */
public abstract class EcsContract {
    protected static final ServiceRef SERVICE_REF = CONFIG.serviceRef();
    protected static final String FAMILY = "t-developer-backend-" + CONFIG.name();
    protected static final String UNKNOWN_SERVICE = "t-developer-gone-" + CONFIG.name();
    protected static final String UNKNOWN_CLUSTER = "t-developer-cluster-gone";
    protected static final String MAIN_CONTAINER = "t-developer-backend";
    protected static final Container XRAY = new Container("xray-daemon", "public.ecr.aws/xray/aws-xray-daemon:3.3.13", false);
    protected static final int DESIRED = 3;
    protected static final int OLDEST_ACTIVE = 38;
    protected static final int CURRENT = 42;
    protected static final String KNOWN_GOOD_TAG = CONFIG.deploy().knownGoodTag();

    protected static String image(int revision) {
        return ContractWorld.ACCOUNT + ".dkr.ecr." + ContractWorld.REGION + ".amazonaws.com/" + CONFIG.repository()
                + ":2.0." + revision;
    }

    protected static String arn(int revision) {
        return "arn:aws:ecs:" + ContractWorld.REGION + ":" + ContractWorld.ACCOUNT + ":task-definition/" + FAMILY + ":" + revision;
    }

    protected static TaskDefinitionRef revision(int n) {
        return new TaskDefinitionRef(FAMILY, n);
    }

    /** The port, over the world arranged so far. */
    protected abstract Ecs ecs();

    /** Arranges the world described above. */
    protected abstract void givenTheSteadyService();

    /** The next call of {@code iamAction} is refused so (AWS: every call). */
    protected abstract void given(ContractWorld.Refusal refusal, String iamAction);

    /** The tags revision {@code n} carries after the calls made (AWS: what the adapter sent to tag it). */
    protected abstract Map<String, String> tagsWrittenTo(int revision);

    /** The desired count the service was given (AWS: what UpdateService was sent). */
    protected abstract int desiredCountSet();

    /** The revision the service was pointed at (AWS: what UpdateService was sent). */
    protected abstract TaskDefinitionRef revisionServiceWasPointedAt();

    /** The containers and tags of the revision the calls registered (AWS: what RegisterTaskDefinition was sent). */
    protected abstract TaskDefinition registered(TaskDefinitionRef ref);

    /** Asserts that no deployment was stopped (AWS: no StopServiceDeployment was sent). */
    protected abstract void thenNoDeploymentWasStopped();

    @BeforeEach
    void arrange() {
        givenTheSteadyService();
    }

    @Test
    void describesTheSteadyServiceWithItsCountsRevisionAndOneCompletedDeployment() {
        ServiceState s = ecs().describeService(SERVICE_REF);

        assertThat(s.ref()).isEqualTo(SERVICE_REF);
        assertThat(s.status()).isEqualTo("ACTIVE");
        assertThat(List.of(s.desired(), s.running(), s.pending())).containsExactly(DESIRED, DESIRED, 0);
        assertThat(s.taskDefinition()).isEqualTo(revision(CURRENT));
        assertThat(s.targetGroupArns()).hasSize(1).allSatisfy(tg -> assertThat(tg).startsWith("arn:aws:elasticloadbalancing:"));
        assertThat(s.circuitBreakerRollback()).isFalse();
        assertThat(s.deployments()).singleElement().satisfies(d -> {
            assertThat(d.primary()).isTrue();
            assertThat(d.taskDefinition()).isEqualTo(revision(CURRENT));
            assertThat(d.rolloutState()).isEqualTo(RolloutState.COMPLETED);
            assertThat(d.id()).startsWith("ecs-svc/");
        });
        assertThat(s.stable()).isTrue();
        assertThat(s.deploymentInProgress()).isFalse();
    }

    @Test
    void aMissingServiceIsAPreconditionNamingItAndTheConfigField() {
        assertThatThrownBy(() -> ecs().describeService(new ServiceRef(SERVICE_REF.cluster(), UNKNOWN_SERVICE)))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining(UNKNOWN_SERVICE)
                .hasMessageContaining("MISSING");
    }

    @Test
    void aMissingClusterIsAPreconditionNamingIt() {
        assertThatThrownBy(() -> ecs().describeService(new ServiceRef(UNKNOWN_CLUSTER, SERVICE_REF.service())))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining(UNKNOWN_CLUSTER);
    }

    /** ECS answers unknown names as failures beside the services it found: a fleet read keeps the found ones. */
    @Test
    void describingSeveralServicesLeavesOutTheUnknownNames() {
        List<ServiceState> found = ecs().describeServices(SERVICE_REF.cluster(), List.of(SERVICE_REF.service(), UNKNOWN_SERVICE));

        assertThat(found).extracting(ServiceState::ref).containsExactly(SERVICE_REF);
    }

    @Test
    void describesARevisionWithItsArnContainersAndTags() {
        TaskDefinition td = ecs().describeTaskDefinition(FAMILY + ":" + CURRENT);

        assertThat(td.ref()).isEqualTo(revision(CURRENT));
        assertThat(td.arn()).isEqualTo(arn(CURRENT));
        assertThat(td.active()).isTrue();
        assertThat(td.containers()).containsExactly(new Container(MAIN_CONTAINER, image(CURRENT), true), XRAY);
        assertThat(td.tags()).containsKey(KNOWN_GOOD_TAG).containsEntry("service", "t-developer");
        assertThat(td.registeredAt()).isNotNull();
    }

    @Test
    void aBareFamilyIsItsNewestActiveRevision() {
        assertThat(ecs().describeTaskDefinition(FAMILY).ref()).isEqualTo(revision(CURRENT));
    }

    @Test
    void anUnknownRevisionIsAPreconditionNamingIt() {
        assertThatThrownBy(() -> ecs().describeTaskDefinition(FAMILY + ":999"))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining(FAMILY + ":999");
    }

    @Test
    void listsTheActiveRevisionsNewestFirstFromEveryPage() {
        assertThat(ecs().listTaskDefinitions(FAMILY, true))
                .containsExactly(revision(42), revision(41), revision(40), revision(39), revision(38));
    }

    @Test
    void listsTheInactiveRevisionsTooWhenAsked() {
        assertThat(ecs().listTaskDefinitions(FAMILY, false)).containsExactly(revision(42), revision(41), revision(40),
                revision(39), revision(38), revision(37), revision(36), revision(35));
    }

    @Test
    void readsTheTagsOfARevision() {
        assertThat(ecs().tagsOf(revision(CURRENT))).containsKey(KNOWN_GOOD_TAG).containsEntry("service", "t-developer");
    }

    @Test
    void tagsARevision() {
        ecs().tagTaskDefinition(revision(41), Map.of(KNOWN_GOOD_TAG, "2026-11-26T09:00:00Z by alice"));

        assertThat(tagsWrittenTo(41)).containsEntry(KNOWN_GOOD_TAG, "2026-11-26T09:00:00Z by alice");
    }

    @Test
    void taggingAnUnknownRevisionIsAPreconditionNamingIt() {
        assertThatThrownBy(() -> ecs().tagTaskDefinition(revision(999), Map.of("k", "v")))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining(FAMILY + ":999");
    }

    @Test
    void registersTheNextRevisionWithTheNewImageAndEverythingElseAsItWas() {
        TaskDefinition base = ecs().describeTaskDefinition(FAMILY + ":" + CURRENT);

        TaskDefinitionRef created = ecs().registerTaskDefinition(base, Map.of(MAIN_CONTAINER, image(43)));

        assertThat(created).isEqualTo(revision(CURRENT + 1));
        TaskDefinition registered = registered(created);
        assertThat(registered.containers()).containsExactly(new Container(MAIN_CONTAINER, image(43), true), XRAY);
        // the new revision has not proven itself: it must not inherit the known-good tag
        assertThat(registered.tags()).containsEntry("service", "t-developer").doesNotContainKey(KNOWN_GOOD_TAG);
    }

    @Test
    void anUnknownContainerIsInvalidInputListingTheContainers() {
        TaskDefinition base = ecs().describeTaskDefinition(FAMILY + ":" + CURRENT);

        assertThatThrownBy(() -> ecs().registerTaskDefinition(base, Map.of("frontend", image(43))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("container"))
                .hasMessageContaining("frontend")
                .hasMessageContaining(MAIN_CONTAINER);
    }

    @Test
    void pointsTheServiceAtARevision() {
        String deployment = ecs().updateService(SERVICE_REF, revision(41));

        assertThat(deployment).startsWith("ecs-svc/");
        assertThat(revisionServiceWasPointedAt()).isEqualTo(revision(41));
    }

    @Test
    void setsTheDesiredCount() {
        ecs().setDesiredCount(SERVICE_REF, 6);

        assertThat(desiredCountSet()).isEqualTo(6);
    }

    @Test
    void aNegativeDesiredCountIsInvalidInput() {
        assertThatThrownBy(() -> ecs().setDesiredCount(SERVICE_REF, -1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("desiredCount"));
    }

    /** A rollback stops the rollout it saw; when that rollout finished meanwhile there is nothing to stop. */
    @Test
    void stoppingWhenNoDeploymentIsInProgressStopsNothing() {
        String completed = ecs().describeService(SERVICE_REF).primaryDeployment().orElseThrow().id();

        ecs().stopDeployment(SERVICE_REF, completed);

        thenNoDeploymentWasStopped();
    }

    @Test
    void deregisteringAnUnknownRevisionIsAPreconditionNamingIt() {
        assertThatThrownBy(() -> ecs().deregisterTaskDefinition(revision(999)))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining(FAMILY + ":999");
    }

    @Test
    void aDeniedUpdateNamesTheIamAction() {
        given(ContractWorld.Refusal.DENIED, "ecs:UpdateService");

        ContractWorld.assertDenied(() -> ecs().setDesiredCount(SERVICE_REF, 6), "ecs:UpdateService");
    }

    @Test
    void aThrottledDescribeIsRetryableAndNamesTheAction() {
        given(ContractWorld.Refusal.THROTTLED, "ecs:DescribeServices");

        ContractWorld.assertThrottled(() -> ecs().describeService(SERVICE_REF), "ecs:DescribeServices");
    }
}
