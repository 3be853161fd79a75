import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop HTTP load generator: CONCURRENCY clients each send the next GET as soon as the previous answers,
 * for SECONDS after a warm-up. Prints requests per second and the share of non-2xx answers.
 * Run: java HttpLoad.java URL [CONCURRENCY] [SECONDS]
 */
public class HttpLoad {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();

        run(client, request, concurrency, Math.max(2, seconds / 3), new LongAdder(), new LongAdder());
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        long nanos = run(client, request, concurrency, seconds, ok, failed);
        double perSecond = (ok.sum() + failed.sum()) / (nanos / 1e9);
        System.out.printf("%s %.0f req/s (%d ok, %d failed, %d clients, %d s)%n", uri.getPath(), perSecond, ok.sum(),
                failed.sum(), concurrency, seconds);
    }

    private static long run(HttpClient client, HttpRequest request, int concurrency, int seconds, LongAdder ok,
            LongAdder failed) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        (r.statusCode() / 100 == 2 ? ok : failed).increment();
                    } catch (Exception e) {
                        failed.increment();
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return System.nanoTime() - start;
    }
}
