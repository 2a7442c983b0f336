package io.tdev.ops.change;

import io.tdev.ops.api.OpsContext;

import io.tdev.ops.model.TaskDefinitionRef;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds revisions marked known-good (the tag {@code deploy.knownGoodTag}) among a family's ACTIVE revisions. */
public final class KnownGood {
    /** Newer revisions are looked at first; older than this many are not worth a tag read each. */
    public static final int MAX_REVISIONS_LOOKED_AT = 100;

    /** A known-good revision and its tag value (when and by whom it was marked). */
    public record Mark(TaskDefinitionRef ref, String taggedAs) {
    }

    private KnownGood() {
    }

    /** The newest ACTIVE revision of {@code family} tagged known-good, other than {@code exclude} (may be null). */
    public static Optional<Mark> newest(OpsContext ctx, String family, TaskDefinitionRef exclude) {
        String tag = ctx.config().deploy().knownGoodTag();
        List<TaskDefinitionRef> active = ctx.retry().call(() -> ctx.ports().ecs().listTaskDefinitions(family, true));
        int looked = 0;
        for (TaskDefinitionRef ref : active) {
            if (looked++ >= MAX_REVISIONS_LOOKED_AT) {
                break;
            }
            if (ref.equals(exclude)) {
                continue;
            }
            Map<String, String> tags = ctx.retry().call(() -> ctx.ports().ecs().tagsOf(ref));
            if (tags.containsKey(tag)) {
                return Optional.of(new Mark(ref, tags.get(tag)));
            }
        }
        return Optional.empty();
    }
}
