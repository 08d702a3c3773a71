package io.feedbackbot.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvWriterTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain|plain",
            "-12.5|-12.5",
            "-100|-100",
            "=1+1|'=1+1",
            "-1+2|'-1+2",
            "+86 138|'+86 138",
            "@SUM(A1)|'@SUM(A1)",
            "a,b|`\"a,b\"`",
            "say \"hi\"|`\"say \"\"hi\"\"\"`",
            "` lead`|`\" lead\"`",
    })
    void fieldsAreQuotedAndFormulasNeutralisedButNumbersStayNumbers(String value, String expected) {
        assertEquals(expected, CsvWriter.field(value));
    }

    @Test
    void rowsEndWithCrLf() {
        assertEquals("a,,\"b,c\"\r\n", CsvWriter.row(List.of("a", "", "b,c")));
    }
}
