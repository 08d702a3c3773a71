package io.feedbackbot.dialogs.campaign;

import static io.feedbackbot.dialogs.campaign.CampaignStatus.CANCELLED;
import static io.feedbackbot.dialogs.campaign.CampaignStatus.COMPLETED;
import static io.feedbackbot.dialogs.campaign.CampaignStatus.DRAFT;
import static io.feedbackbot.dialogs.campaign.CampaignStatus.PAUSED;
import static io.feedbackbot.dialogs.campaign.CampaignStatus.RUNNING;
import static io.feedbackbot.dialogs.campaign.CampaignStatus.SCHEDULED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feedbackbot.dialogs.campaign.CampaignStatus.Command;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The campaign lifecycle: what each command does in each state, and what the dispatcher does on its own. */
class CampaignLifecycleTest {

    private static final Instant START = Instant.parse("2026-05-06T01:00:00Z");
    private static final Instant END = Instant.parse("2026-05-08T12:00:00Z");

    @ParameterizedTest(name = "{1} in {0} -> {3}")
    @CsvSource({
            "DRAFT,     SCHEDULE, 2026-05-01T00:00:00Z, SCHEDULED",
            "DRAFT,     PAUSE,    2026-05-01T00:00:00Z, ",
            "DRAFT,     CANCEL,   2026-05-01T00:00:00Z, CANCELLED",
            "SCHEDULED, PAUSE,    2026-05-01T00:00:00Z, PAUSED",
            "SCHEDULED, SCHEDULE, 2026-05-01T00:00:00Z, ",
            "RUNNING,   PAUSE,    2026-05-07T00:00:00Z, PAUSED",
            "RUNNING,   RESUME,   2026-05-07T00:00:00Z, ",
            "PAUSED,    RESUME,   2026-05-07T00:00:00Z, RUNNING",
            "PAUSED,    RESUME,   2026-05-01T00:00:00Z, SCHEDULED",
            "PAUSED,    CANCEL,   2026-05-07T00:00:00Z, CANCELLED",
            "COMPLETED, CANCEL,   2026-05-09T00:00:00Z, ",
            "CANCELLED, RESUME,   2026-05-09T00:00:00Z, ",
    })
    void commandsMoveOnlyWhereTheyMayGo(CampaignStatus from, Command command, Instant now, CampaignStatus to) {
        assertEquals(Optional.ofNullable(to), from.after(command, now, START));
    }

    @ParameterizedTest(name = "{0} at {1} with {2} queued, {3} claimed -> {4}")
    @CsvSource({
            "SCHEDULED, 2026-05-05T00:00:00Z, 10, 0, WAIT",
            "SCHEDULED, 2026-05-06T01:00:00Z, 10, 0, START",
            "RUNNING,   2026-05-07T00:00:00Z, 10, 0, SEND",
            "RUNNING,   2026-05-07T00:00:00Z,  0, 3, SEND",
            "RUNNING,   2026-05-07T00:00:00Z,  0, 0, COMPLETE",
            "RUNNING,   2026-05-08T12:00:00Z,  7, 0, END",
            "RUNNING,   2026-05-08T12:00:00Z,  0, 2, END",
            "RUNNING,   2026-05-08T12:00:00Z,  0, 0, COMPLETE",
            "PAUSED,    2026-05-07T00:00:00Z, 10, 0, WAIT",
            "CANCELLED, 2026-05-07T00:00:00Z, 10, 0, DRAIN",
            "CANCELLED, 2026-05-07T00:00:00Z,  0, 0, WAIT",
            "DRAFT,     2026-05-07T00:00:00Z, 10, 0, WAIT",
            "COMPLETED, 2026-05-09T00:00:00Z,  0, 0, WAIT",
    })
    void theDispatcherDecidesFromStatusScheduleAndCounts(CampaignStatus status, Instant now, long queued, long claimed,
                                                         CampaignDuty duty) {
        assertEquals(duty, CampaignDuty.decide(status, START, END, now, queued, claimed));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "DRAFT, RUNNING, false", "SCHEDULED, RUNNING, true", "RUNNING, COMPLETED, true",
            "PAUSED, COMPLETED, false", "COMPLETED, RUNNING, false", "CANCELLED, DRAFT, false",
    })
    void finalStatesNeverMove(CampaignStatus from, CampaignStatus to, boolean allowed) {
        assertEquals(allowed, from.canMoveTo(to));
    }
}
