package io.evalflow.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --evalflow.audit.verify=true}: walks the audit chain once the application has
 * started, prints the result and exits: status 0 when the chain is intact, 1 when it is
 * broken (the line names the first broken row), 2 when the walk itself failed.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("evalflow.audit.verify")
class AuditVerifyCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AuditVerifyCommand.class);

	private final AuditChain chain;

	private final ConfigurableApplicationContext context;

	AuditVerifyCommand(AuditChain chain, ConfigurableApplicationContext context) {
		this.chain = chain;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		int status;
		try {
			ChainVerification result = this.chain.verify();
			System.out.println(result.line());
			status = result.intact() ? 0 : 1;
		}
		catch (RuntimeException ex) {
			log.error("Audit chain verification failed", ex);
			status = 2;
		}
		int exit = status;
		System.exit(SpringApplication.exit(this.context, () -> exit));
	}

}
