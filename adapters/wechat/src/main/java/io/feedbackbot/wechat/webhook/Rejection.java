package io.feedbackbot.wechat.webhook;

/** Why a webhook request was refused, with the HTTP status the server answers. Nothing is stored for any of them. */
public enum Rejection {
    BODY_TOO_LARGE(413, "body is too large"),
    MISSING_SIGNATURE(403, "signature, timestamp and nonce are required"),
    BAD_SIGNATURE(403, "signature does not match"),
    STALE_TIMESTAMP(403, "timestamp is too far from now"),
    ENCRYPTION_REQUIRED(403, "this account accepts encrypted messages only"),
    NO_AES_KEY(403, "encrypted message but no EncodingAESKey is configured"),
    BAD_MSG_SIGNATURE(403, "msg_signature does not match"),
    FOREIGN_APPID(403, "message is for another appid"),
    UNSUPPORTED_ENCRYPT_TYPE(400, "unsupported encrypt_type"),
    UNDECRYPTABLE(400, "Encrypt does not decrypt"),
    MALFORMED_XML(400, "malformed XML"),
    MISSING_ECHOSTR(400, "echostr is required");

    private final int httpStatus;
    private final String reason;

    Rejection(int httpStatus, String reason) {
        this.httpStatus = httpStatus;
        this.reason = reason;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** A one-line reason, safe to send back and to log. */
    public String reason() {
        return reason;
    }
}
