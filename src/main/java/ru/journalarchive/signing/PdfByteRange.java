package ru.journalarchive.signing;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and checks a signature's /ByteRange and the hex {@code /Contents} gap between its two parts. */
final class PdfByteRange {

    private static final Pattern BYTE_RANGE =
            Pattern.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]");

    private PdfByteRange() {
    }

    /** The last /ByteRange written in {@code pdf} from {@code from} on (the one of the newest signature). */
    static long[] last(byte[] pdf, int from) {
        String text = new String(pdf, from, pdf.length - from, StandardCharsets.ISO_8859_1);
        Matcher matcher = BYTE_RANGE.matcher(text);
        long[] found = null;
        while (matcher.find()) {
            found = new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                Long.parseLong(matcher.group(3)), Long.parseLong(matcher.group(4))};
        }
        if (found == null) {
            throw new IllegalStateException("the prepared PDF has no /ByteRange");
        }
        return found;
    }

    /** The two signed parts, concatenated. */
    static byte[] signedContent(byte[] pdf, long[] range) {
        checkWithin(pdf, range);
        byte[] content = new byte[Math.toIntExact(range[1] + range[3])];
        System.arraycopy(pdf, (int) range[0], content, 0, (int) range[1]);
        System.arraycopy(pdf, (int) range[2], content, (int) range[1], (int) range[3]);
        return content;
    }

    /** Whether the ByteRange covers the whole file except exactly one {@code <hex>} string: the /Contents. */
    static boolean coversWholeFileButContents(byte[] pdf, long[] range) {
        if (range.length != 4 || range[0] != 0 || range[1] < 0 || range[2] < range[1] + 2 || range[3] < 0
                || range[2] + range[3] != pdf.length) {
            return false;
        }
        int start = (int) range[1];
        int end = (int) range[2] - 1;
        if (pdf[start] != '<' || pdf[end] != '>') {
            return false;
        }
        for (int i = start + 1; i < end; i++) {
            if (Character.digit(pdf[i], 16) < 0) {
                return false;
            }
        }
        return true;
    }

    static void checkWithin(byte[] pdf, long[] range) {
        if (range.length != 4 || range[0] < 0 || range[1] < 0 || range[2] < range[0] + range[1] || range[3] < 0
                || range[2] + range[3] > pdf.length) {
            throw new IllegalArgumentException("the ByteRange does not fit the file");
        }
    }
}
