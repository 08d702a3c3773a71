package io.feedbackbot.wechat.sim;

import okhttp3.HttpUrl;

/**
 * One push exactly as WeChat would send it: the URL with its signed query and the XML body. Posting the same
 * push twice is what a WeChat retry looks like.
 *
 * @param plainXml the message before encryption, for display and assertions
 */
public record SimulatedPush(HttpUrl url, String body, String plainXml) {
}
