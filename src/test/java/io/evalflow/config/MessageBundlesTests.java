package io.evalflow.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bundle has a Chinese (default) and an English file with the same keys and no
 * empty text.
 */
class MessageBundlesTests {

	@Test
	void everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
		Resource[] defaults = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
		int bundles = 0;
		for (Resource resource : defaults) {
			String name = resource.getFilename();
			if (name == null || name.contains("_")) {
				continue;
			}
			bundles++;
			Resource english = resource.createRelative(name.replace(".properties", "_en.properties"));
			assertThat(english.exists()).as("English bundle for " + name).isTrue();
			Properties zh = load(resource);
			Properties en = load(english);
			assertThat(new TreeSet<>(en.stringPropertyNames())).as("keys of " + name + " in English")
				.isEqualTo(new TreeSet<>(zh.stringPropertyNames()));
			assertNoBlank(name, zh);
			assertNoBlank(english.getFilename(), en);
		}
		assertThat(bundles).isGreaterThanOrEqualTo(2);
	}

	private static void assertNoBlank(String name, Properties properties) {
		Set<String> blank = new TreeSet<>();
		properties.stringPropertyNames().stream().filter(k -> properties.getProperty(k).isBlank()).forEach(blank::add);
		assertThat(blank).as("empty texts in " + name).isEmpty();
	}

	private static Properties load(Resource resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = resource.getInputStream()) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
