package io.feedbackbot.wechat.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OpenIdMaskTest {

    @Test
    void aRealOpenIdKeepsOnlyItsFirstFourAndLastTwoCharacters() {
        assertEquals("oyOR***rs", OpenIdMask.mask("oyORnuP8q7ou2gfYjqLzSIWZf0rs"));
    }

    @Test
    void shortValuesAreHiddenCompletely() {
        assertEquals("***", OpenIdMask.mask("o123"));
        assertEquals("null", OpenIdMask.mask(null));
    }
}
