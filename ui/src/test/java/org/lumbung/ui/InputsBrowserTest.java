package org.lumbung.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.ledger.Approval;
import org.lumbung.ledger.Approvals;
import org.lumbung.ledger.JournalFilter;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsService;
import org.lumbung.security.LumbungUser;
import org.lumbung.security.SystemActor;
import org.lumbung.security.UserService;
import org.lumbung.testsupport.AppRoleDatabaseInitializer;
import org.openqa.selenium.By;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ContextConfiguration;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Honest inputs in a real browser (Debian's headless Chromium), in Bahasa Indonesia: the deposit dialog
 * shows the amount as it will be booked and refuses a sign; the chair sees the whole entry a reversal would
 * undo and is asked before approving. Screenshots go to target/screenshots.
 */
@SpringBootTest(classes = LumbungApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = AppRoleDatabaseInitializer.class)
class InputsBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;
    @Autowired
    org.lumbung.cooperative.CooperativeService cooperatives;
    @Autowired
    org.lumbung.members.MemberService members;
    @Autowired
    SavingsService savings;
    @Autowired
    Approvals approvals;
    @Autowired
    LedgerQueries queries;
    @Autowired
    UserService users;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=id-ID", "--window-size=1366,900",
                "--user-data-dir=" + Files.createTempDirectory("lumbung-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theDepositDialogShowsTheAmountAsItWillBeBookedAndRefusesASign() throws Exception {
        long coop = SystemActor.run(() -> cooperatives.byCode("ngrupit").id());
        long memberId = SystemActor.run(() -> members.byNumber(coop, 1).orElseThrow().id());
        SavingsAccount voluntary = SystemActor.run(() -> savings.accounts(coop, memberId)).stream()
                .filter(a -> a.kind() == SavingsKind.VOLUNTARY).findFirst().orElseThrow();
        signIn("treasurer");
        browser.get(url("members/" + memberId));
        BrowserClicks.clickWhenReady(wait, By.id("deposit-" + voluntary.id()));
        WebElement amount = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#movement-amount input")));
        amount.sendKeys("-5");
        WebElement field = browser.findElement(By.id("movement-amount"));
        wait.until(d -> property(field, "errorMessage").contains("tanpa tanda"));
        assertThat(property(field, "invalid")).isEqualTo("true");
        amount.sendKeys(Keys.chord(Keys.CONTROL, "a"), "1.200.000,50");
        wait.until(d -> property(field, "helperText").equals("Akan dibukukan sebagai Rp 1.200.000,50"));
        wait.until(d -> property(field, "invalid").equals("false"));
        assertThat(field.getText()).contains("Akan dibukukan sebagai Rp 1.200.000,50");
        Thread.sleep(300);
        screenshot("deposit-amount-hint.png");
    }

    @Test
    void theChairSeesTheWholeEntryAndIsAskedBeforeApproving() throws Exception {
        long coop = SystemActor.run(() -> cooperatives.byCode("ngrupit").id());
        long entryId = SystemActor.run(() -> queries.journalPage(coop, JournalFilter.all(), 0, 1).get(0).id());
        Approval asked = as("treasurer", () -> approvals.requestReversal(coop, entryId, "Setoran dicatat dua kali"));
        signIn("chair");
        browser.get(url("ledger/approvals"));
        BrowserClicks.clickWhenReady(wait, By.id("approve-" + asked.id()));
        WebElement lines = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approval-lines")));
        wait.until(d -> lines.getText().contains("Rp ")); // the grid draws its rows after it is shown
        assertThat(browser.findElement(By.id("approval-summary")).getText()).contains("Setoran dicatat dua kali");
        assertThat(browser.findElement(By.id("confirm-yes")).getText()).startsWith("Setujui: Balik jurnal #");
        screenshot("approval-confirmation.png");
        BrowserClicks.clickWhenReady(wait, By.id("confirm-no"));
        assertThat(SystemActor.run(() -> approvals.list(coop)).stream().filter(a -> a.id() == asked.id()).findFirst()
                .orElseThrow().status()).as("cancel changes nothing").isEqualTo(Approval.Status.PENDING);
        SystemActor.run(() -> approvals.reject(coop, asked.id(), "browser test over"));
    }

    private <T> T as(String username, Supplier<T> work) {
        LumbungUser user = SystemActor.run(() -> users.loadUserByUsername(username));
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private void signIn(String username) {
        browser.get(url(""));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input"))).sendKeys(username);
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("demo", Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("figure-members")));
    }

    private String property(WebElement element, String name) {
        Object value = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return arguments[0][arguments[1]]", element, name);
        return value == null ? "" : value.toString();
    }

    private String url(String route) {
        return "http://localhost:" + port + "/" + route;
    }

    private void screenshot(String name) throws Exception {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
