package ru.journalarchive.rendering;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Makes a laid-out document a PDF/A-3B file (ISO 19005-3, conformance level B): output intent, matching
 * Info dictionary and XMP metadata, document language, a deterministic file identifier, and the frozen JSON
 * embedded as an associated file. Every value comes from the inputs, none from the clock or a random source.
 */
final class PdfaConformance {

    static final String PRODUCER = "Journal Archive (Apache PDFBox 3)";
    static final String CREATOR_TOOL = "Journal Archive";
    static final String LANGUAGE = "ru-RU";
    static final String JSON_MIME = "application/json";
    private static final String SRGB = "sRGB IEC61966-2.1";

    /** The JDK's built-in sRGB profile, read once; the same bytes on every call. */
    private static final byte[] SRGB_PROFILE = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    /**
     * Creating an XmpSerializer looks up XML factories on the classpath, which costs more than the rest of the
     * metadata; each rendering thread keeps one (it is not thread-safe).
     */
    private static final ThreadLocal<XmpSerializer> SERIALIZER = ThreadLocal.withInitial(PdfaConformance::serializer);

    private PdfaConformance() {
    }

    /** What the metadata says about the document. */
    record Description(String title, String author, Instant createdAt, byte[] fileId) {
    }

    /** The file that travels inside the PDF. */
    record Attachment(String fileName, String description, byte[] content) {
    }

    static void apply(PDDocument document, Description description, Attachment attachment) throws IOException {
        // PDF/A-3 is based on PDF 1.7 (ISO 32000-1); the header says so.
        document.setVersion(1.7f);
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        Calendar created = calendar(description.createdAt());

        // 6.2.4.3 / 6.2.3: device colours require a PDF/A output intent; ours is sRGB with the ICC profile embedded.
        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(SRGB_PROFILE));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);

        // 6.6.2.3.1: the Info dictionary entries used here have XMP equivalents with the same values (below).
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(description.title());
        info.setAuthor(description.author());
        info.setCreator(CREATOR_TOOL);
        info.setProducer(PRODUCER);
        info.setCreationDate(created);
        info.setModificationDate(created);

        // 6.6.2.1: the catalog carries an XMP metadata stream; 6.6.4: it identifies the PDF/A part and conformance.
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xmp(description, created));
        catalog.setMetadata(metadata);

        // Natural language of the text (ISO 32000-1, 14.9.2), for text extraction and assistive technology.
        catalog.setLanguage(LANGUAGE);
        PDViewerPreferences preferences = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);

        // 6.1.3: the trailer has an ID. Derived from the frozen JSON's hash instead of PDFBox's time-based default,
        // so that a re-rendering gives the same bytes. Both halves equal: this is the document's first version.
        COSArray id = new COSArray();
        id.add(new COSString(description.fileId()));
        id.add(new COSString(description.fileId()));
        document.getDocument().getTrailer().setItem(COSName.ID, id);

        embed(document, catalog, attachment, created);
    }

    /**
     * Embeds the frozen JSON. PDF/A-3 6.8: an embedded file is allowed when its file specification has /F and /UF,
     * an /AFRelationship, and is associated with the document through the catalog's /AF array; its stream has
     * a MIME /Subtype and /Params with /ModDate.
     */
    private static void embed(PDDocument document, PDDocumentCatalog catalog, Attachment attachment,
            Calendar created) throws IOException {
        PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(attachment.content()),
                COSName.FLATE_DECODE);
        file.setSubtype(JSON_MIME);
        file.setSize(attachment.content().length);
        file.setCreationDate(created);
        file.setModDate(created);

        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(attachment.fileName());
        spec.setFileUnicode(attachment.fileName());
        spec.setFileDescription(attachment.description());
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        // The JSON is the source the pages were rendered from.
        spec.getCOSObject().setName(COSName.AF_RELATIONSHIP, "Source");

        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of(attachment.fileName(), spec));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
        names.setEmbeddedFiles(tree);
        catalog.setNames(names);

        COSArray associated = new COSArray();
        associated.add(spec);
        catalog.getCOSObject().setItem(COSName.AF, associated);
    }

    private static byte[] xmp(Description description, Calendar created) throws IOException {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(description.title());
        dc.addCreator(description.author());
        dc.setFormat("application/pdf");
        dc.addLanguage(LANGUAGE);

        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreateDate(created);
        basic.setModifyDate(created);
        basic.setMetadataDate(created);
        basic.setCreatorTool(CREATOR_TOOL);

        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(PRODUCER);

        PDFAIdentificationSchema pdfaId = xmp.createAndAddPDFAIdentificationSchema();
        pdfaId.setPart(3);
        try {
            pdfaId.setConformance("B");
        } catch (BadFieldValueException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            SERIALIZER.get().serialize(xmp, out, true);
        } catch (TransformerException e) {
            throw new IOException("Cannot write the XMP metadata", e);
        }
        return out.toByteArray();
    }

    private static XmpSerializer serializer() {
        return new XmpSerializer();
    }

    /** The freezing moment in UTC, to whole seconds: PDF dates have no fractions, and XMP must equal them. */
    static Calendar calendar(Instant instant) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.setTimeInMillis(instant.truncatedTo(ChronoUnit.SECONDS).toEpochMilli());
        return calendar;
    }

    /** The first 16 bytes of a SHA-256 digest: the file identifier. */
    static byte[] fileId(byte[] sha256) {
        return Arrays.copyOf(sha256, 16);
    }
}
