package io.evalflow;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium on the system's own browser and driver, driving the app at
 * {@code baseUrl}. Nothing is downloaded: the binaries come from
 * {@code EVALFLOW_CHROMIUM} and {@code EVALFLOW_CHROMEDRIVER} (Debian's paths by
 * default), so Selenium Manager is never asked. Without them the test is skipped on a
 * developer's machine and fails on CI, which must run it.
 */
public final class Browser implements AutoCloseable {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private final ChromeDriver driver;

	private final WebDriverWait wait;

	private final String baseUrl;

	private final Path artifacts;

	private final Path profile;

	private int shots;

	private Browser(ChromeDriver driver, String baseUrl, Path artifacts, Path profile) {
		this.driver = driver;
		this.wait = new WebDriverWait(driver, PATIENCE);
		this.baseUrl = baseUrl;
		this.artifacts = artifacts;
		this.profile = profile;
	}

	public static Browser start(String baseUrl, Path artifacts) throws IOException {
		Binaries binaries = binaries().orElseThrow(() -> new IllegalStateException(missing()));
		Files.createDirectories(artifacts);
		Path profile = Files.createTempDirectory("evalflow-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(binaries.chromium());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,1000", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(binaries.chromedriver()))
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options), baseUrl, artifacts, profile);
	}

	/** The browser and its driver, when both are there. */
	static Optional<Binaries> binaries() {
		Path chromium = Path.of(configured("EVALFLOW_CHROMIUM", "/usr/bin/chromium"));
		Path chromedriver = Path.of(configured("EVALFLOW_CHROMEDRIVER", "/usr/bin/chromedriver"));
		return (Files.isExecutable(chromium) && Files.isExecutable(chromedriver))
				? Optional.of(new Binaries(chromium.toString(), chromedriver.toString())) : Optional.empty();
	}

	private static String configured(String variable, String fallback) {
		String configured = System.getenv(variable);
		return (configured != null && !configured.isBlank()) ? configured : fallback;
	}

	private static String missing() {
		return "No Chromium at " + configured("EVALFLOW_CHROMIUM", "/usr/bin/chromium") + " or no chromedriver at "
				+ configured("EVALFLOW_CHROMEDRIVER", "/usr/bin/chromedriver")
				+ " (set EVALFLOW_CHROMIUM and EVALFLOW_CHROMEDRIVER, or install chromium and chromium-driver)";
	}

	/**
	 * Skips a browser test on a machine without Chromium, before its application starts;
	 * on CI (where {@code CI=true}) fails it instead, as CI must run it.
	 */
	public static final class Required implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (binaries().isPresent()) {
				return ConditionEvaluationResult.enabled("Chromium and chromedriver found");
			}
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(missing() + ": CI must run the browser tests");
			}
			return ConditionEvaluationResult.disabled(missing() + ": browser test skipped");
		}

	}

	public void open(String path) {
		this.driver.get(this.baseUrl + path);
	}

	public String path() {
		return this.driver.getCurrentUrl().substring(this.baseUrl.length());
	}

	public void signIn(String username, String password) {
		open("/login");
		type(By.id("username"), username);
		type(By.id("password"), password);
		WebElement button = this.driver.findElement(By.id("login-submit"));
		button.click();
		left(button);
		new WebDriverWait(this.driver, PATIENCE).withMessage("signed in as " + username)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/logout']")));
	}

	public void signOut() {
		WebElement button = this.driver.findElement(By.cssSelector("form[action$='/logout'] button"));
		button.click();
		left(button);
		find(By.cssSelector("nav.session a[href$='/login']"));
	}

	public WebElement find(By by) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	public List<WebElement> findAll(By by) {
		return this.driver.findElements(by);
	}

	public String text(By by) {
		return find(by).getText();
	}

	public void type(By by, String text) {
		WebElement field = find(by);
		field.clear();
		field.sendKeys(text);
	}

	public void choose(By by, String value) {
		new Select(find(by)).selectByValue(value);
	}

	public void chooseFirst(By by) {
		Select select = new Select(find(by));
		WebElement option = select.getOptions()
			.stream()
			.filter(o -> !o.getAttribute("value").isEmpty())
			.findFirst()
			.orElseThrow(() -> new AssertionError("nothing to choose in " + by));
		select.selectByValue(option.getAttribute("value"));
	}

	public void tick(By by) {
		WebElement box = this.wait.until(ExpectedConditions.elementToBeClickable(by));
		if (!box.isSelected()) {
			box.click();
		}
	}

	/** Selects a file for an upload input, which takes the path typed into it. */
	public void attach(By by, Path file) {
		this.wait.until(ExpectedConditions.presenceOfElementLocated(by)).sendKeys(file.toAbsolutePath().toString());
	}

	/**
	 * Clicks a button that posts a form and waits for the page that follows (the app
	 * redirects after every post).
	 * @return the success message the next page shows
	 */
	public String submit(By button) {
		WebElement element = this.wait.until(ExpectedConditions.elementToBeClickable(button));
		element.click();
		left(element);
		By outcome = By.cssSelector(".flash p, .form-errors .error, .field-error");
		this.wait.until(d -> !d.findElements(outcome).isEmpty());
		List<String> refusals = this.driver
			.findElements(By.cssSelector(".flash .error, .form-errors .error, .field-error"))
			.stream()
			.map(WebElement::getText)
			.toList();
		Assertions.assertTrue(refusals.isEmpty(), () -> "refused on " + path() + ": " + refusals);
		return text(By.cssSelector(".flash .success"));
	}

	/**
	 * Waits until the page that held {@code element} is gone. Asked mid-navigation,
	 * ChromeDriver may answer with an inspector error ("does not belong to the document")
	 * instead of a stale element: the node is gone just the same.
	 */
	private void left(WebElement element) {
		this.wait.until(driver -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException ex) {
				return true;
			}
			catch (WebDriverException ex) {
				if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
					return true;
				}
				throw ex;
			}
		});
	}

	/** A picture of the whole page, not only the window, for people to look at. */
	public Path screenshot(String name) {
		Path file = this.artifacts.resolve(String.format("%02d-%s.png", ++this.shots, name));
		write(file, fullPage());
		return file;
	}

	@SuppressWarnings("unchecked")
	private byte[] fullPage() {
		Map<String, Object> metrics = this.driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
		Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1, "width",
				((Number) size.get("width")).doubleValue(), "height", ((Number) size.get("height")).doubleValue());
		Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
		return Base64.getDecoder().decode((String) shot.get("data"));
	}

	/** What was on screen when a test failed: a picture and the page's source. */
	public void saveFailure(String name) {
		try {
			write(this.artifacts.resolve("FAILED-" + name + ".png"), this.driver.getScreenshotAs(OutputType.BYTES));
			write(this.artifacts.resolve("FAILED-" + name + ".html"),
					(this.driver.getCurrentUrl() + "\n" + this.driver.getPageSource())
						.getBytes(StandardCharsets.UTF_8));
		}
		catch (RuntimeException ex) {
			// The browser itself may be what failed; the test's own error says more.
		}
	}

	private static void write(Path file, byte[] content) {
		try {
			Files.write(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Paths of the Chromium binary and of the chromedriver that matches it. */
	public record Binaries(String chromium, String chromedriver) {
	}

	@Override
	public void close() throws IOException {
		try {
			this.driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

}
