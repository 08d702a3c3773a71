package io.feedbackbot.server.campaign.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Audience files in UTF-8 with or without a mark, UTF-16 with a mark, and GBK from Chinese Windows. */
class AudienceReaderTest {

    private static final String TEXT = "id,phone,store\n1,13800000000,上海人民广场店\n";

    private static String readAll(byte[] bytes, String[] encoding) throws IOException {
        AudienceReader reader = new AudienceReader(new ByteArrayInputStream(bytes));
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[7]; // small reads cross every boundary
        int n;
        while ((n = reader.read(buffer, 0, buffer.length)) >= 0) {
            out.append(buffer, 0, n);
        }
        encoding[0] = reader.encoding();
        return out.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    @Test
    void readsUtf8WithoutAMark() throws IOException {
        String[] encoding = new String[1];
        assertEquals(TEXT, readAll(TEXT.getBytes(StandardCharsets.UTF_8), encoding));
        assertEquals("utf-8", encoding[0]);
    }

    @Test
    void readsUtf8WithAMarkAndDropsTheMark() throws IOException {
        String[] encoding = new String[1];
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        assertEquals(TEXT, readAll(concat(bom, TEXT.getBytes(StandardCharsets.UTF_8)), encoding));
        assertEquals("utf-8-bom", encoding[0]);
    }

    @Test
    void readsGbkAsSavedByChineseExcel() throws IOException {
        String[] encoding = new String[1];
        assertEquals(TEXT, readAll(TEXT.getBytes(Charset.forName("GBK")), encoding));
        assertEquals("gb18030", encoding[0]);
    }

    @Test
    void decidesAtTheFirstChineseCharacterEvenFarIntoTheFile() throws IOException {
        StringBuilder ascii = new StringBuilder("id,phone,store\n");
        for (int i = 0; i < 20_000; i++) {
            ascii.append(i).append(",1380000").append(String.format("%04d", i)).append(",SH\n");
        }
        String text = ascii + "20000,13900000000,北京朝阳店\n";
        String[] encoding = new String[1];

        assertEquals(text, readAll(text.getBytes(Charset.forName("GBK")), encoding));
        assertEquals("gb18030", encoding[0]);
        assertEquals(text, readAll(text.getBytes(StandardCharsets.UTF_8), encoding));
        assertEquals("utf-8", encoding[0]);
    }

    @Test
    void readsUtf16WithAMark() throws IOException {
        String[] encoding = new String[1];
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        assertEquals(TEXT, readAll(concat(bom, TEXT.getBytes(StandardCharsets.UTF_16LE)), encoding));
        assertEquals("utf-16le-bom", encoding[0]);
    }

    @Test
    void bytesThatAreInvalidAfterTheChoiceBecomeReplacementCharacters() throws IOException {
        byte[] mixed = concat(("1,上海\n".repeat(1_000)).getBytes(StandardCharsets.UTF_8),
                "2,北京\n".getBytes(Charset.forName("GBK")));
        String[] encoding = new String[1];

        String text = readAll(mixed, encoding);

        assertEquals("utf-8", encoding[0]);
        assertEquals(true, text.startsWith("1,上海\n".repeat(1_000) + "2,"));
        assertEquals(true, text.contains("\uFFFD"));
    }

    @Test
    void anEmptyStreamIsEmpty() throws IOException {
        try (Reader reader = new AudienceReader(new ByteArrayInputStream(new byte[0]))) {
            assertEquals(-1, reader.read(new char[4], 0, 4));
        }
    }
}
