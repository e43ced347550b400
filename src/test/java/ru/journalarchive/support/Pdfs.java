package ru.journalarchive.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads what a person or a machine would read out of an archived PDF: its text and its embedded files.
 */
public final class Pdfs {

    private Pdfs() {
    }

    /** The text of every page. */
    public static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The bytes of every embedded file, in name-tree order. */
    public static List<byte[]> embeddedFiles(byte[] pdf) throws IOException {
        List<byte[]> files = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
            if (names == null || names.getEmbeddedFiles() == null) {
                return files;
            }
            collect(names.getEmbeddedFiles(), files);
        }
        return files;
    }

    private static void collect(org.apache.pdfbox.pdmodel.common.PDNameTreeNode<PDComplexFileSpecification> node,
            List<byte[]> files) throws IOException {
        Map<String, PDComplexFileSpecification> entries = node.getNames();
        if (entries != null) {
            for (PDComplexFileSpecification spec : entries.values()) {
                files.add(spec.getEmbeddedFile().toByteArray());
            }
        }
        if (node.getKids() != null) {
            for (var kid : node.getKids()) {
                collect(kid, files);
            }
        }
    }
}
