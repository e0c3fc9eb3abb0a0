package io.evalflow.review.web;

import java.util.Set;
import java.util.TreeSet;

import io.evalflow.account.Unit;
import io.evalflow.review.Expert;

/**
 * An expert of the pool.
 */
record ExpertView(Long id, Long accountId, String username, String name, Long unitId, String unitName, String region,
		String title, Set<String> categoryCodes, int loadCap, boolean active) {

	static ExpertView of(Expert e, String username, Unit unit) {
		return new ExpertView(e.getId(), e.getAccountId(), username, e.getName(), e.getUnitId(),
				(unit != null) ? unit.getName() : null, e.getRegion(), e.getTitle(),
				new TreeSet<>(e.getCategoryCodes()), e.getLoadCap(), e.isActive());
	}

}
