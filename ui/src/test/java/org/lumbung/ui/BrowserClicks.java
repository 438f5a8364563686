package org.lumbung.ui;

import java.util.function.BooleanSupplier;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Clicks and reads for the browser tests that survive Vaadin rendering again: an overlay that opens, or a grid that
 * fills its cells, may replace the element just found, and a click on the replaced one fails ("stale
 * element", or Chromium's "node does not belong to the document"). Found and clicked again until it works.
 */
final class BrowserClicks {

    private BrowserClicks() {
    }

    static void clickWhenReady(WebDriverWait wait, By where) {
        wait.until(driver -> untilRendered(() -> {
            WebElement element = driver.findElement(where);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        }));
    }

    /**
     * Waits until the element shows the text. The header is drawn again when the language changes, so the element
     * read may be replaced between finding it and reading it; Selenium's own condition gives up on Chromium's
     * "does not belong to the document" instead of looking again.
     */
    static void waitForText(WebDriverWait wait, By where, String text) {
        wait.until(driver -> untilRendered(() -> driver.findElement(where).getText().contains(text)));
    }

    private static boolean untilRendered(BooleanSupplier step) {
        try {
            return step.getAsBoolean();
        } catch (NoSuchElementException | StaleElementReferenceException | ElementNotInteractableException e) {
            return false;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return false;
            }
            throw e;
        }
    }
}
