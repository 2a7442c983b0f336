package io.tdev.ops.sim;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.TaskDefinition;
import io.tdev.ops.model.TaskDefinitionRef;
import io.tdev.ops.port.Ecs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimTaskDefinitionsTest {
    private final SimEnvironment env = SimEnvironment.scenario("healthy", SimConfigs.production());
    private final Ecs ecs = env.ports().ecs();
    private final String family = "t-developer-backend-production";

    @Test
    void describesByFamilyRevisionByArnAndByBareFamily() {
        TaskDefinition byRef = ecs.describeTaskDefinition(family + ":40");
        TaskDefinition byArn = ecs.describeTaskDefinition("arn:aws:ecs:ap-northeast-2:123456789012:task-definition/" + family + ":40");
        TaskDefinition latest = ecs.describeTaskDefinition(family);

        assertThat(byRef.ref()).isEqualTo(new TaskDefinitionRef(family, 40));
        assertThat(byArn).isEqualTo(byRef);
        assertThat(byRef.arn()).isEqualTo("arn:aws:ecs:ap-northeast-2:123456789012:task-definition/" + family + ":40");
        assertThat(byRef.containers()).first().satisfies(c -> {
            assertThat(c.name()).isEqualTo("t-developer-backend");
            assertThat(c.image()).isEqualTo("123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/t-developer-backend-production:2.0.40");
            assertThat(c.essential()).isTrue();
        });
        assertThat(latest.ref().revision()).isEqualTo(42);
        assertThat(ecs.describeTaskDefinition(family + ":36").status()).isEqualTo("INACTIVE");
    }

    @Test
    void unknownOrMalformedTaskDefinitionsAreRefused() {
        assertThatThrownBy(() -> ecs.describeTaskDefinition(family + ":77")).isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining(family + ":77");
        assertThatThrownBy(() -> ecs.describeTaskDefinition("no-such-family")).isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> ecs.describeTaskDefinition("not a name!")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("allowed forms");
    }

    @Test
    void listsRevisionsNewestFirstWithOrWithoutInactiveOnes() {
        assertThat(ecs.listTaskDefinitions(family, true)).extracting(TaskDefinitionRef::revision).containsExactly(42, 41, 40, 39, 38);
        assertThat(ecs.listTaskDefinitions(family, false)).extracting(TaskDefinitionRef::revision)
                .containsExactly(42, 41, 40, 39, 38, 37, 36, 35);
        assertThat(ecs.listTaskDefinitions("other", false)).isEmpty();
    }

    @Test
    void registeringClonesTheBaseWithTheNewImage() {
        TaskDefinition base = ecs.describeTaskDefinition(family + ":42");

        TaskDefinitionRef created = ecs.registerTaskDefinition(base, Map.of("t-developer-backend", env.imageUri("2.1.0")));

        TaskDefinition next = ecs.describeTaskDefinition(created.toString());
        assertThat(created).isEqualTo(new TaskDefinitionRef(family, 43));
        assertThat(next.containers()).hasSize(2);
        assertThat(next.containers().get(0).image()).endsWith(":2.1.0");
        assertThat(next.containers().get(1)).isEqualTo(base.containers().get(1));
        assertThat(next.status()).isEqualTo("ACTIVE");
        assertThat(base.tags()).containsKey("tdev:known-good");
        assertThat(next.tags()).as("the base's own tags are kept, as the AWS adapter keeps them, but not its known-good mark")
                .containsEntry("service", "t-developer").doesNotContainKey("tdev:known-good");
        assertThat(next.registeredAt()).isEqualTo(env.now());
    }

    @Test
    void registeringForAnUnknownContainerNamesTheContainers() {
        TaskDefinition base = ecs.describeTaskDefinition(family + ":42");

        assertThatThrownBy(() -> ecs.registerTaskDefinition(base, Map.of("backend", "x:1")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("backend").hasMessageContaining("t-developer-backend, xray-daemon");
        assertThat(ecs.listTaskDefinitions(family, false)).hasSize(8);
    }

    @Test
    void theKnownGoodTagMarksRevision42AndCanBeMovedWithTags() {
        TaskDefinitionRef r42 = env.revision(42);
        TaskDefinitionRef r41 = env.revision(41);
        assertThat(ecs.tagsOf(r42)).containsEntry("tdev:known-good", "true");
        assertThat(ecs.tagsOf(r41)).doesNotContainKey("tdev:known-good");

        ecs.tagTaskDefinition(r41, Map.of("tdev:known-good", "2026-11-26T09:00:00Z"));
        ecs.untagTaskDefinition(r42, List.of("tdev:known-good"));

        assertThat(ecs.tagsOf(r41)).containsEntry("tdev:known-good", "2026-11-26T09:00:00Z");
        assertThat(ecs.tagsOf(r42)).doesNotContainKey("tdev:known-good").containsKey("service");
        assertThat(ecs.describeTaskDefinition(r41.toString()).tags()).containsKey("tdev:known-good");
        assertThat(env.calls(Api.TAG_RESOURCE)).isEqualTo(1);
        assertThat(env.calls(Api.UNTAG_RESOURCE)).isEqualTo(1);
    }

    @Test
    void taggingAnUnknownRevisionOrWithABlankKeyIsRefused() {
        assertThatThrownBy(() -> ecs.tagTaskDefinition(env.revision(99), Map.of("a", "b")))
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> ecs.tagTaskDefinition(env.revision(42), Map.of(" ", "b")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void noKnownGoodScenarioHasNoTaggedRevision() {
        SimEnvironment none = SimEnvironment.scenario("no-known-good", SimConfigs.production());
        for (TaskDefinitionRef r : none.ports().ecs().listTaskDefinitions(family, false)) {
            assertThat(none.ports().ecs().tagsOf(r)).doesNotContainKey("tdev:known-good");
        }
    }

    @Test
    void namesFollowTheConfiguredEnvironment() {
        SimEnvironment staging = SimEnvironment.scenario("healthy", SimConfigs.staging());

        assertThat(staging.currentRevision().family()).isEqualTo("t-developer-backend-staging");
        assertThat(staging.service().ref()).isEqualTo(SimConfigs.staging().serviceRef());
    }
}
