/**
 * Publication of a campaign's outcome: the results page by category (序号, 申报单位, 最佳实践名称),
 * listed unranked (排名不分先后) where the campaign says so, the finalists who go into the
 * casebook (案例集), and the same as JSON. Owns the rule that results do not exist for the
 * public until the campaign is published; organizers see a preview before. Also the
 * outcome's documents (the casebook and the winners' certificates as PDF, the organizers'
 * XLSX/CSV exports of results and scores), the organizers' statistics, and the outcome
 * e-mails sent when the results are published. Reads the other modules through their
 * services and stores nothing of its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Publication")
package io.evalflow.publication;
