package io.evalflow.review;

import java.util.List;

/**
 * What an import added: the experts, each with their initial password, and the units it
 * created, parents first.
 */
public record ExpertImportResult(List<Imported> experts, List<String> unitsCreated) {

	public ExpertImportResult {
		experts = List.copyOf(experts);
		unitsCreated = List.copyOf(unitsCreated);
	}

	public List<InitialPassword> passwords() {
		return this.experts.stream().map(Imported::password).toList();
	}

	public record Imported(Expert expert, InitialPassword password) {

	}

}
