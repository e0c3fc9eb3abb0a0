package io.evalflow.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --evalflow.demo.calibration=true}: the calibration replay (see
 * {@link Calibration}) with biased synthetic experts; prints, for each cut, how many of
 * the true top applications the raw mean, the trimmed mean and the normalised mean
 * recover, and exits. Touches no data.
 */
@Component
@Order(3)
@ConditionalOnBooleanProperty("evalflow.demo.calibration")
class CalibrationCommand implements ApplicationRunner {

	static final int REPLICATIONS = 200;

	private final ConfigurableApplicationContext context;

	CalibrationCommand(ConfigurableApplicationContext context) {
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		Calibration calibration = Calibration.egov2012();
		System.out.printf("CALIBRATION 300 applications, 30 experts (10 harsh -8, 10 lenient +8, 10 neutral), "
				+ "3 per application, noise sd 4, trimmed mean drops the highest and lowest of 3, %d seeded replications%n",
				REPLICATIONS);
		calibration.run(2012, REPLICATIONS).forEach(result -> System.out.println(result.line()));
		System.exit(SpringApplication.exit(this.context, () -> 0));
	}

}
