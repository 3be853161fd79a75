package io.portico.itest.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through its chromedriver in a profile of its own that is deleted afterwards:
 * the one place for the flags this machine needs (no background networking: the closed network refuses it) and for
 * what a walk prints when it breaks. A walk's exit code is its result: 0 nothing found, 1 problems (each printed as
 * {@code PROBLEM …}), 2 broken (the stack, the address and the page printed).
 */
final class HeadlessChromium {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    /** A walk through the portal in the browser it is given, answering the problems it found. */
    interface Walk {
        List<String> run(ChromeDriver driver) throws Exception;
    }

    private HeadlessChromium() {
    }

    static int run(int width, int height, Walk walk) throws IOException {
        Path profile = Files.createTempDirectory("portico-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
                "--force-device-scale-factor=1", "--window-size=" + width + "," + height, "--lang=en-US",
                "--user-data-dir=" + profile);
        ChromeDriver driver = null;
        try {
            driver = new ChromeDriver(service, options);
            List<String> problems = walk.run(driver);
            problems.forEach(p -> System.out.println("PROBLEM " + p));
            return problems.isEmpty() ? 0 : 1;
        } catch (Throwable broken) {
            broken.printStackTrace(System.out);
            if (driver != null) {
                try {
                    System.out.println("at " + driver.getCurrentUrl());
                    System.out.println(driver.getPageSource());
                } catch (RuntimeException ignored) {
                    // the browser is gone too
                }
            }
            return 2;
        } finally {
            if (driver != null) {
                driver.quit();
            }
            service.stop();
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind
        }
    }
}
