package io.tdev.ops.escalation;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.escalation.EscalationRequest;
import io.tdev.ops.api.escalation.EscalationResult;
import io.tdev.ops.api.escalation.EscalationUseCase;
import io.tdev.ops.api.escalation.Notice;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.TdevException;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@link EscalationUseCase}: reads the kind's policy from the config (never a contact in code), decides whether it
 * is due, and sends through the channel it names: the environment's SNS topic, another topic, or a chat webhook.
 * A channel that fails makes that notice FAILED; the others still go out.
 */
public final class Escalate implements EscalationUseCase {
    private final OpsContext context;

    public Escalate(OpsContext context) {
        this.context = context;
    }

    @Override
    public EscalationResult run(EscalationRequest request) {
        EnvironmentConfig.EscalationPolicy policy = context.config().escalation().policies().get(request.kind());
        if (policy == null) {
            return new EscalationResult(request.kind(), List.of(), null);
        }
        Instant now = context.clock().instant();
        Instant due = request.startedAt().plus(Duration.ofMinutes(policy.afterMinutes()));
        String channel = shown(policy.channel());
        Notice notice;
        if (now.isBefore(due)) {
            notice = request.resolved()
                    ? notice(request, policy, channel, "NOT_NEEDED", due, null, "resolved before it was due")
                    : notice(request, policy, channel, "PENDING", due, null, "due " + policy.afterMinutes()
                            + " min after the incident began, if still unresolved");
        } else if (request.resolved() && policy.afterMinutes() > 0) {
            notice = notice(request, policy, channel, "NOT_NEEDED", due, null, "resolved");
        } else if (request.noNotify()) {
            notice = notice(request, policy, channel, "SKIPPED", due, null, "drill (--no-notify): would have told them");
        } else {
            notice = send(request, policy, channel, due);
        }
        return new EscalationResult(request.kind(), List.of(notice),
                notice.status().equals("PENDING") ? notice.dueAt() : null);
    }

    private Notice send(EscalationRequest request, EnvironmentConfig.EscalationPolicy policy, String channel, Instant due) {
        String text = "To: " + String.join(", ", policy.to()) + System.lineSeparator()
                + "Escalation (" + request.kind() + "), incident began " + request.startedAt() + ", raised by "
                + context.user() + System.lineSeparator() + System.lineSeparator() + request.summary();
        try {
            String id;
            if (policy.channel().startsWith("webhook:")) {
                id = "HTTP " + context.ports().webhooks().post(policy.channel().substring("webhook:".length()),
                        request.subject() + System.lineSeparator() + text);
            } else {
                String topic = policy.channel().equals("topic") ? context.config().topic()
                        : policy.channel().substring("sns:".length());
                id = context.ports().notifier().publish(topic, request.subject(), text);
            }
            context.progress().report("escalated " + request.kind() + " to " + String.join(", ", policy.to()) + " via " + channel);
            return notice(request, policy, channel, "NOTIFIED", due, id, null);
        } catch (TdevException e) {
            return notice(request, policy, channel, "FAILED", due, null, e.getMessage());
        }
    }

    private static Notice notice(EscalationRequest request, EnvironmentConfig.EscalationPolicy policy, String channel,
                                 String status, Instant due, String id, String detail) {
        return new Notice(request.kind(), policy.to(), channel, status, due, id, detail);
    }

    /** How a channel is shown: the topic's name, a webhook's host only (its path is its secret). */
    private String shown(String channel) {
        if (channel.equals("topic")) {
            return "sns:" + context.config().topic();
        }
        if (channel.startsWith("webhook:")) {
            return "webhook:" + URI.create(channel.substring("webhook:".length())).getHost();
        }
        return channel;
    }
}
