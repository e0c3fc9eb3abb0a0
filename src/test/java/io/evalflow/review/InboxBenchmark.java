package io.evalflow.review;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.evalflow.TestCampaigns;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The expert's inbox page with 1,000,000 reviews in the database: 20,000 experts, four
 * campaigns of three rounds, five experts per application, the last round of each open.
 * The data is written once with JDBC batches and reused by later runs. Run with
 * {@code ./mvnw -Pbench test} (MariaDB); prints the page's latency percentiles.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InboxBenchmark {

	private static final int EXPERTS = 20_000;

	private static final int CAMPAIGNS = 4;

	private static final int APPLICATIONS_PER_CAMPAIGN = 16_667;

	private static final int K = 5;

	private static final String PREFIX = "bench-inbox";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CampaignService campaigns;

	@Autowired
	UserDetailsService users;

	@Test
	void inboxWithAMillionReviews() throws Exception {
		long start = System.nanoTime();
		Long reviews = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM review r JOIN expert e ON e.id = r.expert_id JOIN account a ON a.id = e.account_id "
						+ "WHERE a.username LIKE '" + PREFIX + "-%'",
				Long.class);
		if (reviews == null || reviews < 1_000_000) {
			generate();
		}
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) FROM review", Long.class);
		System.out.printf("BENCH inbox_reviews_in_database %d reviews%n", total);
		System.out.printf("BENCH inbox_data_ready %.1f s%n", (System.nanoTime() - start) / 1e9);
		assertThat(total).isGreaterThanOrEqualTo(1_000_000L);

		Random random = new Random(2012);
		long[] latencies = new long[1_000];
		long[] cpu = new long[latencies.length];
		// Warm up the JIT and the pools first: the page's cost in a running server.
		for (int i = 0; i < 500; i++) {
			inbox(random, latencies, cpu, 0);
		}
		for (int i = 0; i < latencies.length; i++) {
			inbox(random, latencies, cpu, i);
		}
		Arrays.sort(latencies);
		Arrays.sort(cpu);
		System.out.printf("BENCH inbox_p50_1M %.1f ms%n", latencies[latencies.length / 2] / 1e6);
		System.out.printf("BENCH inbox_p95_1M %.1f ms%n", latencies[latencies.length * 95 / 100] / 1e6);
		System.out.printf("BENCH inbox_p99_1M %.1f ms%n", latencies[latencies.length * 99 / 100] / 1e6);
		// The server's own CPU per page (the request runs on this thread under MockMvc):
		// what
		// the latency would be on an idle machine, less the database's share.
		System.out.printf("BENCH inbox_cpu_p50_1M %.1f ms%n", cpu[cpu.length / 2] / 1e6);
		System.out.printf("BENCH inbox_cpu_p95_1M %.1f ms%n", cpu[cpu.length * 95 / 100] / 1e6);
		System.out.printf("BENCH inbox_load_average %.1f%n",
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private void inbox(Random random, long[] latencies, long[] cpu, int i) throws Exception {
		UserDetails expert = this.users.loadUserByUsername(PREFIX + "-" + random.nextInt(EXPERTS));
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long cpuStart = threads.getCurrentThreadCpuTime();
		long start = System.nanoTime();
		this.mvc.perform(get("/expert").with(user(expert))).andExpect(status().isOk());
		latencies[i] = System.nanoTime() - start;
		cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
	}

	private void generate() {
		Timestamp now = Timestamp.from(Instant.now());
		long unitBase = nextId("org_unit");
		long applicant = nextId("account");
		this.jdbc.update("INSERT INTO org_unit (id, name, unit_type, created_at) VALUES (?, ?, 'LOCAL_GOVERNMENT', ?)",
				unitBase, PREFIX + " 申报单位 " + unitBase, now);
		this.jdbc.update(
				"INSERT INTO account (id, username, password_hash, display_name, role, unit_id, enabled, "
						+ "created_at) VALUES (?, ?, '{noop}unused', '申报人', 'APPLICANT', ?, TRUE, ?)",
				applicant, PREFIX + "-applicant-" + applicant, unitBase, now);
		unitBase++;
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < EXPERTS; i++) {
			rows.add(new Object[] { unitBase + i, PREFIX + " 单位 " + i + " " + unitBase, "RESEARCH_INSTITUTE", now });
		}
		this.jdbc.batchUpdate("INSERT INTO org_unit (id, name, unit_type, created_at) VALUES (?, ?, ?, ?)", rows);
		long accountBase = nextId("account");
		rows.clear();
		for (int i = 0; i < EXPERTS; i++) {
			rows.add(new Object[] { accountBase + i, PREFIX + "-" + i, "专家 " + i, unitBase + i, now });
		}
		this.jdbc.batchUpdate("INSERT INTO account (id, username, password_hash, display_name, role, unit_id, enabled, "
				+ "created_at) VALUES (?, ?, '{noop}unused', ?, 'EXPERT', ?, TRUE, ?)", rows);
		long expertBase = nextId("expert");
		rows.clear();
		for (int i = 0; i < EXPERTS; i++) {
			rows.add(new Object[] { expertBase + i, accountBase + i, "专家 " + i, unitBase + i, now });
		}
		this.jdbc.batchUpdate("INSERT INTO expert (id, account_id, name, unit_id, load_cap, active, synthetic, "
				+ "created_at) VALUES (?, ?, ?, ?, 1000, FALSE, TRUE, ?)", rows);
		Random random = new Random(7);
		for (int c = 0; c < CAMPAIGNS; c++) {
			Campaign campaign = this.campaigns
				.create(TestCampaigns.threeRounds(TestCampaigns.unique(PREFIX), 10, 100, 10, K));
			long applicationBase = nextId("application");
			rows.clear();
			for (int a = 0; a < APPLICATIONS_PER_CAMPAIGN; a++) {
				rows.add(new Object[] { applicationBase + a, campaign.getId(),
						campaign.getCategories().get(a % 4).getId(), "基准案例 " + a, unitBase + (a % EXPERTS), applicant,
						now, now });
			}
			this.jdbc.batchUpdate("INSERT INTO application (id, campaign_id, category_id, title, lead_unit_id, "
					+ "created_by, status, round_no, synthetic, created_at, updated_at, version) "
					+ "VALUES (?, ?, ?, ?, ?, ?, 'IN_REVIEW', 3, TRUE, ?, ?, 0)", rows);
			List<ReviewRound> rounds = campaign.getRounds();
			Timestamp deadline = Timestamp.from(Instant.now().plus(30, ChronoUnit.DAYS));
			this.jdbc.update("UPDATE review_round SET status = 'OPEN', opened_at = ?, deadline = ? WHERE id = ?", now,
					deadline, rounds.get(2).getId());
			for (int r = 0; r < rounds.size(); r++) {
				boolean open = r == rounds.size() - 1;
				rows.clear();
				for (int a = 0; a < APPLICATIONS_PER_CAMPAIGN; a++) {
					for (int j = 0; j < K; j++) {
						long expert = expertBase + (a * 7L + r * 13L + c * 101L + j * 4001L) % EXPERTS;
						Timestamp due = Timestamp.from(Instant.now().plus(1 + random.nextInt(30), ChronoUnit.DAYS));
						rows.add(new Object[] { "bench-" + c + "-" + r + "-" + a + "-" + j, rounds.get(r).getId(),
								applicationBase + a, expert, open ? "ASSIGNED" : "SUBMITTED", now, due });
					}
					if (rows.size() >= 10_000) {
						insertReviews(rows);
					}
				}
				insertReviews(rows);
			}
		}
	}

	private void insertReviews(List<Object[]> rows) {
		this.jdbc.batchUpdate("INSERT INTO review (task_id, round_id, application_id, expert_id, status, assigned_at, "
				+ "due_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 0)", rows);
		rows.clear();
	}

	private long nextId(String table) {
		Long max = this.jdbc.queryForObject("SELECT MAX(id) FROM " + table, Long.class);
		return (max == null) ? 1 : max + 1_000;
	}

}
