package io.evalflow.notification.web;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.evalflow.CampaignRunner;
import io.evalflow.account.Role;
import io.evalflow.notification.MailTemplate;
import io.evalflow.notification.Outbox;
import io.evalflow.notification.OutboxMessage;
import io.evalflow.notification.OutboxStatus;
import io.evalflow.notification.OutgoingMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The organizer's outbox page and its API: organizers and admins see and retry, experts
 * and applicants are refused, anonymous visitors are sent to sign in; nothing changes for
 * those refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OutboxScreensTests {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Outbox outbox;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	CampaignRunner run;

	OutboxMessage failed;

	OutboxMessage pending;

	@BeforeEach
	void setUp() {
		this.run = new CampaignRunner(this.context);
		String suffix = System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
		this.pending = enqueue("waiting-" + suffix + "@example.org");
		this.failed = enqueue("failed-" + suffix + "@example.org");
		// What the sender leaves after the last attempt.
		this.jdbc.update(
				"update outbox_message set status = 'FAILED', attempts = 5, last_error = 'MailSendException: Connection refused' where id = ?",
				this.failed.getId());
	}

	@Test
	void organizersSeeTheOutboxFilteredByStatusWithALinkInTheirNavigation() throws Exception {
		RequestPostProcessor organizer = user(this.run.user(this.run.organizer()));
		this.mvc.perform(get("/organizer/outbox").param("status", "FAILED").with(organizer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.failed.getRecipient())))
			.andExpect(content().string(containsString("MailSendException: Connection refused")))
			.andExpect(content().string(containsString("/organizer/outbox/" + this.failed.getId() + "/retry")))
			.andExpect(content().string(not(containsString(this.pending.getRecipient()))))
			.andExpect(content().string(containsString("href=\"/organizer/outbox\"")));
		this.mvc.perform(get("/organizer/outbox").with(organizer).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.pending.getRecipient())))
			.andExpect(content().string(containsString(this.pending.getSubject())))
			.andExpect(content().string(containsString("E-mail outbox")));
	}

	@Test
	void theListShowsFiftyMessagesAPageWithLinksToTheNeighbours() throws Exception {
		for (int i = 0; i < Outbox.PAGE_SIZE; i++) {
			enqueue("page" + i + "-" + System.nanoTime() + "@example.org");
		}
		RequestPostProcessor organizer = user(this.run.user(this.run.organizer()));
		this.mvc.perform(get("/organizer/outbox").param("status", "PENDING").with(organizer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/organizer/outbox?status=PENDING&amp;page=1\"")))
			.andExpect(content().string(not(containsString(this.pending.getRecipient()))));
		this.mvc.perform(get("/organizer/outbox").param("page", "1").with(organizer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/organizer/outbox?page=0\"")));
	}

	@Test
	void adminsMayOpenTheOutbox() throws Exception {
		String admin = this.run.account(Role.ADMIN, "管理员");
		this.mvc.perform(get("/organizer/outbox").with(user(this.run.user(admin))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("邮件发件箱")));
	}

	@Test
	void anOrganizerRetriesAFailedMessageKeepingItsAttempts() throws Exception {
		RequestPostProcessor organizer = user(this.run.user(this.run.organizer()));
		this.mvc
			.perform(post("/organizer/outbox/{id}/retry", this.failed.getId()).param("status", "FAILED")
				.with(organizer)
				.with(csrf()))
			.andExpect(redirectedUrl("/organizer/outbox?status=FAILED"))
			.andExpect(flash().attribute("success", containsString(this.failed.getRecipient())));
		OutboxMessage retried = this.outbox.message(this.failed.getId());
		assertThat(retried.getStatus()).isEqualTo(OutboxStatus.PENDING);
		assertThat(retried.getAttempts()).isEqualTo(5);
	}

	@Test
	void retryingAMessageThatHasNotFailedIsRefusedWithAMessage() throws Exception {
		this.mvc
			.perform(post("/organizer/outbox/{id}/retry", this.pending.getId())
				.with(user(this.run.user(this.run.organizer())))
				.with(csrf()))
			.andExpect(redirectedUrl("/organizer/outbox"))
			.andExpect(flash().attribute("error", containsString("不处于发送失败状态")));
		assertThat(this.outbox.message(this.pending.getId()).getStatus()).isEqualTo(OutboxStatus.PENDING);
	}

	@Test
	void expertsAndApplicantsAreRefused() throws Exception {
		for (String username : List.of(this.run.experts(1).get(0), this.run.applicant())) {
			RequestPostProcessor principal = user(this.run.user(username));
			this.mvc.perform(get("/organizer/outbox").with(principal)).andExpect(status().isForbidden());
			this.mvc.perform(post("/organizer/outbox/{id}/retry", this.failed.getId()).with(principal).with(csrf()))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(get("/api/v1/outbox").with(httpBasic(username, CampaignRunner.PASSWORD))
					.accept(MediaType.APPLICATION_JSON))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/api/v1/outbox/{id}/retry", this.failed.getId())
					.with(httpBasic(username, CampaignRunner.PASSWORD)))
				.andExpect(status().isForbidden());
		}
		assertThat(this.outbox.message(this.failed.getId()).getStatus()).isEqualTo(OutboxStatus.FAILED);
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/organizer/outbox").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
		this.mvc
			.perform(post("/organizer/outbox/{id}/retry", this.failed.getId()).accept(MediaType.TEXT_HTML).with(csrf()))
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/api/v1/outbox")).andExpect(status().isUnauthorized());
		assertThat(this.outbox.message(this.failed.getId()).getStatus()).isEqualTo(OutboxStatus.FAILED);
	}

	@Test
	void theApiListsPagesOfMessagesAndRetriesFailedOnes() throws Exception {
		String organizer = this.run.organizer();
		this.mvc
			.perform(
					get("/api/v1/outbox").param("status", "FAILED").with(httpBasic(organizer, CampaignRunner.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pageSize").value(Outbox.PAGE_SIZE))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.messages[0].recipient").value(this.failed.getRecipient()))
			.andExpect(jsonPath("$.messages[0].status").value("FAILED"))
			.andExpect(jsonPath("$.messages[0].attempts").value(5))
			.andExpect(jsonPath("$.messages[0].body").doesNotExist());
		this.mvc
			.perform(get("/api/v1/outbox/{id}", this.pending.getId())
				.with(httpBasic(organizer, CampaignRunner.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.body").value(this.pending.getBody()));
		this.mvc
			.perform(post("/api/v1/outbox/{id}/retry", this.pending.getId())
				.with(httpBasic(organizer, CampaignRunner.PASSWORD)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("notification.error.notFailed"));
		this.mvc
			.perform(post("/api/v1/outbox/{id}/retry", this.failed.getId())
				.with(httpBasic(organizer, CampaignRunner.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.attempts").value(5));
	}

	private OutboxMessage enqueue(String recipient) {
		String key = "screens:" + recipient;
		this.outbox.enqueue(OutgoingMail.of(MailTemplate.EXPERT_INVITATION, key, recipient, Locale.SIMPLIFIED_CHINESE,
				"专家", "评选", "expert1", "http://localhost:8080/login"));
		return this.outbox.messages(null, 0)
			.stream()
			.filter(m -> m.getDedupeKey().equals(key))
			.findFirst()
			.orElseThrow();
	}

}
