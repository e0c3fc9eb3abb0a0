package io.evalflow.demo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.evalflow.DocumentInspector;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Walks everything one signed-in user can reach with GET, as a browser and an API client
 * would, and looks for names in every answer.
 * <p>
 * Screens: from the entry pages, every same-origin link, script, style sheet and GET form
 * in the HTML, and every redirect. API: every GET path of the OpenAPI document, with its
 * path variables filled in from the ids seen so far (review, application, round,
 * attachment, campaign ids and campaign codes, from the JSON answers and from the
 * screens' links). Each answer is searched in its headers (the download's file name
 * decoded), its body as text and HTML-unescaped, and, for files, with
 * {@link DocumentInspector}: bytes, PDF information, XMP, streams and text, Word parts.
 * Refusals (403, 404, 422) are searched as well.
 */
final class ExpertCrawl {

	/** A walk beyond this is a bug in the walk, not a bigger site. */
	private static final int MAX_VISITS = 6000;

	/**
	 * The most ids of one kind tried in an API path, in the order they were found: the
	 * expert's own (found first, from the inbox) and then others. Lists such as the
	 * campaigns' return every campaign of a shared test database, and the organizer's
	 * round endpoints would otherwise multiply them.
	 */
	private static final int IDS_PER_VARIABLE = 40;

	private static final Pattern TAG = Pattern.compile("<(a|link|script|img|form)\\b([^>]*)>",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ATTRIBUTE = Pattern.compile("\\b(href|src|action|method)\\s*=\\s*\"([^\"]*)\"",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	private static final Pattern EXPERT_LINK = Pattern
		.compile("^/expert/reviews/(\\d+)(?:/attachments/(\\d+))?(?:\\?.*)?$");

	/** Which ids a path variable takes, by the collection it follows. */
	private static final Map<String, String> KIND_OF_SEGMENT = Map.of("reviews", "review", "attachments", "attachment",
			"rounds", "round", "campaigns", "campaign", "applications", "application", "experts", "expert", "results",
			"campaignCode", "categories", "category");

	/** Which ids a JSON object's "id" is, by the field that holds the object. */
	private static final Map<String, String> KIND_OF_FIELD = Map.of("application", "application", "round", "round",
			"attachments", "attachment", "campaign", "campaign", "rounds", "round", "categories", "category",
			"criteria", "criterion");

	private final MockMvc mvc;

	private final RequestPostProcessor user;

	private final Collection<String> names;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Set<String> queued = new LinkedHashSet<>();

	private final Deque<String> pending = new ArrayDeque<>();

	private final List<Visit> visits = new ArrayList<>();

	private final Map<String, Set<String>> ids = new HashMap<>();

	ExpertCrawl(MockMvc mvc, RequestPostProcessor user, Collection<String> names) {
		this.mvc = mvc;
		this.user = user;
		this.names = List.copyOf(names);
	}

	/** Walks from the entry pages until nothing new is found. */
	Report walk(String... entries) throws Exception {
		for (String entry : entries) {
			enqueue(entry);
		}
		List<String> apiPaths = apiGetPaths();
		int before;
		do {
			drain();
			before = this.queued.size();
			this.ids.getOrDefault("review", Set.of()).forEach(id -> enqueue("/expert/reviews/" + id));
			for (String path : apiPaths) {
				expand(path).forEach(this::enqueue);
			}
		}
		while (this.queued.size() > before);
		return new Report(List.copyOf(this.visits), Map.copyOf(this.ids));
	}

	private List<String> apiGetPaths() throws Exception {
		Visit visit = visit("/api/v1/openapi");
		this.queued.add("/api/v1/openapi");
		List<String> paths = new ArrayList<>();
		JsonNode document = this.json.readTree(visit.body());
		for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
			if (path.getValue().has("get")) {
				paths.add(path.getKey());
			}
		}
		return paths;
	}

	/** The path with each variable filled in with every id of its kind seen so far. */
	private List<String> expand(String template) {
		List<String> urls = List.of("");
		String[] segments = template.split("/");
		for (int i = 1; i < segments.length; i++) {
			Matcher variable = VARIABLE.matcher(segments[i]);
			List<String> values;
			if (variable.matches()) {
				values = this.ids.getOrDefault(KIND_OF_SEGMENT.get(segments[i - 1]), Set.of())
					.stream()
					.limit(IDS_PER_VARIABLE)
					.toList();
			}
			else {
				values = List.of(segments[i]);
			}
			List<String> longer = new ArrayList<>();
			for (String url : urls) {
				for (String value : values) {
					longer.add(url + "/" + value);
				}
			}
			urls = longer;
		}
		return urls;
	}

	private void drain() throws Exception {
		while (!this.pending.isEmpty()) {
			if (this.visits.size() >= MAX_VISITS) {
				throw new IllegalStateException("the walk passed " + MAX_VISITS + " pages: " + this.pending.peek());
			}
			visit(this.pending.poll());
		}
	}

	private void enqueue(String url) {
		if (this.queued.add(url)) {
			this.pending.add(url);
		}
	}

	private Visit visit(String url) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(URI.create(url)).with(this.user))
			.andReturn()
			.getResponse();
		byte[] body = response.getContentAsByteArray();
		String type = (response.getContentType() != null) ? response.getContentType() : "";
		List<String> leaks = new ArrayList<>();
		for (String header : response.getHeaderNames()) {
			for (String value : response.getHeaders(header)) {
				search(value, "header " + header, leaks);
				if (header.equalsIgnoreCase(HttpHeaders.CONTENT_DISPOSITION)) {
					search(ContentDisposition.parse(value).getFilename(), "download file name", leaks);
				}
			}
		}
		// Not by "xml": a .docx is application/vnd.openxmlformats-…, a ZIP.
		boolean text = type.startsWith("text/") || type.contains("html") || type.contains("json")
				|| type.contains("javascript");
		if (text) {
			String content = new String(body, StandardCharsets.UTF_8);
			search(content, "body", leaks);
			search(HtmlUtils.htmlUnescape(content), "body, unescaped", leaks);
			if (type.contains("html")) {
				links(url, content).forEach(this::enqueue);
			}
			if (type.contains("json") && !content.isBlank()) {
				harvest(this.json.readTree(content), kindOfUrl(url));
			}
		}
		else if (body.length > 0) {
			DocumentInspector.find(body, this.names).forEach(leak -> leaks.add(leak + " (downloaded file)"));
		}
		String location = response.getHeader(HttpHeaders.LOCATION);
		if (response.getStatus() / 100 == 3 && location != null) {
			sameOrigin(url, location).ifPresent(this::enqueue);
		}
		Matcher expertLink = EXPERT_LINK.matcher(url);
		if (expertLink.matches()) {
			add("review", expertLink.group(1));
			if (expertLink.group(2) != null) {
				add("attachment", expertLink.group(2));
			}
		}
		Visit visit = new Visit(url, response.getStatus(), type, body, List.copyOf(new TreeSet<>(leaks)));
		this.visits.add(visit);
		return visit;
	}

	private void search(String text, String where, List<String> leaks) {
		if (text == null) {
			return;
		}
		for (String name : this.names) {
			if (text.contains(name)) {
				leaks.add(name + " in " + where);
			}
		}
	}

	/** Same-origin links, scripts, style sheets and GET forms of a page. */
	private List<String> links(String page, String html) {
		List<String> links = new ArrayList<>();
		Matcher tag = TAG.matcher(html);
		while (tag.find()) {
			Map<String, String> attributes = new HashMap<>();
			Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
			while (attribute.find()) {
				attributes.put(attribute.group(1).toLowerCase(), HtmlUtils.htmlUnescape(attribute.group(2)));
			}
			String target;
			if (tag.group(1).equalsIgnoreCase("form")) {
				boolean get = !attributes.containsKey("method") || attributes.get("method").equalsIgnoreCase("get");
				target = get ? attributes.getOrDefault("action", page) : null;
			}
			else {
				target = attributes.containsKey("href") ? attributes.get("href") : attributes.get("src");
			}
			if (target != null && !target.startsWith("#") && !target.startsWith("mailto:")
					&& !target.startsWith("javascript:")) {
				sameOrigin(page, target).filter(url -> !url.startsWith("/logout")).ifPresent(links::add);
			}
		}
		return links;
	}

	private static java.util.Optional<String> sameOrigin(String base, String target) {
		URI resolved = URI.create("http://localhost" + base).resolve(target.replace(" ", "%20"));
		if (!"localhost".equals(resolved.getHost())) {
			return java.util.Optional.empty();
		}
		String path = resolved.getRawPath() + ((resolved.getRawQuery() != null) ? "?" + resolved.getRawQuery() : "");
		return java.util.Optional.of(path);
	}

	/** Collects the ids a JSON answer names, each by what it is the id of. */
	private void harvest(JsonNode node, String kind) {
		if (node.isArray()) {
			node.valueStream().forEach(item -> harvest(item, kind));
			return;
		}
		if (!node.isObject()) {
			return;
		}
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			String name = field.getKey();
			JsonNode value = field.getValue();
			if (name.equals("id") && value.isNumber() && kind != null) {
				add(kind, String.valueOf(value.asLong()));
			}
			else if (name.endsWith("Id") && value.isNumber()) {
				add(name.substring(0, name.length() - 2), String.valueOf(value.asLong()));
			}
			else if (name.equals("code") && value.isString() && "campaign".equals(kind)) {
				add("campaignCode", value.asString());
			}
			else {
				harvest(value, KIND_OF_FIELD.get(name));
			}
		}
	}

	/** The kind of the objects an API path answers with: its last collection. */
	private static String kindOfUrl(String url) {
		String[] segments = URI.create(url).getPath().split("/");
		for (int i = segments.length - 1; i >= 0; i--) {
			if (KIND_OF_SEGMENT.containsKey(segments[i])) {
				return KIND_OF_SEGMENT.get(segments[i]);
			}
		}
		return null;
	}

	private void add(String kind, String id) {
		this.ids.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(id);
	}

	/** One answer: where, its status and type, its body, and the names found in it. */
	record Visit(String url, int status, String contentType, byte[] body, List<String> leaks) {

		boolean ok() {
			return this.status == 200;
		}

	}

	/** Everything the walk saw. */
	record Report(List<Visit> visits, Map<String, Set<String>> ids) {

		/** Each leak as "URL (status): name in place", for the assertion's message. */
		List<String> leaks() {
			List<String> leaks = new ArrayList<>();
			for (Visit visit : this.visits) {
				visit.leaks().forEach(leak -> leaks.add(visit.url() + " (" + visit.status() + "): " + leak));
			}
			return leaks;
		}

		Set<String> okUrls() {
			Set<String> urls = new TreeSet<>();
			this.visits.stream().filter(Visit::ok).forEach(v -> urls.add(v.url()));
			return urls;
		}

		Visit visit(String url) {
			return this.visits.stream().filter(v -> v.url().equals(url)).findFirst().orElse(null);
		}

	}

}
