package io.evalflow.demo;

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
 * {@code --evalflow.demo.replay=true}: runs the replay once the demo is seeded, prints
 * each stage's count and time, and exits (status 1 when the replay is refused or fails).
 * The results stay in the database.
 */
@Component
@Order(2)
@ConditionalOnBooleanProperty("evalflow.demo.replay")
class ReplayCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ReplayCommand.class);

	private final DemoReplay replay;

	private final ConfigurableApplicationContext context;

	ReplayCommand(DemoReplay replay, ConfigurableApplicationContext context) {
		this.replay = replay;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		int status = 0;
		try {
			ReplayReport report = this.replay.run(stage -> System.out.println(stage.line()));
			System.out.printf("REPLAY %-22s %6s %8.1f s%n", "total", "", report.totalMillis() / 1000.0);
		}
		catch (RuntimeException ex) {
			log.error("Replay failed", ex);
			status = 1;
		}
		int exit = status;
		System.exit(SpringApplication.exit(this.context, () -> exit));
	}

}
