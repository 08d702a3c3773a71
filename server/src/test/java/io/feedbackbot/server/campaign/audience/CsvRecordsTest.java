package io.feedbackbot.server.campaign.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 records from a stream, with the line each one starts on. */
class CsvRecordsTest {

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() throws IOException {
        CsvRecords csv = new CsvRecords(new StringReader(
                "id,phone,note\r\n1,138,\"a, b\"\r\n2,139,\"she said \"\"hi\"\"\"\r\n3,137,\"two\r\nlines\"\r\n4,136,x\r\n"));

        assertEquals(List.of("id", "phone", "note"), csv.next());
        assertEquals(List.of("1", "138", "a, b"), csv.next());
        assertEquals(2, csv.line());
        assertEquals(List.of("2", "139", "she said \"hi\""), csv.next());
        assertEquals(List.of("3", "137", "two\r\nlines"), csv.next());
        assertEquals(4, csv.line());
        assertEquals(List.of("4", "136", "x"), csv.next());
        assertEquals(6, csv.line(), "the quoted line break moved the next record down a line");
        assertNull(csv.next());
    }

    @Test
    void linesEndInLfCrOrCrlfAndBlankLinesAreSkipped() throws IOException {
        CsvRecords csv = new CsvRecords(new StringReader("a,b\n\n1,2\r3,4\r\n\r\n5,\n"));

        assertEquals(List.of("a", "b"), csv.next());
        assertEquals(List.of("1", "2"), csv.next());
        assertEquals(3, csv.line());
        assertEquals(List.of("3", "4"), csv.next());
        assertEquals(List.of("5", ""), csv.next());
        assertEquals(6, csv.line());
        assertNull(csv.next());
    }

    @Test
    void aStrayQuoteInsideAnUnquotedFieldIsText() throws IOException {
        CsvRecords csv = new CsvRecords(new StringReader("5\" screen,ok\n\"closed\"tail,x"));

        assertEquals(List.of("5\" screen", "ok"), csv.next());
        assertEquals(List.of("closedtail", "x"), csv.next());
    }

    @Test
    void aQuoteThatNeverEndsNamesTheLineItStartedOn() throws IOException {
        CsvRecords csv = new CsvRecords(new StringReader("id,phone\n1,\"138\n2,139\n"));
        csv.next();

        CsvRecords.MalformedCsvException e = assertThrows(CsvRecords.MalformedCsvException.class, csv::next);

        assertEquals(2, e.line());
        assertEquals("a quoted field that starts on line 2 never ends", e.getMessage());
    }

    @Test
    void aLastRecordWithoutALineBreakIsRead() throws IOException {
        CsvRecords csv = new CsvRecords(new StringReader("a\nb"));
        csv.next();

        assertEquals(List.of("b"), csv.next());
        assertNull(csv.next());
    }
}
