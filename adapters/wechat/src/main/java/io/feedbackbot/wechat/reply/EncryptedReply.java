package io.feedbackbot.wechat.reply;

import io.feedbackbot.wechat.crypto.MessageCipher;
import io.feedbackbot.wechat.signature.WeChatSignature;
import io.feedbackbot.wechat.xml.Cdata;
import java.security.SecureRandom;

/**
 * The safe-mode reply envelope: the encrypted passive reply with its own msg_signature, timestamp and nonce, laid
 * out exactly as WeChat's samples (and wechatpy's W4 vector) write it.
 */
public final class EncryptedReply {

    private static final SecureRandom NONCES = new SecureRandom();

    private EncryptedReply() {
    }

    /** Encrypts {@code replyXml} with fresh randomness and a fresh nonce, and signs it. */
    public static String seal(MessageCipher cipher, String token, String replyXml, long timestamp) {
        String encrypt = cipher.encrypt(replyXml);
        return envelope(encrypt, token, Long.toString(timestamp), newNonce());
    }

    /** Deterministic variant for tests and vectors. */
    public static String seal(MessageCipher cipher, String token, String replyXml, String timestamp, String nonce,
            byte[] random16) {
        return envelope(cipher.encrypt(replyXml, random16), token, timestamp, nonce);
    }

    /** The envelope around an already encrypted value, signed with {@code token}. */
    public static String envelope(String encrypt, String token, String timestamp, String nonce) {
        String signature = WeChatSignature.compute(token, timestamp, nonce, encrypt);
        return "<xml>\n"
                + "<Encrypt>" + Cdata.wrap(encrypt) + "</Encrypt>\n"
                + "<MsgSignature>" + Cdata.wrap(signature) + "</MsgSignature>\n"
                + "<TimeStamp>" + timestamp + "</TimeStamp>\n"
                + "<Nonce>" + Cdata.wrap(nonce) + "</Nonce>\n"
                + "</xml>";
    }

    /** A nine- or ten-digit decimal nonce, like the ones WeChat sends. */
    public static String newNonce() {
        return Long.toString(100_000_000L + (NONCES.nextLong() & Long.MAX_VALUE) % 4_200_000_000L);
    }
}
