package io.portico.itest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Just enough of an SMTP server to receive Portico's mail, decoding quoted-printable soft breaks. */
final class SmtpSink implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ServerSocket server;
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

    SmtpSink(int port) throws IOException {
        server = new ServerSocket(port);
        Thread thread = new Thread(this::serve, "itest-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    String next() throws InterruptedException {
        String message = poll(WAIT);
        if (message == null) {
            throw new AssertionError("no mail within " + WAIT);
        }
        return message;
    }

    /** The next message received within {@code wait}, or {@code null}. */
    String poll(Duration wait) throws InterruptedException {
        String message = messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        return message == null ? null : message.replace("=\r\n", "").replace("=3D", "=");
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                         StandardCharsets.UTF_8));
                 OutputStream out = client.getOutputStream()) {
                reply(out, "220 itest ESMTP");
                StringBuilder data = null;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (data != null) {
                        if (line.equals(".")) {
                            messages.add(data.toString());
                            data = null;
                            reply(out, "250 OK");
                        } else {
                            data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
                        }
                    } else if (line.toUpperCase().startsWith("DATA")) {
                        data = new StringBuilder();
                        reply(out, "354 go on");
                    } else if (line.toUpperCase().startsWith("QUIT")) {
                        reply(out, "221 bye");
                        break;
                    } else {
                        reply(out, "250 OK");
                    }
                }
            } catch (IOException e) {
                // closed, or a client went away: serve the next one
            }
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
