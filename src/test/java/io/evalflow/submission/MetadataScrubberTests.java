package io.evalflow.submission;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import io.evalflow.DocumentInspector;
import io.evalflow.TestCampaigns;
import io.evalflow.TestDocuments;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.hpsf.DocumentSummaryInformation;
import org.apache.poi.hpsf.PropertySetFactory;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every accepted file kind loses the properties that name its writer or unit, keeps what
 * it says, and a file that cannot be cleaned is reported, not thrown.
 */
class MetadataScrubberTests {

	static final String AUTHOR = "欧阳澜汐";

	static final String UNIT = "澜沧江示范市数据资源管理局";

	static final String PARENT = "澜沧江示范市人民政府";

	static final List<String> NAMES = List.of(AUTHOR, UNIT, PARENT);

	@Test
	void pdfLosesInformationXmpAndCommentAuthorsButKeepsItsText() throws IOException {
		byte[] original = TestDocuments.pdf(AUTHOR, UNIT);
		assertThat(DocumentInspector.find(original, NAMES)).isNotEmpty();

		ScrubbedFile result = MetadataScrubber.scrub(ContentType.PDF, original);

		assertThat(result.status()).isEqualTo(MetadataStatus.CLEANED);
		assertThat(result.removed()).contains(MetadataField.AUTHOR, MetadataField.TITLE, MetadataField.CUSTOM,
				MetadataField.SOFTWARE, MetadataField.XMP, MetadataField.REVIEWERS);
		assertThat(DocumentInspector.find(result.cleaned(), NAMES)).isEmpty();
		try (PDDocument cleaned = Loader.loadPDF(result.cleaned())) {
			assertThat(new PDFTextStripper().getText(cleaned)).contains(TestDocuments.BODY);
			assertThat(cleaned.getDocumentCatalog().getMetadata()).isNull();
			assertThat(cleaned.getPage(0).getAnnotations()).hasSize(1);
		}
	}

	@Test
	void pdfWithoutPropertiesNeedsNoCopy() {
		assertThat(MetadataScrubber.scrub(ContentType.PDF, TestCampaigns.PDF).status()).isEqualTo(MetadataStatus.NONE);
	}

	@Test
	void passwordProtectedPdfCannotBeCleaned() throws IOException {
		for (String userPassword : List.of("", "open-sesame")) {
			try (PDDocument document = Loader.loadPDF(TestDocuments.pdf(AUTHOR, UNIT))) {
				document.protect(new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission()));
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				document.save(out);
				ScrubbedFile result = MetadataScrubber.scrub(ContentType.PDF, out.toByteArray());
				assertThat(result.status()).isEqualTo(MetadataStatus.FAILED);
				assertThat(result.problem()).isEqualTo(MetadataProblem.ENCRYPTED);
			}
		}
	}

	@Test
	void brokenFilesAreReportedAsDamagedNotThrown() {
		byte[] brokenPdf = "%PDF-1.7\nthis is not a PDF at all".getBytes(StandardCharsets.US_ASCII);
		byte[] brokenDocx = zipWith("word/document.xml", "<not-xml");
		byte[] truncatedJpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x40, 0x00, 'E', 'x' };
		byte[] brokenDoc = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1,
				0, 0 };
		for (var broken : List.of(new Object[] { ContentType.PDF, brokenPdf },
				new Object[] { ContentType.DOCX, brokenDocx }, new Object[] { ContentType.JPEG, truncatedJpeg },
				new Object[] { ContentType.DOC, brokenDoc })) {
			ScrubbedFile result = MetadataScrubber.scrub((ContentType) broken[0], (byte[]) broken[1]);
			assertThat(result.status()).as(broken[0].toString()).isEqualTo(MetadataStatus.FAILED);
			assertThat(result.problem()).as(broken[0].toString()).isEqualTo(MetadataProblem.DAMAGED);
		}
	}

	@Test
	void docxLosesCoreExtendedCustomPropertiesAndCommentAuthorsButKeepsItsText() throws Exception {
		byte[] original = TestDocuments.docx(AUTHOR, UNIT, PARENT);
		assertThat(DocumentInspector.find(original, NAMES)).isNotEmpty();

		ScrubbedFile result = MetadataScrubber.scrub(ContentType.DOCX, original);

		assertThat(result.status()).isEqualTo(MetadataStatus.CLEANED);
		assertThat(result.removed()).contains(MetadataField.AUTHOR, MetadataField.LAST_MODIFIED_BY, MetadataField.TITLE,
				MetadataField.COMPANY, MetadataField.MANAGER, MetadataField.CUSTOM, MetadataField.REVIEWERS);
		assertThat(DocumentInspector.find(result.cleaned(), NAMES)).isEmpty();
		assertThat(AttachmentStorage.detect(result.cleaned())).contains(ContentType.DOCX);
		try (XWPFDocument cleaned = new XWPFDocument(new ByteArrayInputStream(result.cleaned()));
				XWPFWordExtractor text = new XWPFWordExtractor(cleaned)) {
			assertThat(text.getText()).contains(TestDocuments.BODY);
			assertThat(cleaned.getProperties().getCoreProperties().getCreator()).isNull();
			assertThat(cleaned.getComments()).hasSize(1);
		}
	}

	@Test
	void legacyWordLosesItsPropertySets() throws Exception {
		ScrubbedFile result = MetadataScrubber.scrub(ContentType.DOC, legacyWord(0, "正文"));

		assertThat(result.status()).isEqualTo(MetadataStatus.CLEANED);
		assertThat(result.removed()).contains(MetadataField.AUTHOR, MetadataField.COMPANY);
		assertThat(DocumentInspector.find(result.cleaned(), NAMES)).isEmpty();
		try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(result.cleaned()))) {
			assertThat(fs.getRoot().hasEntry(SummaryInformation.DEFAULT_STREAM_NAME)).isFalse();
			assertThat(fs.getRoot().hasEntry(DocumentSummaryInformation.DEFAULT_STREAM_NAME)).isFalse();
			assertThat(fs.getRoot().hasEntry("WordDocument")).isTrue();
		}
	}

	@Test
	void legacyWordThatStillNamesItsAuthorInsideOrIsEncryptedIsNotCleaned() throws Exception {
		ScrubbedFile residual = MetadataScrubber.scrub(ContentType.DOC, legacyWord(0, "saved by " + AUTHOR));
		assertThat(residual.status()).isEqualTo(MetadataStatus.FAILED);
		assertThat(residual.problem()).isEqualTo(MetadataProblem.RESIDUAL);

		ScrubbedFile encrypted = MetadataScrubber.scrub(ContentType.DOC, legacyWord(0x0100, "正文"));
		assertThat(encrypted.problem()).isEqualTo(MetadataProblem.ENCRYPTED);
	}

	@Test
	void jpegLosesExifAndCommentsAndStillDecodes() throws IOException {
		byte[] plain = image("jpg");
		byte[] exif = segment(0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), utf8(UNIT)));
		byte[] comment = segment(0xFE, utf8(AUTHOR));
		byte[] tagged = concat(slice(plain, 0, 2), exif, comment, slice(plain, 2, plain.length));

		ScrubbedFile result = MetadataScrubber.scrub(ContentType.JPEG, tagged);

		assertThat(result.status()).isEqualTo(MetadataStatus.CLEANED);
		assertThat(result.removed()).containsExactlyInAnyOrder(MetadataField.EXIF, MetadataField.IMAGE_TEXT);
		assertThat(result.cleaned()).isEqualTo(plain);
		assertThat(ImageIO.read(new ByteArrayInputStream(result.cleaned()))).isNotNull();
	}

	@Test
	void pngLosesTextChunksAndStillDecodes() throws IOException {
		byte[] plain = image("png");
		byte[] text = chunk("tEXt", concat("Author\0".getBytes(StandardCharsets.ISO_8859_1), utf8(AUTHOR)));
		int afterHeader = 8 + 12 + 13;
		byte[] tagged = concat(slice(plain, 0, afterHeader), text, slice(plain, afterHeader, plain.length));

		ScrubbedFile result = MetadataScrubber.scrub(ContentType.PNG, tagged);

		assertThat(result.removed()).containsExactly(MetadataField.IMAGE_TEXT);
		assertThat(result.cleaned()).isEqualTo(plain);
		assertThat(ImageIO.read(new ByteArrayInputStream(result.cleaned()))).isNotNull();
		assertThat(MetadataScrubber.scrub(ContentType.PNG, plain).status()).isEqualTo(MetadataStatus.NONE);
	}

	/**
	 * An OLE2 file with Word's FIB header (flags as given), a text stream, and property
	 * sets naming the author and the unit.
	 */
	private static byte[] legacyWord(int fibFlags, String text) throws Exception {
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			ByteBuffer fib = ByteBuffer.allocate(64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
			fib.putShort(0, (short) 0xA5EC);
			fib.putShort(10, (short) fibFlags);
			byte[] body = concat(fib.array(), text.getBytes(StandardCharsets.UTF_16LE));
			fs.createDocument(new ByteArrayInputStream(body), "WordDocument");
			SummaryInformation si = PropertySetFactory.newSummaryInformation();
			si.setAuthor(AUTHOR);
			si.setLastAuthor(AUTHOR);
			si.setTitle(UNIT);
			si.write(fs.getRoot(), SummaryInformation.DEFAULT_STREAM_NAME);
			DocumentSummaryInformation dsi = PropertySetFactory.newDocumentSummaryInformation();
			dsi.setCompany(UNIT);
			dsi.setManager(PARENT);
			dsi.write(fs.getRoot(), DocumentSummaryInformation.DEFAULT_STREAM_NAME);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			fs.writeFilesystem(out);
			return out.toByteArray();
		}
	}

	private static byte[] image(String format) throws IOException {
		BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 3, 0x3366CC);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, format, out);
		return out.toByteArray();
	}

	private static byte[] segment(int marker, byte[] payload) {
		int length = payload.length + 2;
		return concat(new byte[] { (byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length }, payload);
	}

	private static byte[] chunk(String type, byte[] data) {
		byte[] typeAndData = concat(type.getBytes(StandardCharsets.ISO_8859_1), data);
		CRC32 crc = new CRC32();
		crc.update(typeAndData);
		return concat(ByteBuffer.allocate(4).putInt(data.length).array(), typeAndData,
				ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	private static byte[] zipWith(String name, String content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
			zip.putNextEntry(new java.util.zip.ZipEntry(name));
			zip.write(utf8(content));
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] slice(byte[] data, int from, int to) {
		return java.util.Arrays.copyOfRange(data, from, to);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
