package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

/** The request pattern of a stub's matcher, to count how often it was called. */
final class WireMockRequests {
    private WireMockRequests() {
    }

    static RequestPatternBuilder matching(MappingBuilder stub) {
        return RequestPatternBuilder.like(stub.build().getRequest());
    }
}
