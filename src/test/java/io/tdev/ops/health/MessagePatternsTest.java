package io.tdev.ops.health;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MessagePatternsTest {
    @Test
    void messagesDifferingOnlyInNumbersIdsUuidsAndHexGroupTogether() {
        List<String> messages = List.of(
                "ERROR Timeout after 3012 ms calling agent generation for project 7b0e5c1a-2f4d-4a9e-8c3b-1d2e3f4a5b6c",
                "ERROR Timeout after 2990 ms calling agent generation for project 0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
                "ERROR Timeout after 15 ms calling agent generation for project 11111111-2222-4333-8444-555555555555",
                "ERROR S3 PutObject failed for key proj_8f2k1/app.zip: SlowDown (request 9F3A2B1C4D5E6F70)",
                "ERROR S3 PutObject failed for key proj_77ab9/app.zip: SlowDown (request 0A1B2C3D4E5F6A7B)",
                "ERROR user 42 not found");

        List<MessagePatterns.Count> top = MessagePatterns.top(messages, 5);

        assertThat(top).extracting(MessagePatterns.Count::count).containsExactly(3, 2, 1);
        assertThat(top.get(0).pattern())
                .isEqualTo("ERROR Timeout after <n> ms calling agent generation for project <uuid>");
        assertThat(top.get(1).pattern()).isEqualTo("ERROR S3 PutObject failed for key <id>/app.zip: SlowDown (request <hex>)");
        assertThat(top.get(2).pattern()).isEqualTo("ERROR user <n> not found");
    }

    @Test
    void timestampsAndHexLiteralsAreNormalised() {
        assertThat(MessagePatterns.normalise("2026-11-26T09:00:01.123Z worker crashed at 0x7ffd1234 (exit 137)"))
                .isEqualTo("<time> worker crashed at <hex> (exit <n>)");
    }

    @Test
    void plainWordsStayAsTheyAre() {
        assertThat(MessagePatterns.normalise("ERROR Connection refused by database"))
                .isEqualTo("ERROR Connection refused by database");
    }

    @Test
    void credentialsInMessagesAreMasked() {
        String p = MessagePatterns.normalise("ERROR login failed password=hunter2 token: abc.def Authorization: Bearer eyJhbGciOi.x.y");
        assertThat(p).doesNotContain("hunter2").doesNotContain("abc.def").doesNotContain("eyJhbGciOi");
        assertThat(p).contains("password=<redacted>");
    }

    @Test
    void topKeepsOnlyTheLimitMostFrequentTiesAlphabetical() {
        List<MessagePatterns.Count> top = MessagePatterns.top(List.of("b", "a", "c", "c"), 2);
        assertThat(top).containsExactly(new MessagePatterns.Count("c", 2), new MessagePatterns.Count("a", 1));
    }
}
