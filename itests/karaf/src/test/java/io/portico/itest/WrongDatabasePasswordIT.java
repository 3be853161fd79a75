package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WrongDatabasePasswordIT extends PorticoTestSupport {

    @Configuration
    public Option[] config() {
        return distribution("not-the-password");
    }

    @Test
    public void startFailsWithOneClearMessageAndTheServerStillAnswers() throws Exception {
        await("/health to answer", Duration.ofSeconds(30), () -> status("/health") == 503);
        assertEquals("anyone gets the status alone", "{\"status\":\"DOWN\"}", get("/health").body());
        HttpResponse<String> response = monitoredHealth();
        assertEquals(503, response.statusCode());
        assertTrue(response.body(), response.body().contains("\"status\":\"DOWN\""));
        assertTrue(response.body(), response.body().contains("password authentication failed"));

        // The database component retries every second; the log must still hold a single line about it.
        Thread.sleep(3000);
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        long mentions = Files.readAllLines(log).stream()
                .filter(line -> line.contains("password authentication failed")).count();
        assertEquals(1, mentions);
        assertEquals(200, status("/metrics"));
    }
}
