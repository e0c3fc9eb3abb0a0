package io.evalflow.review.expertimport;

import java.util.Set;

/**
 * One expert as a row of the spreadsheet, with the values read from it. A value that
 * could not be read is {@code null}, and a problem says why.
 *
 * @param row the spreadsheet's row number
 * @param parentUnit the parent unit's name, or {@code null} if none is given
 * @param categoryCodes the category codes; none means every category
 * @param campaignCap the most reviews over a campaign, or {@code null}
 * @param newUnit whether the row may create its unit (新单位 = Y)
 */
public record ImportRow(int row, String username, String name, String unit, String parentUnit, String region,
		String title, Set<String> categoryCodes, Integer roundCap, Integer campaignCap, String email, boolean newUnit) {

}
