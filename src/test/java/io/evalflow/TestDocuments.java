package io.evalflow;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Office files as applicants upload them: a page of neutral text, and document properties
 * that name the unit and the person who wrote them.
 */
public final class TestDocuments {

	/** The text on the page or in the body; names nobody. */
	public static final String BODY = "Case material: one-stop online services";

	private TestDocuments() {
	}

	/**
	 * A one-page PDF whose Author, Title, a custom "Company" key, the XMP packet and a
	 * comment's author name the writer and the unit.
	 */
	public static byte[] pdf(String author, String unit) {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				content.newLineAtOffset(72, 720);
				content.showText(BODY);
				content.endText();
			}
			PDDocumentInformation info = new PDDocumentInformation();
			info.setAuthor(author);
			info.setTitle(unit + " 申报书");
			info.setCreator("Microsoft Word");
			info.setCustomMetadataValue("Company", unit);
			document.setDocumentInformation(info);
			PDMetadata xmp = new PDMetadata(document);
			xmp.importXMPMetadata(xmp(author, unit).getBytes(StandardCharsets.UTF_8));
			document.getDocumentCatalog().setMetadata(xmp);
			PDAnnotationText note = new PDAnnotationText();
			note.setRectangle(new PDRectangle(72, 600, 20, 20));
			note.setContents("Please check");
			note.getCOSObject().setString(COSName.T, author);
			page.getAnnotations().add(note);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An 8×8 JPEG with an EXIF block and a comment that name the photographer and the
	 * unit.
	 */
	public static byte[] jpeg(String author, String unit) {
		try {
			BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
			image.setRGB(2, 2, 0x2266AA);
			ByteArrayOutputStream plain = new ByteArrayOutputStream();
			ImageIO.write(image, "jpg", plain);
			byte[] bytes = plain.toByteArray();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.write(bytes, 0, 2);
			out.writeBytes(
					segment(0xE1, ("Exif\0\0Artist=" + author + ";Owner=" + unit).getBytes(StandardCharsets.UTF_8)));
			out.writeBytes(segment(0xFE, unit.getBytes(StandardCharsets.UTF_8)));
			out.write(bytes, 2, bytes.length - 2);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] segment(int marker, byte[] payload) {
		int length = payload.length + 2;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length });
		out.writeBytes(payload);
		return out.toByteArray();
	}

	private static String xmp(String author, String unit) {
		return """
				<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
				<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
				<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
				 xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
				<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>
				<pdf:Producer>%s</pdf:Producer>
				</rdf:Description></rdf:RDF></x:xmpmeta>
				<?xpacket end="w"?>""".formatted(author, unit);
	}

	/**
	 * A Word document whose creator, last-modified-by, title, company, manager, a custom
	 * property and a comment's author name the writer, the unit and its parent.
	 */
	public static byte[] docx(String author, String unit, String parentUnit) {
		try (XWPFDocument document = new XWPFDocument()) {
			document.createParagraph().createRun().setText(BODY);
			POIXMLProperties properties = document.getProperties();
			properties.getCoreProperties().setCreator(author);
			properties.getCoreProperties().setLastModifiedByUser(unit);
			properties.getCoreProperties().setTitle(unit + " 申报书");
			properties.getExtendedProperties().setCompany(unit);
			properties.getExtendedProperties().setManager(parentUnit);
			properties.getCustomProperties().addProperty("Department", unit);
			XWPFComment comment = document.createComments().createComment(BigInteger.ONE);
			comment.setAuthor(author);
			comment.setInitials(author.substring(0, 1));
			comment.createParagraph().createRun().setText("Please check");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
