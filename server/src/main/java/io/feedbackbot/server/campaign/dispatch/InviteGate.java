package io.feedbackbot.server.campaign.dispatch;

import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.conversation.Invitation;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.core.engine.ConversationEngine;
import io.feedbackbot.dialogs.campaign.CampaignStatus;
import io.feedbackbot.redis.campaign.RecipientRecord;
import io.feedbackbot.redis.campaign.RecipientShards;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Hands a node's claimed recipients to the conversation core, a bounded number at a time, and collects how each
 * ended. Each recipient's invitation id is fixed (campaign, number, id), so sending one twice (after a lease ran
 * out, on another node) is one invitation. Just before handing one over it checks that its campaign still runs:
 * recipients of a paused or cancelled campaign go back to their queue unsent, so a pause stops new sends at once
 * and lets at most {@code maxOutstanding} finish.
 */
final class InviteGate {

    /** A claimed recipient of a campaign. */
    record Pending(LiveCampaign campaign, RecipientShards.Claimed claim) {
    }

    /** How a recipient left the gate: an outcome to record, or back to its queue. */
    record Done(LiveCampaign campaign, RecipientShards.Claimed claim, InviteOutcome outcome) {
        boolean released() {
            return outcome == null;
        }
    }

    static final int MAX_FAILURES = 3;
    /** Outcomes worth recording at once: fewer wait for the dispatcher's next pass (tens of milliseconds). */
    static final int RECORD_BATCH = 64;

    private final ConversationEngine engine;
    private final Clock clock;
    private final int maxOutstanding;
    private final Runnable wake;
    private final int refillAt;
    private final Deque<Pending> waiting = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Done> done = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private int outstanding;

    /** @param refillAt wake the dispatcher when the recipients held fall to this many (time to claim more) */
    InviteGate(ConversationEngine engine, Clock clock, int maxOutstanding, int refillAt, Runnable wake) {
        this.engine = engine;
        this.clock = clock;
        this.maxOutstanding = maxOutstanding;
        this.refillAt = refillAt;
        this.wake = wake;
    }

    synchronized void submit(LiveCampaign campaign, List<RecipientShards.Claimed> claims) {
        for (RecipientShards.Claimed claim : claims) {
            waiting.add(new Pending(campaign, claim));
        }
        pump();
    }

    /** Recipients this node holds: waiting here or with the conversation core. */
    synchronized int inFlight() {
        return waiting.size() + outstanding;
    }

    /** What ended since the last call. */
    List<Done> drain() {
        List<Done> out = new ArrayList<>();
        Done d;
        while ((d = done.poll()) != null) {
            out.add(d);
        }
        return out;
    }

    /** Gives back the waiting recipients of campaigns that no longer run. */
    synchronized void releaseStopped() {
        for (Iterator<Pending> it = waiting.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (p.campaign().status() != CampaignStatus.RUNNING) {
                it.remove();
                done.add(new Done(p.campaign(), p.claim(), null));
            }
        }
    }

    /** Gives back every waiting recipient (the node is stopping). */
    synchronized void releaseAll() {
        Pending p;
        while ((p = waiting.poll()) != null) {
            done.add(new Done(p.campaign(), p.claim(), null));
        }
    }

    private void pump() {
        while (outstanding < maxOutstanding && !waiting.isEmpty()) {
            Pending p = waiting.poll();
            if (p.campaign().status() != CampaignStatus.RUNNING) {
                done.add(new Done(p.campaign(), p.claim(), null));
                continue;
            }
            outstanding++;
            Invitation invitation;
            try {
                invitation = invitation(p);
            } catch (IllegalArgumentException e) {
                outstanding--;
                done.add(new Done(p.campaign(), p.claim(), new InviteOutcome("failed", "invalid_recipient",
                        e.getMessage())));
                continue;
            }
            engine.invite(invitation).whenComplete((result, error) -> finished(p, result, error));
        }
    }

    private void finished(Pending p, io.feedbackbot.core.engine.InviteResult result, Throwable error) {
        Done d;
        boolean wakeNow;
        synchronized (this) {
            outstanding--;
            String key = p.campaign().id() + "/" + p.claim().record().id();
            if (error == null) {
                failures.remove(key);
                d = new Done(p.campaign(), p.claim(), InviteOutcome.of(result));
            } else if (failures.merge(key, 1, Integer::sum) >= MAX_FAILURES) {
                failures.remove(key);
                d = new Done(p.campaign(), p.claim(), new InviteOutcome("failed", "error", error.toString()));
            } else {
                d = new Done(p.campaign(), p.claim(), null);
            }
            done.add(d);
            pump();
            wakeNow = done.size() >= RECORD_BATCH || waiting.size() + outstanding <= refillAt;
        }
        if (wakeNow) {
            wake.run();
        }
    }

    private Invitation invitation(Pending p) {
        LiveCampaign c = p.campaign();
        RecipientRecord r = p.claim().record();
        Map<String, String> context = new LinkedHashMap<>();
        for (int i = 0; i < c.attributes.size() && i < r.values().size(); i++) {
            context.put(c.attributes.get(i), r.values().get(i));
        }
        context.put("recipientId", r.id());
        String tag = r.language().isEmpty() ? c.def.language() : r.language();
        Language language = tag == null ? null : Language.fromTag(tag).orElse(null);
        return new Invitation(c.def.invitationId(r.seq(), r.id()), c.def.surveyId(),
                new ConversationKey(c.def.channel(), c.def.account(), r.customer()), language, context, c.id(),
                c.def.policy(), clock.instant());
    }
}
