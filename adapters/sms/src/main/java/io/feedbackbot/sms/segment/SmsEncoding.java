package io.feedbackbot.sms.segment;

/**
 * The two SMS alphabets and their sizes: how many units fit in a single message and in each part of a concatenated
 * one (the 6-byte concatenation header takes the difference). A unit is a septet for GSM-7 and a UTF-16 code unit
 * for UCS-2.
 */
public enum SmsEncoding {
    GSM_7("GSM-7", 160, 153),
    UCS_2("UCS-2", 70, 67);

    private final String label;
    private final int singleCapacity;
    private final int partCapacity;

    SmsEncoding(String label, int singleCapacity, int partCapacity) {
        this.label = label;
        this.singleCapacity = singleCapacity;
        this.partCapacity = partCapacity;
    }

    /** Units that fit in a message sent as one segment. */
    public int singleCapacity() {
        return singleCapacity;
    }

    /** Units that fit in each part of a concatenated message. */
    public int partCapacity() {
        return partCapacity;
    }

    /** The name used by Twilio and carriers: {@code GSM-7} or {@code UCS-2}. */
    public String label() {
        return label;
    }
}
