package io.tdev.ops.api.change;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.TaskDefinitionRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevisionTest {
    @Test
    void aBareNumberIsARevisionOfTheServicesFamily() {
        assertThat(Revision.parse("target", "41").in("t-developer")).isEqualTo(new TaskDefinitionRef("t-developer", 41));
    }

    @Test
    void familyColonRevisionAndArnsParse() {
        assertThat(Revision.parse("target", "other:3").in("t-developer")).isEqualTo(new TaskDefinitionRef("other", 3));
        assertThat(Revision.parse("target", "arn:aws:ecs:eu-west-1:123456789012:task-definition/t-developer:7").in("x"))
                .isEqualTo(new TaskDefinitionRef("t-developer", 7));
    }

    @Test
    void anythingElseIsInvalidInputNamingTheFieldAndTheForms() {
        assertThatThrownBy(() -> Revision.parse("target", "yesterday"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("target").hasMessageContaining("FAMILY:REVISION")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("target"));
        assertThatThrownBy(() -> Revision.parse("revision", "0"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("revision");
    }

    @Test
    void aRollbackTargetIsParsedOnceIntoItsKind() {
        assertThat(RollbackTarget.parse(null).kind()).isEqualTo(RollbackTarget.Kind.LAST_KNOWN_GOOD);
        assertThat(RollbackTarget.parse(" Previous ").kind()).isEqualTo(RollbackTarget.Kind.PREVIOUS);
        RollbackTarget arn = RollbackTarget.parse("arn:aws:ecs:eu-west-1:123456789012:task-definition/fam:7");
        assertThat(arn.kind()).isEqualTo(RollbackTarget.Kind.REVISION);
        assertThat(arn.revision()).isEqualTo(new Revision("fam", 7));
        assertThat(arn.text()).startsWith("arn:aws:ecs:");
        assertThatThrownBy(() -> RollbackTarget.parse("yesterday"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("target: got 'yesterday'; allowed: last-known-good (default), previous, " + Revision.FORMS);
        assertThatThrownBy(() -> RollbackTarget.parse("0")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("target: revision must be 1 or more");
    }
}
