package io.feedbackbot.server.campaign.audience;

import java.time.ZoneId;
import java.util.List;

/**
 * One valid audience row: the recipient id, the channel's customer id (normalised: an E.164 number for SMS), the
 * language tag or null, the time zone (the row's, else the campaign's default) and the attribute values in column
 * order.
 */
public record Recipient(String id, String customer, String language, ZoneId zone, List<String> values) {

    public Recipient {
        values = List.copyOf(values);
    }
}
