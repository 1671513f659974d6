package dev.envoi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark 3: a 256 MiB attachment, each run in a child JVM with -Xmx64m: Envoi's vault copy,
 * submit and transfer (through the spooler and SmtpTransport), against Transport.send with
 * attachFile, mutt when installed, and the floor (the file's base64 copied raw to the same sink).
 * Wall time and peak RSS per stage; Envoi also with 16 MiB, to see whether memory grows with size.
 * Runs only with -Pbench; asserts no time.
 */
class LargeAttachmentBenchmark {

    private static final String BENCHMARK = "3. 256 MiB attachment";
    private static final int REPETITIONS = Integer.getInteger("bench.repetitions", 3);
    /**
     * Extra flags for the child JVMs, "{run}" replaced by the child's number, e.g.
     * -Dbench.childJvmArgs=-XX:StartFlightRecording=filename=/tmp/child-{run}.jfr to profile them.
     */
    private static final String CHILD_JVM_ARGS = System.getProperty("bench.childJvmArgs", "");
    private static final long MIB = 1 << 20;

    @TempDir
    Path work;
    private int childRuns;

    private record Stage(double millis, double rssMiB, double heapMiB) {
    }

    @Test
    void vaultCopySubmitAndTransferInSixtyFourMebibytesOfHeap() throws Exception {
        Path large = randomFile("large.bin", 256 * MIB);
        Path small = randomFile("small.bin", 16 * MIB);
        Map<String, List<Stage>> envoi = new LinkedHashMap<>();
        Map<String, List<Stage>> envoiSmall = new LinkedHashMap<>();
        List<Stage> stock = new ArrayList<>();
        List<Stage> floor = new ArrayList<>();
        List<Stage> mutt = new ArrayList<>();
        Optional<Path> muttProgram = SmtpPeers.installed("mutt");
        try (SinkSmtpServer sink = SinkSmtpServer.start()) {
            String host = sink.host();
            String port = String.valueOf(sink.port());
            for (int r = 0; r < REPETITIONS; r++) {
                collect(envoi, child("envoi", work.resolve("profile-" + r).toString(), large.toString(), host, port,
                        "diagnose"));
                collect(envoiSmall, child("envoi", work.resolve("small-" + r).toString(), small.toString(), host, port));
                stock.add(child("jakarta", large.toString(), host, port).get("transfer"));
                floor.add(child("floor", large.toString(), host, port).get("transfer"));
                // mutt takes about 30 s a run here: once is enough to place it.
                if (muttProgram.isPresent() && r == 0 && !Boolean.getBoolean("bench.noMutt")) {
                    mutt.add(mutt(muttProgram.get(), large, sink));
                }
                deleteTree(work.resolve("profile-" + r));
            }
        }
        for (String stage : envoiSmall.keySet()) {
            BenchReport.Figure time = new BenchReport.Figure(BENCHMARK, stage + ": wall time", millis(envoi.get(stage)));
            BenchReport.Figure rss = new BenchReport.Figure(BENCHMARK, stage + ": peak RSS (-Xmx64m)",
                    rss(envoi.get(stage))).against("same stage, 16 MiB attachment", rss(envoiSmall.get(stage)));
            if (stage.equals("transfer")) {
                time = time.against("Transport.send + attachFile (stock)", millis(stock))
                        .against("floor: base64 + raw loopback copy", millis(floor));
                if (!mutt.isEmpty()) {
                    time = time.against("mutt", millis(mutt));
                }
                time = time.bar("≤ 1.2x Transport.send", time.ratioTo("Transport.send + attachFile (stock)") <= 1.2);
                rss = rss.against("Transport.send + attachFile, 256 MiB", rss(stock))
                        .against("floor, 256 MiB", rss(floor));
            }
            double growth = rss.ratioTo("same stage, 16 MiB attachment");
            time.record();
            rss.bar("peak RSS does not grow with size (256 vs 16 MiB within 10%)", growth <= 1.1).record();
        }
        String diagnostic = "transfer without the re-hash (diagnostic)";
        new BenchReport.Figure(BENCHMARK, diagnostic + ": wall time", millis(envoi.get(diagnostic)))
                .against("Transport.send + attachFile (stock)", millis(stock))
                .against("Envoi's transfer, re-hashing the vault file", millis(envoi.get("transfer"))).record();
        BenchReport.note(BENCHMARK, "every Envoi run sent its message with -Xmx64m (" + REPETITIONS + " of "
                + REPETITIONS + " at 256 MiB)" + (muttProgram.isEmpty() ? "; mutt is not installed, so not measured" : ""));
    }

    private static void collect(Map<String, List<Stage>> into, Map<String, Stage> run) {
        run.forEach((stage, figures) -> into.computeIfAbsent(stage, s -> new ArrayList<>()).add(figures));
    }

    private static Stats millis(List<Stage> stages) {
        return Stats.of("ms", stages.stream().map(Stage::millis).toList());
    }

    private static Stats rss(List<Stage> stages) {
        return Stats.of("MiB", stages.stream().map(Stage::rssMiB).toList());
    }

    /** Runs LargeSendRun in a JVM with 64 MiB of heap; fails if the send fails. */
    private Map<String, Stage> child(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx64m"));
        if (!CHILD_JVM_ARGS.isBlank()) {
            command.addAll(List.of(CHILD_JVM_ARGS.replace("{run}", String.valueOf(childRuns++)).trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LargeSendRun.class.getName()));
        command.addAll(List.of(args));
        Path log = work.resolve("child.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertEquals(0, process.exitValue(), () -> String.join(" ", args) + " failed: " + output);
        Map<String, Stage> stages = new LinkedHashMap<>();
        output.lines().filter(l -> l.startsWith("STAGE ")).forEach(l -> {
            String[] f = l.substring(6).split("\\|");
            stages.put(f[0], new Stage(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])));
        });
        return stages;
    }

    /** mutt in batch mode through the sink, timed and measured by /usr/bin/time. */
    private Stage mutt(Path mutt, Path file, SinkSmtpServer sink) throws Exception {
        Path rc = Files.writeString(work.resolve("muttrc"), "set smtp_url=\"smtp://" + sink.host() + ":" + sink.port()
                + "/\"\nset from=\"" + SmtpPeers.FROM.address() + "\"\nset ssl_starttls=no\nset ssl_force_tls=no\n"
                + "set record=\"\"\nset copy=no\nset use_from=yes\n");
        Path times = work.resolve("mutt.time");
        Path body = Files.writeString(work.resolve("body.txt"), "Here it is.\n");
        long before = sink.messages();
        Process process = new ProcessBuilder("/usr/bin/time", "-o", times.toString(), "-f", "%e %M", mutt.toString(),
                "-n", "-F", rc.toString(), "-s", "Large", "-a", file.toString(), "--", SmtpPeers.TO)
                .redirectInput(body.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("mutt.log").toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), () -> "mutt failed: " + read(work.resolve("mutt.log")));
        assertEquals(before + 1, sink.messages(), "mutt's message reached the sink");
        String[] figures = Files.readString(times).trim().split("\\s+");
        return new Stage(Double.parseDouble(figures[0]) * 1000, Long.parseLong(figures[1]) / 1024.0, Double.NaN);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private Path randomFile(String name, long size) throws IOException {
        Path file = work.resolve(name);
        Random random = new Random(size);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        return file;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
