package io.tdev.ops.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.port.Webhooks;
import io.tdev.ops.port.contract.WebhooksContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The {@link WebhooksContract} on {@link HttpWebhooks} over real HTTP (WireMock), and what only the wire shows. */
class HttpWebhooksContractTest extends WebhooksContract {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpWebhooks webhooks = new HttpWebhooks(HttpClient.newHttpClient(), Duration.ofSeconds(5));

    @Test
    void postsTheTextAsJson() {
        webhooks.post(url(), "[production] P0 incident");

        wm.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void aChannelThatDoesNotAnswerIsRetryableAndNamesTheHostOnly() {
        wm.stubFor(post(PATH).atPriority(1).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
        HttpWebhooks impatient = new HttpWebhooks(HttpClient.newHttpClient(), Duration.ofMillis(500));

        Throwable thrown = catchThrowable(() -> impatient.post(url(), "text"));

        assertThat(thrown).isInstanceOfSatisfying(RemoteFailureException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("no answer").hasMessageNotContaining(SECRET);
    }

    // ---- the contract's world: a channel on a real local HTTP server

    @Override
    protected Webhooks webhooks() {
        return webhooks;
    }

    @Override
    protected String url() {
        return wm.baseUrl() + PATH;
    }

    @Override
    protected void givenTheChannel() {
        wm.stubFor(post(PATH).atPriority(6).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    @Override
    protected void givenTheChannelFails() {
        wm.stubFor(post(PATH).atPriority(1).willReturn(aResponse().withStatus(500).withBody("internal_error")));
    }

    @Override
    protected List<Post> received() {
        return wm.findAll(postRequestedFor(urlEqualTo(PATH))).stream().map(r -> {
            try {
                return new Post(r.getAbsoluteUrl(), JSON.readTree(r.getBodyAsString()).get("text").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
