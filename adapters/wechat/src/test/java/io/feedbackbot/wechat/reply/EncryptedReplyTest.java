package io.feedbackbot.wechat.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.wechat.WeChatVectors.W4;
import io.feedbackbot.wechat.crypto.EncodingAesKey;
import io.feedbackbot.wechat.crypto.MessageCipher;
import io.feedbackbot.wechat.signature.WeChatSignature;
import io.feedbackbot.wechat.xml.SafeXmlReader;
import io.feedbackbot.wechat.xml.XmlFields;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EncryptedReplyTest {

    private final MessageCipher cipher = new MessageCipher(EncodingAesKey.parse(W4.AES_KEY), W4.ID);

    @Test
    void theW4ReplyIsSealedIntoExactlyTheExpectedEnvelope() {
        assertEquals(W4.ENVELOPE, EncryptedReply.seal(cipher, W4.TOKEN, W4.PLAINTEXT, W4.TIMESTAMP, W4.NONCE,
                W4.RANDOM.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aSealedReplyVerifiesAndDecryptsBackToTheReply() throws Exception {
        String reply = PassiveReply.text("oyORnuP8q7ou2gfYjqLzSIWZf0rs", "gh_1", 1_700_000_000L, "谢谢 ]]> 再见");

        XmlFields envelope = SafeXmlReader.read(EncryptedReply.seal(cipher, W4.TOKEN, reply, 1_700_000_000L));

        String encrypt = envelope.require("Encrypt");
        assertEquals(Optional.of("1700000000"), envelope.get("TimeStamp"));
        assertTrue(envelope.require("Nonce").matches("[0-9]{9,10}"), envelope.require("Nonce"));
        assertTrue(WeChatSignature.matches(envelope.require("MsgSignature"), W4.TOKEN,
                envelope.require("TimeStamp"), envelope.require("Nonce"), encrypt));
        assertEquals(reply, cipher.decrypt(encrypt).messageOrThrow());
    }
}
