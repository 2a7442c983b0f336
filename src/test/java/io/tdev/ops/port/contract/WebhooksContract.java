package io.tdev.ops.port.contract;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.port.Webhooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Webhooks} adapter does. The world: a chat channel's incoming webhook at {@link #url()}, whose
 * path ends in the secret {@link #SECRET}, answering 200.
 */
public abstract class WebhooksContract {
    protected static final String SECRET = "XyZsecretPart0123";
    protected static final String PATH = "/services/T0001/B0002/" + SECRET;

    /** One post as the channel received it. */
    public record Post(String url, String text) {
    }

    protected abstract Webhooks webhooks();

    /** The webhook's URL (ends in {@link #PATH}). */
    protected abstract String url();

    protected abstract void givenTheChannel();

    /** The channel answers the next post with an error (HTTP: 500). */
    protected abstract void givenTheChannelFails();

    /** Every post the channel received, oldest first. */
    protected abstract List<Post> received();

    @BeforeEach
    void arrange() {
        givenTheChannel();
    }

    @Test
    void postsTheTextOnceAndReturnsTheStatus() {
        String text = "[production] P0 incident: \"no healthy target\"\nTo: @oncall — since 03:12 UTC";

        assertThat(webhooks().post(url(), text)).isEqualTo(200);

        assertThat(received()).containsExactly(new Post(url(), text));
    }

    @Test
    void aFailureIsNotRetriedNorRetryableAndNamesTheHostButNotTheSecret() {
        givenTheChannelFails();

        assertThatThrownBy(() -> webhooks().post(url(), "text"))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> {
                    assertThat(e.retryable()).as("a retry may post twice").isFalse();
                    assertThat(e.api()).isEqualTo("POST webhook " + URI.create(url()).getHost());
                })
                .hasMessageContaining(URI.create(url()).getHost())
                .hasMessageNotContaining(SECRET);
        assertThat(received()).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aUrlThatIsNotHttpIsInvalidInputThatDoesNotQuoteItAndNothingIsPosted() {
        for (String bad : List.of("hooks.slack.com" + PATH, "ftp://hooks.slack.com" + PATH, "https:" + PATH, "not a url " + SECRET)) {
            assertThatThrownBy(() -> webhooks().post(bad, "text"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("url"))
                    .hasMessageNotContaining(SECRET);
        }
        assertThat(received()).isEmpty();
    }

    @Test
    void anEmptyTextIsInvalidInputAndNothingIsPosted() {
        assertThatThrownBy(() -> webhooks().post(url(), " "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("text"));
        assertThat(received()).isEmpty();
    }
}
