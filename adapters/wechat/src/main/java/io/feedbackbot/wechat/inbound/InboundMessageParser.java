package io.feedbackbot.wechat.inbound;

import io.feedbackbot.wechat.xml.MalformedXmlException;
import io.feedbackbot.wechat.xml.SafeXmlReader;
import io.feedbackbot.wechat.xml.XmlFields;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the fields of a (plain or decrypted) WeChat push into an {@link InboundMessage}. Missing common fields,
 * a text message without MsgId or a non-numeric id make the push malformed; unknown message types and events are
 * kept, not rejected, so WeChat's additions never produce errors.
 */
public final class InboundMessageParser {

    private InboundMessageParser() {
    }

    /** Parses a whole document. */
    public static InboundMessage parse(byte[] xml) throws MalformedXmlException {
        return parse(SafeXmlReader.read(xml));
    }

    /** Parses fields already read. */
    public static InboundMessage parse(XmlFields fields) throws MalformedXmlException {
        InboundMessage.Header header = new InboundMessage.Header(
                fields.require("ToUserName"), fields.require("FromUserName"), fields.requireLong("CreateTime"));
        String msgType = fields.require("MsgType").trim();
        return switch (msgType.toLowerCase(Locale.ROOT)) {
            case "text" -> new InboundMessage.Text(header,
                    fields.get("Content").orElseThrow(() -> new MalformedXmlException("missing <Content>")),
                    fields.optionalDigits("MsgId").orElseThrow(() -> new MalformedXmlException("missing <MsgId>")));
            case "event" -> event(header, fields);
            default -> new InboundMessage.NonText(header, NonTextKind.fromMsgType(msgType), msgType,
                    fields.optionalDigits("MsgId", "MsgID"));
        };
    }

    private static InboundEvent event(InboundMessage.Header header, XmlFields fields) throws MalformedXmlException {
        String event = fields.require("Event").trim();
        Optional<String> key = fields.nonBlank("EventKey");
        Optional<String> ticket = fields.nonBlank("Ticket");
        return switch (event.toUpperCase(Locale.ROOT)) {
            case "SUBSCRIBE" -> new InboundEvent.Subscribe(header, key, ticket);
            case "UNSUBSCRIBE" -> new InboundEvent.Unsubscribe(header);
            case "CLICK" -> new InboundEvent.MenuClick(header, fields.require("EventKey"));
            case "SCAN" -> new InboundEvent.QrScan(header, fields.require("EventKey"), ticket);
            case "TEMPLATESENDJOBFINISH" -> {
                String status = fields.get("Status").orElse("");
                long msgId = fields.optionalLong("MsgID", "MsgId")
                        .orElseThrow(() -> new MalformedXmlException("missing <MsgID>"));
                yield new InboundEvent.TemplateSendJobFinished(
                        header, msgId, TemplateDeliveryStatus.fromWire(status), status);
            }
            default -> new InboundEvent.Other(header, event, key);
        };
    }
}
