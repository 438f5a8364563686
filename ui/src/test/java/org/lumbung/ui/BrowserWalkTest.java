package org.lumbung.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.members.MemberService;
import org.lumbung.security.SystemActor;
import org.lumbung.security.UserService;
import org.lumbung.testsupport.AppRoleDatabaseInitializer;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.ContextConfiguration;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every screen of every role in Bahasa Indonesia, and every screen once in English, in a real browser (Debian's
 * headless Chromium): no screen shows a translation key, no Indonesian screen shows one of a list of English words
 * Lumbung used to leak, no screen logs a console error; the member's screens on 390 and 360 px phones have no
 * sideways scroll and a one-line header. Also: the language chosen in the header survives signing out and in.
 */
@SpringBootTest(classes = LumbungApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = AppRoleDatabaseInitializer.class)
class BrowserWalkTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** English that once showed on Indonesian screens; whole words, case-sensitive. */
    static final List<String> ENGLISH = List.of("Upload File", "Drop file", "signed in as", "Sign out", "Save", "Cancel",
            "Search", "Deposit", "Withdrawal", "Balance", "Amount", "Receipt", "Members", "Loading", "TREASURER", "CHAIR",
            "AUDITOR", "Dec 2026", "Oct 2026", "Aug 2026", "May 2026", "January", "December", "Today", "Monday");
    /** Text that is all visible text, shadow roots included, of the page. */
    static final String VISIBLE_TEXT = """
            const out = [];
            const walk = root => {
              for (const n of root.childNodes) {
                if (n.nodeType === 3) {
                  const p = n.parentElement;
                  if (p && !['SCRIPT', 'STYLE', 'TEMPLATE'].includes(p.tagName)
                      && p.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) { out.push(n.textContent); }
                } else if (n.nodeType === 1) {
                  if (n.shadowRoot) { walk(n.shadowRoot); }
                  walk(n);
                }
              }
            };
            walk(document.body);
            return out.join('\\n');""";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    CooperativeService cooperatives;
    @Autowired
    MemberService members;

    WebDriver browser;
    WebDriverWait wait;
    final List<String> problems = new ArrayList<>();

    @BeforeEach
    void openBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=id-ID", "--window-size=1366,900",
                "--user-data-dir=" + Files.createTempDirectory("lumbung-chromium"));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // polled every 50 ms, not the default 500: the walk waits some 600 times, for a screen that is usually ready
        // within a tenth of a second
        wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(50));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyScreenOfEveryRoleSpeaksTheReadersLanguage() throws Exception {
        Set<String> keys = translationKeys();
        Set<String> walkedInEnglish = new java.util.HashSet<>();
        for (String username : List.of("treasurer", "chair", "auditor", "admin")) {
            inLanguage(username, "id", () -> walkStaff(username, "id", keys, route -> true));
            inLanguage(username, "en", () -> walkStaff(username, "en", keys, walkedInEnglish::add));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theMembersScreensFitAPhone() throws Exception {
        Set<String> keys = translationKeys();
        for (int width : new int[] {390, 360}) {
            for (String language : List.of("id", "en")) {
                inLanguage("ngrupit-1", language, () -> {
                    browser.manage().window().setSize(new Dimension(width, 800));
                    signIn("ngrupit-1", "135790");
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("my-statement")));
                    check("member " + width + " " + language, language, keys);
                    fitsThePhone("member " + width + " " + language);
                    if (width == 360) {
                        ((JavascriptExecutor) browser).executeScript("document.getElementById('my-statement-section').scrollIntoView()");
                        Thread.sleep(300);
                        screenshot("my-statement-phone-" + language + ".png");
                    }
                    signOut();
                });
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theLanguageChosenInTheHeaderSurvivesSigningOutAndIn() throws Exception {
        inLanguage("chair", "id", () -> {
            signIn("chair", "demo");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("language-select")));
            BrowserClicks.waitForText(wait, By.id("sign-out"), "Keluar");
            BrowserClicks.clickWhenReady(wait, By.id("language-select"));
            BrowserClicks.clickWhenReady(wait, By.xpath("//vaadin-select-item[contains(., 'English')]"));
            BrowserClicks.waitForText(wait, By.id("sign-out"), "Sign out");
            signOut();
            assertThat(visibleText()).as("the sign-in page, by the browser's cookie").contains("Sign in");
            signIn("chair", "demo");
            BrowserClicks.waitForText(wait, By.id("sign-out"), "Sign out");
        });
    }

    /**
     * Walks the screens of the person's menu for which {@code walk} says yes. In Indonesian every role walks every
     * screen it has (English words leak into role-specific buttons); in English a screen another role has already
     * walked is left out, since there only a translation key or a console error could show, and those show for
     * every role alike.
     */
    private void walkStaff(String username, String language, Set<String> keys, java.util.function.Predicate<String> walk)
            throws Exception {
        signIn(username, "demo");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("app-header")));
        List<String> routes = new ArrayList<>(menuRoutes());
        routes.add("members/" + SystemActor.run(() -> members.byNumber(cooperatives.byCode("ngrupit").id(), 1).orElseThrow().id()));
        assertThat(routes).as(username + "'s menu").hasSizeGreaterThan(3);
        for (String route : routes.stream().filter(walk).toList()) {
            open(route);
            if (route.endsWith("verification")) {
                BrowserClicks.clickWhenReady(wait, By.id("verify-chain"));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("head-fingerprint")));
                if ("auditor".equals(username)) {
                    screenshot("verification-" + language + ".png");
                }
            }
            check(username + " " + language + " /" + route, language, keys);
        }
        if ("treasurer".equals(username)) {
            checkTheDepositDialog(username + " " + language + " deposit dialog", language, keys);
        }
        signOut();
    }

    /** Dialogs are screens too: the deposit dialog, with the calendar of its date picker open. */
    private void checkTheDepositDialog(String where, String language, Set<String> keys) {
        browser.get("http://localhost:" + port + "/members/" + activeMemberId());
        BrowserClicks.clickWhenReady(wait, By.cssSelector("vaadin-button[id^='deposit-']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("movement-amount")));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('movement-date').open();");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-date-picker-overlay[opened]")));
        String today = "id".equals(language) ? "Hari ini" : "Today";
        wait.until(d -> visibleText().contains(today)); // the calendar renders its months after the overlay opens
        check(where, language, keys);
        if ("id".equals(language)) {
            String text = visibleText();
            if (!text.contains("Desember") && !text.contains("November") || !text.contains("Hari ini")) {
                problems.add(where + ": the calendar does not name months and today in Indonesian");
            }
        }
        ((JavascriptExecutor) browser).executeScript("document.getElementById('movement-date').close();");
        browser.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
    }

    /** A member who may still deposit (the sample has members who left, with closed accounts). */
    private long activeMemberId() {
        return SystemActor.run(() -> {
            long coop = cooperatives.byCode("ngrupit").id();
            return java.util.stream.IntStream.rangeClosed(1, 200).mapToObj(n -> members.byNumber(coop, n))
                    .flatMap(java.util.Optional::stream).filter(m -> m.status() == org.lumbung.members.MemberStatus.ACTIVE)
                    .findFirst().orElseThrow().id();
        });
    }

    /**
     * Opens a screen the way a user does, through its menu item, so the page is not loaded anew (a reload costs
     * Vaadin's whole start-up, and the walk covers some 150 screens); a route without a menu item is loaded.
     * Then waits until the server has answered everything the screen asked, lazy grids' first rows included.
     */
    private void open(String route) {
        Boolean clicked = (Boolean) ((JavascriptExecutor) browser).executeScript("""
                const item = Array.from(document.querySelectorAll('vaadin-side-nav-item'))
                    .find(i => i.getAttribute('path') === arguments[0] || i.getAttribute('path') === '/' + arguments[0]);
                const link = item && item.shadowRoot && item.shadowRoot.querySelector('a');
                if (!link) { return false; }
                link.click();
                return true;""", route);
        if (!Boolean.TRUE.equals(clicked)) {
            browser.get("http://localhost:" + port + "/" + route);
        }
        wait.until(d -> route.equals(currentRoute()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("app-header")));
        waitUntilTheServerHasAnswered();
    }

    private String currentRoute() {
        return ((String) ((JavascriptExecutor) browser).executeScript("return window.location.pathname;")).substring(1);
    }

    /** Vaadin's client is idle twice in a row, a frame apart: a grid asks for its rows only after it is drawn. */
    private void waitUntilTheServerHasAnswered() {
        String idle = "return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive());";
        for (int quiet = 0; quiet < 2; ) {
            wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(idle)));
            quiet = Boolean.TRUE.equals(((JavascriptExecutor) browser).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; setTimeout(() => requestAnimationFrame(() => done(true)), 60);"))
                    && Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(idle)) ? quiet + 1 : 0;
        }
    }

    private List<String> menuRoutes() {
        @SuppressWarnings("unchecked")
        List<String> paths = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('vaadin-side-nav-item')).map(i => i.getAttribute('path')).filter(p => p != null);");
        return paths.stream().map(p -> p.startsWith("/") ? p.substring(1) : p).distinct().toList();
    }

    /** Notes what the page shows that it should not: a key, English on an Indonesian screen, a console error. */
    private void check(String where, String language, Set<String> keys) {
        String text = visibleText();
        for (String word : text.split("[\\s,;:()\"“”]+")) {
            String bare = word.replaceAll("^[!'.]+|[.'!?…]+$", "");
            if (keys.contains(bare) || word.startsWith("!") && keys.contains(word.substring(1).replaceAll("[.'!?…]+$", ""))) {
                problems.add(where + ": shows the translation key " + word);
            }
        }
        if ("id".equals(language)) {
            for (String english : ENGLISH) {
                if (Pattern.compile("\\b" + Pattern.quote(english) + "\\b").matcher(text).find()) {
                    problems.add(where + ": shows English \"" + english + "\"");
                }
            }
        }
        Number narrowCharts = (Number) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('[_echarts_instance_]')).filter(e => { const svg = e.querySelector('svg');"
                        + " return svg && e.clientWidth > 200 && svg.getBoundingClientRect().width < e.clientWidth * 0.9; }).length;");
        if (narrowCharts.intValue() > 0) {
            problems.add(where + ": " + narrowCharts + " chart(s) drawn narrower than their box");
        }
        Number flatCharts = (Number) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('[_echarts_instance_]')).filter(e => e.clientHeight < 150).length;");
        if (flatCharts.intValue() > 0) {
            problems.add(where + ": " + flatCharts + " chart(s) squeezed to less than 150 px high");
        }
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                problems.add(where + ": console error " + entry.getMessage());
            }
        }
    }

    private void fitsThePhone(String where) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        Number scroll = (Number) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        Number inner = (Number) js.executeScript(
                "return Math.max(...Array.from(document.querySelectorAll('vaadin-app-layout, vaadin-vertical-layout, #my-statement'))"
                        + ".map(e => e.scrollWidth - e.clientWidth));");
        Number header = (Number) js.executeScript("return document.getElementById('app-header').getBoundingClientRect().height;");
        if (scroll.intValue() > 0 || inner.intValue() > 0) {
            problems.add(where + ": scrolls sideways by " + Math.max(scroll.intValue(), inner.intValue()) + " px");
        }
        if (header.doubleValue() > 64) {
            problems.add(where + ": the header takes " + header + " px");
        }
    }

    private String visibleText() {
        return (String) ((JavascriptExecutor) browser).executeScript(VISIBLE_TEXT);
    }

    private void signIn(String username, String password) {
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input"))).sendKeys(username);
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("app-header")));
    }

    private void signOut() {
        BrowserClicks.clickWhenReady(wait, By.id("sign-out"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")));
    }

    /** Runs the walk with the person's language set to the given one, and puts theirs back after. */
    private void inLanguage(String username, String language, Walk walk) throws Exception {
        String before = users.loadUserByUsername(username).account().locale();
        SystemActor.run(() -> {
            users.changeLocale(username, language);
            return null;
        });
        try {
            walk.run();
        } finally {
            SystemActor.run(() -> {
                users.changeLocale(username, before);
                return null;
            });
            browser.manage().deleteAllCookies();
        }
    }

    interface Walk {
        void run() throws Exception;
    }

    /** Every key of every translation bundle on the class path. */
    static Set<String> translationKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*/*.properties")) {
            Properties p = new Properties();
            try (InputStream in = bundle.getInputStream()) {
                p.load(in);
            }
            p.stringPropertyNames().stream().filter(k -> k.contains(".")).forEach(keys::add);
        }
        return keys;
    }

    private void screenshot(String name) throws IOException {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
