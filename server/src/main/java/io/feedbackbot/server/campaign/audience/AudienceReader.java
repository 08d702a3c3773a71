package io.feedbackbot.server.campaign.audience;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an audience file whatever Excel or a CRM saved it as: UTF-8 with or without a byte-order mark, UTF-16
 * with a mark, or GBK/GB18030 (Chinese Windows' default). Without a mark it reads ASCII as it comes and decides at
 * the first non-ASCII byte: strictly valid UTF-8 there means UTF-8, anything else means GB18030 (a superset of
 * GBK). ASCII reads the same in both, so nothing read before the decision changes. Streams: memory stays at two
 * small buffers whatever the file's size.
 *
 * <p>Invariant: bytes that are invalid in the chosen encoding become U+FFFD, which the importer reports.
 */
public final class AudienceReader extends Reader {

    /** How many bytes after the first non-ASCII one are checked before choosing UTF-8. */
    static final int SNIFF = 4096;
    static final Charset GB18030 = Charset.forName("GB18030");

    private final InputStream in;
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private CharsetDecoder decoder;
    private String encoding = "us-ascii";
    private boolean started;
    private boolean eof;
    private boolean flushed;

    public AudienceReader(InputStream in) {
        this.in = in;
        bytes.flip();
    }

    /** The encoding chosen so far: {@code us-ascii} until a non-ASCII byte, then utf-8, utf-8-bom, gb18030… */
    public String encoding() {
        return encoding;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!started) {
            started = true;
            fill(4);
            readByteOrderMark();
        }
        while (true) {
            if (decoder == null) {
                int n = readAscii(cbuf, off, len);
                if (n > 0) {
                    return n;
                }
                if (bytes.hasRemaining()) {
                    fill(SNIFF);
                    choose();
                    continue;
                }
            } else {
                if (flushed) {
                    return -1;
                }
                CharBuffer out = CharBuffer.wrap(cbuf, off, len);
                CoderResult result = decoder.decode(bytes, out, eof);
                if (result.isError()) {
                    throw new IllegalStateException("decoder configured to replace reported " + result);
                }
                if (eof && !bytes.hasRemaining()) {
                    decoder.flush(out);
                    flushed = true;
                }
                if (out.position() > off) {
                    return out.position() - off;
                }
            }
            if (eof && !bytes.hasRemaining()) {
                return -1;
            }
            fill(bytes.capacity());
        }
    }

    private int readAscii(char[] cbuf, int off, int len) {
        byte[] array = bytes.array();
        int p = bytes.position();
        int end = bytes.limit();
        int n = 0;
        while (n < len && p < end && array[p] >= 0) {
            cbuf[off + n++] = (char) array[p++];
        }
        bytes.position(p);
        return n;
    }

    private void readByteOrderMark() {
        if (startsWith(0xEF, 0xBB, 0xBF)) {
            use(StandardCharsets.UTF_8, "utf-8-bom", 3);
        } else if (startsWith(0xFF, 0xFE)) {
            use(StandardCharsets.UTF_16LE, "utf-16le-bom", 2);
        } else if (startsWith(0xFE, 0xFF)) {
            use(StandardCharsets.UTF_16BE, "utf-16be-bom", 2);
        }
    }

    /** At the first non-ASCII byte: UTF-8 if what follows is strictly valid UTF-8, else GB18030. */
    private void choose() {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer sample = bytes.duplicate();
        boolean whole = sample.remaining() <= SNIFF;
        sample.limit(sample.position() + Math.min(sample.remaining(), SNIFF));
        CoderResult result = strict.decode(sample, CharBuffer.allocate(sample.remaining()), eof && whole);
        boolean utf8 = !result.isError();
        use(utf8 ? StandardCharsets.UTF_8 : GB18030, utf8 ? "utf-8" : "gb18030", 0);
    }

    private void use(Charset charset, String name, int skip) {
        bytes.position(bytes.position() + skip);
        decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        encoding = name;
    }

    private boolean startsWith(int... prefix) {
        if (bytes.remaining() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes.get(bytes.position() + i) & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads until at least {@code wanted} bytes are buffered (or the stream ends). */
    private void fill(int wanted) throws IOException {
        bytes.compact();
        try {
            while (!eof && bytes.position() < Math.min(wanted, bytes.capacity())) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
            }
        } finally {
            bytes.flip();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
