package io.feedbackbot.opennlp.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabeledTextReaderTest {

    private static List<LabeledText> read(String tsv) throws IOException {
        return LabeledTextReader.read("test.tsv", new StringReader(tsv));
    }

    @Test
    void readsTwoColumnRowsAndMapsSentimentLabels() throws IOException {
        List<LabeledText> rows = read("complaint\tmy parcel is lost\nnot_complaint\tthanks!\nnegative\t太慢了\npositive\t好吃\n");
        assertEquals(List.of(Label.COMPLAINT, Label.NOT_COMPLAINT, Label.COMPLAINT, Label.NOT_COMPLAINT),
                rows.stream().map(LabeledText::label).toList());
        assertEquals("太慢了", rows.get(2).text());
        assertNull(rows.get(0).category());
    }

    @Test
    void readsTheCorpusFormatWithCategories() throws IOException {
        List<LabeledText> rows = read("# a comment\ncomplaint\tdelivery\t外卖凉了\n\nnot_complaint\t-\t很好吃\n");
        assertEquals(2, rows.size());
        assertEquals("delivery", rows.get(0).category());
        assertNull(rows.get(1).category());
    }

    @ParameterizedTest
    @ValueSource(strings = {"complaint no tab here", "maybe\tsome text", "complaint\t  ", "complaint\ta\tb\tc",
            "complaint\tDelivery Stuff\ttext"})
    void aMalformedRowNamesTheFileAndTheLine(String badRow) {
        MalformedTsvException e = assertThrows(MalformedTsvException.class,
                () -> read("complaint\tfine row\nnot_complaint\tanother fine row\n" + badRow + "\n"));
        assertEquals("test.tsv", e.source());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("test.tsv:3: "), e.getMessage());
    }

    @Test
    void readsAFileFromDisk(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("labels.tsv");
        Files.writeString(file, "\uFEFFcomplaint\tcharged twice\n", StandardCharsets.UTF_8);
        assertEquals(List.of(LabeledText.of(Label.COMPLAINT, "charged twice")), LabeledTextReader.read(file));
    }
}
