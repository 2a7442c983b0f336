package io.tdev.ops.change;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.TaskDefinitionRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevisionSpecTest {
    @Test
    void aBareNumberIsARevisionOfTheServicesFamily() {
        assertThat(RevisionSpec.parse("41", "target", "t-developer")).isEqualTo(new TaskDefinitionRef("t-developer", 41));
    }

    @Test
    void familyColonRevisionAndArnsParse() {
        assertThat(RevisionSpec.parse("other:3", "target", "t-developer")).isEqualTo(new TaskDefinitionRef("other", 3));
        assertThat(RevisionSpec.parse("arn:aws:ecs:eu-west-1:123456789012:task-definition/t-developer:7", "target", "x"))
                .isEqualTo(new TaskDefinitionRef("t-developer", 7));
    }

    @Test
    void anythingElseIsInvalidInputNamingTheFieldAndTheForms() {
        assertThatThrownBy(() -> RevisionSpec.parse("yesterday", "target", "t-developer"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("target").hasMessageContaining("FAMILY:REVISION")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("target"));
        assertThatThrownBy(() -> RevisionSpec.parse("0", "revision", "t-developer"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("revision");
    }
}
