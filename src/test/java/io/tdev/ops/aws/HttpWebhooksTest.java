package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.model.RemoteFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpClient;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class HttpWebhooksTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/services/T0001/B0002/XyZsecretPart";
    private final HttpWebhooks webhooks = new HttpWebhooks(HttpClient.newHttpClient(), Duration.ofSeconds(5));

    @Test
    void postsTheTextAsJson() {
        wm.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody("ok")));

        assertThat(webhooks.post(wm.baseUrl() + PATH, "[production] P0 incident: \"no healthy target\"")).isEqualTo(200);

        wm.verify(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(equalToJson("{\"text\":\"[production] P0 incident: \\\"no healthy target\\\"\"}")));
    }

    @Test
    void aFailureIsSentOnceAndNamesTheHostNotTheSecretPath() {
        wm.stubFor(post(PATH).willReturn(aResponse().withStatus(500)));

        Throwable thrown = catchThrowable(() -> webhooks.post(wm.baseUrl() + PATH, "text"));

        assertThat(thrown).isInstanceOf(RemoteFailureException.class).hasMessageContaining("HTTP 500")
                .hasMessageContaining("localhost").hasMessageNotContaining("XyZsecretPart");
        wm.verify(exactly(1), postRequestedFor(urlEqualTo(PATH)));
    }
}
