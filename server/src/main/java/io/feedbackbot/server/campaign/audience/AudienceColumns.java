package io.feedbackbot.server.campaign.audience;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns of an audience file, from its header row: a required {@code id}, the customer's address
 * ({@code phone} for SMS, {@code openid} for WeChat, {@code customer} for web chat; any of them is accepted),
 * optional {@code language} and {@code timezone}, and every other column as an attribute that travels into the
 * answers (store, touchpoint, segment…). Known names are matched without regard to case or surrounding spaces.
 *
 * @param attributes attribute names, in file order
 * @param attributeIndexes where each attribute is in a row
 * @param width      how many fields a row has
 */
public record AudienceColumns(int id, int address, String addressName, int language, int timezone,
                              List<String> attributes, List<Integer> attributeIndexes, int width) {

    static final List<String> ADDRESSES = List.of("phone", "openid", "customer");
    private static final Map<String, String> ALIASES = Map.of("lang", "language", "time_zone", "timezone",
            "tz", "timezone", "mobile", "phone");
    /** Names the campaign puts in the context itself. */
    static final Set<String> RESERVED = Set.of("recipientId", "campaignId");

    public AudienceColumns {
        attributes = List.copyOf(attributes);
        attributeIndexes = List.copyOf(attributeIndexes);
    }

    /**
     * @param preferredAddress the address column of the campaign's channel ({@code phone} for sms)
     * @throws IllegalArgumentException naming what is wrong with the header
     */
    public static AudienceColumns of(List<String> header, String preferredAddress) {
        int id = -1;
        int language = -1;
        int timezone = -1;
        int[] addresses = {-1, -1, -1};
        List<String> attributes = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("column " + (i + 1) + " of the header has no name");
            }
            String known = ALIASES.getOrDefault(name.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            if (!seen.add(known)) {
                throw new IllegalArgumentException("the header names column '" + name + "' twice");
            }
            switch (known) {
                case "id" -> id = i;
                case "language" -> language = i;
                case "timezone" -> timezone = i;
                case "phone", "openid", "customer" -> addresses[ADDRESSES.indexOf(known)] = i;
                default -> {
                    if (RESERVED.contains(name)) {
                        throw new IllegalArgumentException("'" + name + "' is set by the campaign; rename the column");
                    }
                    attributes.add(name);
                    indexes.add(i);
                }
            }
        }
        int preferred = ADDRESSES.indexOf(preferredAddress);
        int address = preferred >= 0 ? addresses[preferred] : -1;
        String addressName = preferredAddress;
        for (int a = 0; address < 0 && a < ADDRESSES.size(); a++) {
            address = addresses[a];
            addressName = ADDRESSES.get(a);
        }
        if (id < 0 || address < 0) {
            throw new IllegalArgumentException("the header needs an id column and a " + preferredAddress
                    + " column (found: " + String.join(", ", header) + ")");
        }
        return new AudienceColumns(id, address, addressName, language, timezone, attributes, indexes,
                header.size());
    }
}
