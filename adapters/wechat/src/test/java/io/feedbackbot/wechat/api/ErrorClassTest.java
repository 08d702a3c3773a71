package io.feedbackbot.wechat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassTest {

    @ParameterizedTest(name = "errcode {0} is {1}")
    @CsvSource({
        "0, OK",
        "-1, BUSY",
        "40001, TOKEN_INVALID",
        "40014, TOKEN_INVALID",
        "42001, TOKEN_INVALID",
        "45009, QUOTA",
        "45011, QUOTA",
        "45015, WINDOW_CLOSED",
        "45047, BUDGET_SPENT",
        "43004, PERMANENT",
        "43019, PERMANENT",
        "40003, PERMANENT",
        "48001, PERMANENT",
        "50002, PERMANENT",
        "99999, PERMANENT"
    })
    void errcodesAreClassifiedAsProtocolsMdSection25Says(int errcode, ErrorClass expected) {
        assertEquals(expected, ErrorClass.of(errcode));
    }
}
