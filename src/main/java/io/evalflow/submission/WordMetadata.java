package io.evalflow.submission;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.internal.PackagePropertiesPart;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.officeDocument.x2006.extendedProperties.CTProperties;

/**
 * Removes a Word (.docx) file's core properties (creator, last modified by, title …),
 * extended properties (company, manager, template …), custom properties, and the names of
 * the authors of comments and tracked changes.
 */
final class WordMetadata {

	/**
	 * Author attributes in WordprocessingML parts: {@code w:author} on comments and
	 * tracked changes, {@code w:initials}, and people's {@code w15:author} and
	 * {@code w15:userId} (often an e-mail address).
	 */
	private static final Pattern AUTHOR_ATTRIBUTE = Pattern
		.compile("(\\s[A-Za-z][\\w.-]*:(?:author|initials|userId)=\")([^\"]+)(\")");

	private WordMetadata() {
	}

	static ScrubbedFile scrub(byte[] content) throws IOException, OpenXML4JException, XmlException {
		OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content));
		try {
			Set<MetadataField> removed = EnumSet.noneOf(MetadataField.class);
			POIXMLProperties properties = new POIXMLProperties(pkg);
			core(properties.getCoreProperties().getUnderlyingProperties(), removed);
			extended(properties.getExtendedProperties().getUnderlyingProperties(), removed);
			var custom = properties.getCustomProperties().getUnderlyingProperties();
			if (custom.sizeOfPropertyArray() > 0) {
				removed.add(MetadataField.CUSTOM);
				while (custom.sizeOfPropertyArray() > 0) {
					custom.removeProperty(0);
				}
			}
			properties.commit();
			authors(pkg, removed);
			if (removed.isEmpty()) {
				return ScrubbedFile.nothingFound();
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream(content.length);
			pkg.save(out);
			return ScrubbedFile.of(out.toByteArray(), removed);
		}
		finally {
			// Read from memory: nothing to write back, only to let go.
			pkg.revert();
		}
	}

	private static void core(PackagePropertiesPart core, Set<MetadataField> removed) {
		clear(core.getCreatorProperty(), MetadataField.AUTHOR, removed, core::setCreatorProperty);
		clear(core.getLastModifiedByProperty(), MetadataField.LAST_MODIFIED_BY, removed,
				core::setLastModifiedByProperty);
		clear(core.getTitleProperty(), MetadataField.TITLE, removed, core::setTitleProperty);
		clear(core.getSubjectProperty(), MetadataField.SUBJECT, removed, core::setSubjectProperty);
		clear(core.getKeywordsProperty(), MetadataField.KEYWORDS, removed, core::setKeywordsProperty);
		clear(core.getDescriptionProperty(), MetadataField.DESCRIPTION, removed, core::setDescriptionProperty);
		clear(core.getCategoryProperty(), MetadataField.DESCRIPTION, removed, core::setCategoryProperty);
		clear(core.getContentStatusProperty(), MetadataField.DESCRIPTION, removed, core::setContentStatusProperty);
		clear(core.getIdentifierProperty(), MetadataField.DESCRIPTION, removed, core::setIdentifierProperty);
	}

	private static void clear(Optional<String> value, MetadataField field, Set<MetadataField> removed,
			java.util.function.Consumer<Optional<String>> setter) {
		if (value.isPresent()) {
			if (!value.get().isBlank()) {
				removed.add(field);
			}
			setter.accept(Optional.empty());
		}
	}

	/** Empties app.xml: none of it is needed to open the document. */
	private static void extended(CTProperties ext, Set<MetadataField> removed) {
		if (ext.isSetCompany() && !ext.getCompany().isBlank()) {
			removed.add(MetadataField.COMPANY);
		}
		if (ext.isSetManager() && !ext.getManager().isBlank()) {
			removed.add(MetadataField.MANAGER);
		}
		if (ext.isSetTemplate() && !ext.getTemplate().isBlank() && !ext.getTemplate().startsWith("Normal.dot")) {
			removed.add(MetadataField.TEMPLATE);
		}
		if (ext.isSetHyperlinkBase() && !ext.getHyperlinkBase().isBlank()) {
			removed.add(MetadataField.CUSTOM);
		}
		if (ext.isSetApplication() && !ext.getApplication().isBlank()) {
			removed.add(MetadataField.SOFTWARE);
		}
		if (ext.isSetTitlesOfParts()) {
			// Word lists the document's title here as well.
			removed.add(MetadataField.TITLE);
		}
		ext.set(CTProperties.Factory.newInstance());
	}

	private static void authors(OPCPackage pkg, Set<MetadataField> removed) throws IOException, OpenXML4JException {
		for (PackagePart part : pkg.getParts()) {
			String name = part.getPartName().getName();
			if (!name.startsWith("/word/") || !part.getContentType().endsWith("+xml")) {
				continue;
			}
			String xml;
			try (InputStream in = part.getInputStream()) {
				xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			Matcher matcher = AUTHOR_ATTRIBUTE.matcher(xml);
			if (!matcher.find()) {
				continue;
			}
			String cleaned = matcher.replaceAll("$1$3");
			removed.add(MetadataField.REVIEWERS);
			try (OutputStream out = part.getOutputStream()) {
				out.write(cleaned.getBytes(StandardCharsets.UTF_8));
			}
		}
	}

}
