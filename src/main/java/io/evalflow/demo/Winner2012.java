package io.evalflow.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.core.io.ClassPathResource;

/**
 * One of the 40 published winners of 2012 (附件一), copied into
 * {@code demo/winners-2012.tsv}. Joint applicants are published as one string joined with
 * 、: the first is the lead unit.
 */
record Winner2012(String categoryCode, int seq, String units, String title, boolean individual) {

	static final String RESOURCE = "demo/winners-2012.tsv";

	List<String> unitNames() {
		return Arrays.stream(this.units.split("、")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	static List<Winner2012> load() {
		List<Winner2012> winners = new ArrayList<>();
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
			in.readLine();
			String line;
			while ((line = in.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				String[] f = line.split("\t");
				winners.add(new Winner2012(f[0], Integer.parseInt(f[1]), f[2], f[3], Boolean.parseBoolean(f[4])));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return winners;
	}

}
