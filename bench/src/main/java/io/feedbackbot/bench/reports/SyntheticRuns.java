package io.feedbackbot.bench.reports;

import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.core.answer.AnswerStatus;
import io.feedbackbot.core.answer.SurveyEvent;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.core.conversation.SurveyStatus;
import io.feedbackbot.reports.aggregate.Stored;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The seed case as data: a chain of 3,500 stores, 8 touchpoints, 3 channels and 20 campaigns; survey runs spread
 * evenly over a period, 80 % of them answering one NPS question with a score biased per store, 85 % of those
 * finishing. Deterministic for a seed.
 */
final class SyntheticRuns {

    static final String SURVEY = "post-delivery-nps";
    static final int STORES = 3_500;
    private static final String[] TOUCHPOINTS = {"delivery", "pickup", "dine-in", "app", "phone", "drive-thru",
            "catering", "kiosk"};
    private static final String[] CHANNELS = {"wechat", "sms", "webchat"};

    private final Random random;
    private final Instant start;
    private final long spanMillis;
    private final double[] storeBias = new double[STORES];
    private long run;

    SyntheticRuns(long seed, Instant start, Duration span) {
        this.random = new Random(seed);
        this.start = start;
        this.spanMillis = span.toMillis();
        for (int i = 0; i < STORES; i++) {
            storeBias[i] = random.nextGaussian() * 1.2;
        }
    }

    static String store(int i) {
        return String.format("S%04d", i);
    }

    /** One batch of runs: their milestones and their answers, in time order within each list. */
    record Batch(List<Stored<SurveyEvent>> events, List<Stored<AnswerRecord>> answers) {
    }

    /** {@code runs} more runs, the n-th of {@code total} placed at n/total of the period. */
    Batch next(int runs, long total) {
        List<Stored<SurveyEvent>> events = new ArrayList<>(runs * 2);
        List<Stored<AnswerRecord>> answers = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++, run++) {
            Instant at = start.plusMillis(spanMillis * run / total);
            int s = random.nextInt(STORES);
            String store = store(s);
            String touchpoint = TOUCHPOINTS[random.nextInt(TOUCHPOINTS.length)];
            String channel = CHANNELS[random.nextInt(CHANNELS.length)];
            String campaign = "c" + random.nextInt(20);
            String invitation = "r" + run;
            ConversationKey key = new ConversationKey(channel, "acct", "cust" + run);
            Map<String, String> context = Map.of("store", store, "touchpoint", touchpoint);
            events.add(new Stored<>(invitation + "s", new SurveyEvent(SurveyEvent.Type.STARTED, SURVEY, invitation,
                    campaign, key, null, context, at)));
            if (random.nextDouble() < 0.8) {
                int score = (int) Math.max(0, Math.min(10, Math.round(8 + storeBias[s] + random.nextGaussian() * 2.2)));
                answers.add(new Stored<>(invitation + "a", new AnswerRecord(AnswerRecord.idFor(invitation, "recommend"),
                        SURVEY, invitation, campaign, "recommend", "nps", "0-10", Integer.toString(score), score,
                        AnswerStatus.ANSWERED, Integer.toString(score), Language.ZH_CN, key, context, at,
                        at.plusSeconds(60), null, null)));
                if (random.nextDouble() < 0.85) {
                    events.add(new Stored<>(invitation + "e", new SurveyEvent(SurveyEvent.Type.ENDED, SURVEY, invitation,
                            campaign, key, SurveyStatus.COMPLETED, context, at.plusSeconds(120))));
                }
            }
        }
        return new Batch(events, answers);
    }
}
