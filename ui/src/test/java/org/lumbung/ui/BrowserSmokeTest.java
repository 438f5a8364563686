package org.lumbung.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.testsupport.AppRoleDatabaseInitializer;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The smoke test in a real browser (Debian's headless Chromium): the application on a random port
 * with the sample cooperative, sign in as the treasurer, see the dashboard, save screenshots under
 * target/screenshots. Needs /usr/bin/chromium and /usr/bin/chromedriver (.ci/run installs them).
 */
@SpringBootTest(classes = LumbungApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = AppRoleDatabaseInitializer.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class BrowserSmokeTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.lumbung.cooperative.CooperativeService cooperatives;
    @org.springframework.beans.factory.annotation.Autowired
    org.lumbung.members.MemberService members;
    @org.springframework.beans.factory.annotation.Autowired
    org.lumbung.ledger.ChartOfAccounts chart;

    WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        assertThat(new File("/usr/bin/chromedriver")).as("Debian chromium-driver is installed (apt-get install chromium chromium-driver)").exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=id-ID", "--window-size=1366,900",
                "--user-data-dir=" + Files.createTempDirectory("lumbung-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1) // before the next test adds a member
    void treasurerSignsInAndSeesTheDashboard() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get("http://localhost:" + port + "/");
        WebElement username = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")));
        screenshot("login.png");
        username.sendKeys("treasurer");
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("demo", Keys.ENTER);

        WebElement members = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("figure-members")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("figure-share-capital")));
        // the demo treasurer reads Lumbung in Bahasa Indonesia; 145 of the sample's 150 members are active
        assertThat(members.getText()).contains("Anggota aktif").contains("145");
        java.math.BigDecimal shareCapital = org.lumbung.security.SystemActor.run(
                () -> chart.balanceWithDescendants(cooperatives.byCode("ngrupit").id(), "3100"));
        assertThat(browser.findElement(By.id("figure-share-capital")).getText())
                .contains(org.lumbung.ui.i18n.Formats.money(shareCapital, "IDR", org.lumbung.platform.i18n.Messages.INDONESIAN));
        assertThat(browser.findElement(By.id("cooperative-name")).getText()).contains("Ngrupit");
        screenshot("dashboard.png");

        // the members and savings screens
        open(wait, "members", "members-grid", "members.png");
        open(wait, "members/" + memberId(1), "accounts-grid",
                "member.png");
        assertThat(browser.findElement(By.id("member-title")).getText()).contains("Siti Aminah");
        open(wait, "savings/passbook", "passbook-member", "passbook.png");
        open(wait, "savings/arrears", "arrears-grid", "arrears.png");
        // the ledger's screens render with the sample cooperative's books
        open(wait, "ledger/journal", "journal-grid", "journal.png");
        open(wait, "ledger/new-entry", "save-entry", "new-entry.png");
        open(wait, "ledger/accounts", "chart-grid", "chart.png");
        open(wait, "reports/trial-balance", "trial-balance-totals", "trial-balance.png");
        assertThat(browser.findElement(By.id("trial-balance-totals")).getText()).contains("seimbang");
        open(wait, "reports/verification", "verify-chain", "verification-before.png");
        BrowserClicks.clickWhenReady(wait, By.id("verify-chain"));
        WebElement fingerprint = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("head-fingerprint")));
        assertThat(fingerprint.getText()).matches("[0-9a-f]{64}");
        screenshot("verification.png");

        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("figure-members")));
        browser.manage().window().setSize(new Dimension(390, 844));
        Thread.sleep(500);
        screenshot("dashboard-phone.png");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void securityHeadersAreSent() throws Exception {
        java.net.http.HttpResponse<String> login = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/login")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'self'").contains("object-src 'none'"));
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void aNameThatLooksLikeCodeIsShownAsText() throws Exception {
        org.lumbung.members.Member script = org.lumbung.security.SystemActor.run(() -> members.register(cooperatives.byCode("ngrupit").id(),
                org.lumbung.members.NewMember.basic("<script>alert(1)</script><b>Siti</b>", "F",
                        "<img src=x onerror=alert(2)>", null, java.time.LocalDate.of(2026, 11, 1))));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get("http://localhost:" + port + "/members");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input"))).sendKeys("treasurer");
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("demo", Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("members-grid")));
        browser.get("http://localhost:" + port + "/members/" + script.id());
        WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("member-title")));
        assertThat(title.getText()).contains("<script>alert(1)</script><b>Siti</b>");
        assertThat(browser.findElement(By.id("member-profile")).getText()).contains("<img src=x onerror=alert(2)>");
        assertThat(browser.findElements(By.cssSelector("#member-title b"))).isEmpty();
        org.junit.jupiter.api.Assertions.assertThrows(org.openqa.selenium.NoAlertPresentException.class,
                () -> browser.switchTo().alert());
        screenshot("members-as-text.png");
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void aMemberSeesTheirOwnSavingsOnAPhoneAndNothingElse() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input"))).sendKeys("ngrupit-1");
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("135790", Keys.ENTER);
        WebElement balances = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("my-balances")));
        assertThat(browser.findElement(By.id("my-name")).getText()).isEqualTo("Siti Aminah");
        assertThat(balances.getText()).contains("Simpanan Pokok").contains("Rp 100.000,00");
        screenshot("my-savings-phone.png");
        long other = memberId(2);
        browser.get("http://localhost:" + port + "/members/" + other);
        WebElement notFound = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
        assertThat(notFound.getText()).contains("bukan untuk Anda");
        assertThat(browser.getPageSource()).doesNotContain("Sri Wahyuni");
    }

    /** The administrator's audit log shows sign-ins of no cooperative, in words; the products grid fits 1366 px. */
    @Test
    void theAdministratorReadsSignInsInTheAuditLogAndTheProductsFitALaptop() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.manage().window().setSize(new Dimension(1366, 768));
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input"))).sendKeys("admin");
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("demo", Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("figure-cash-today")));
        screenshot("dashboard-admin.png");
        open(wait, "reports/audit", "audit-grid", "audit.png");
        wait.until(d -> d.getPageSource().contains("Signed in"));
        assertThat(browser.getPageSource()).contains("Admin Sistem (admin)").doesNotContain(">SIGN_IN<");
        open(wait, "savings/products", "products-grid", "products-1366.png");
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const g = document.getElementById('products-grid'); const t = g.shadowRoot.querySelector('#table');"
                        + " return t.scrollWidth - t.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("no horizontal scroll in the products grid at 1366 px").isLessThanOrEqualTo(0);
    }

    private long memberId(int number) {
        return org.lumbung.security.SystemActor.run(() -> members.byNumber(cooperatives.byCode("ngrupit").id(), number)
                .orElseThrow().id());
    }

    private void open(WebDriverWait wait, String route, String elementId, String screenshot) throws Exception {
        browser.get("http://localhost:" + port + "/" + route);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(elementId)));
        Thread.sleep(400); // let the grid draw its rows
        screenshot(screenshot);
    }

    private void screenshot(String name) throws Exception {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
