package org.lumbung.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Clicks for the browser tests that survive Vaadin rendering again: an overlay that opens, or a grid that
 * fills its cells, may replace the element just found, and a click on the replaced one fails ("stale
 * element", or Chromium's "node does not belong to the document"). Found and clicked again until it works.
 */
final class BrowserClicks {

    private BrowserClicks() {
    }

    static void clickWhenReady(WebDriverWait wait, By where) {
        wait.until(driver -> {
            try {
                WebElement element = driver.findElement(where);
                if (!element.isDisplayed() || !element.isEnabled()) {
                    return false;
                }
                element.click();
                return true;
            } catch (NoSuchElementException | StaleElementReferenceException | ElementNotInteractableException e) {
                return false;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return false;
                }
                throw e;
            }
        });
    }
}
