package io.feedbackbot.server.campaign.tracking;

import io.feedbackbot.redis.campaign.CampaignTally;
import io.feedbackbot.server.campaign.CampaignDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what happens to campaign recipients after the send (delivered, undelivered, reminded) off the caller's
 * thread: callers (provider callbacks, engine delivery lanes) only queue a mark; one thread writes them to Redis in
 * batches. Best effort by design: a mark queued on a node that dies is lost, and a full queue drops marks with a
 * warning rather than block a provider callback. Responses are counted elsewhere, durably.
 */
public final class CampaignMarks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CampaignMarks.class);

    private final CampaignTally tally;
    private final BlockingQueue<CampaignTally.Mark> queue = new ArrayBlockingQueue<>(100_000);
    private final Thread thread;
    private volatile boolean running = true;

    public CampaignMarks(CampaignTally tally) {
        this.tally = tally;
        this.thread = new Thread(this::loop, "campaign-marks");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a mark for the recipient of a campaign invitation id; other ids are ignored. */
    public void mark(String invitationId, CampaignTally.Kind kind, String alsoCount) {
        CampaignDefinition.Ids ids = CampaignDefinition.parse(invitationId);
        if (ids == null) {
            return;
        }
        if (!queue.offer(new CampaignTally.Mark(ids.campaign(), ids.seq(), kind, alsoCount))) {
            log.warn("campaign marks queue is full; a {} mark of campaign {} is dropped", kind, ids.campaign());
        }
    }

    private void loop() {
        List<CampaignTally.Mark> batch = new ArrayList<>(500);
        while (running || !queue.isEmpty()) {
            try {
                CampaignTally.Mark first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 499);
                tally.markAll(batch);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("could not count {} campaign marks: {}", batch.size(), e.toString());
            } finally {
                batch.clear();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
