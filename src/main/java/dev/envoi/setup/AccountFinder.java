package dev.envoi.setup;

import dev.envoi.setup.Attempt.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds an address's servers: the presets, then the domain's autoconfig, the ISPDB (for the domain,
 * then for its MX host's domain), DNS SRV records, and probing. The network steps all start at
 * once, so a slow one costs no time to the ones after it; their answers are then taken in that
 * order, each waited for until its own deadline (and never past the whole search's), and the
 * first whose settings are safe to take wins.
 */
public final class AccountFinder {

    private final FinderSettings settings;
    private final Presets presets = Presets.shipped();

    public AccountFinder(FinderSettings settings) {
        this.settings = settings;
    }

    /** Searches for the servers of a plain address (local@domain). */
    public Finding find(String address) {
        String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        List<Attempt> attempts = new ArrayList<>();
        Optional<Discovery> preset = presets.find(address);
        if (preset.isPresent()) {
            attempts.add(new Attempt(Source.PRESET, domain, Outcome.FOUND, preset.get().origin()));
            return new Finding(preset, attempts);
        }
        attempts.add(new Attempt(Source.PRESET, domain, Outcome.NOTHING, "not a provider Envoi knows"));
        ExecutorService pool = Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "envoi-account-finder");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return search(address, domain, attempts, pool);
        } finally {
            // A step still waiting (a server that never answers) is told to stop; its thread is a daemon.
            pool.shutdownNow();
        }
    }

    private Finding search(String address, String domain, List<Attempt> attempts, ExecutorService pool) {
        Duration dnsTimeout = settings.stepTimeout().dividedBy(2);
        DnsLookup dns = settings.dns() == null ? DnsLookup.system(dnsTimeout) : DnsLookup.at(settings.dns(), dnsTimeout);
        Steps steps = new Steps(settings, new ConfigFetcher(settings.tls(), settings.stepTimeout()), dns,
                new SmtpProbe(dns, settings.tls().getSocketFactory(), settings.probePorts()), presets);
        long start = System.nanoTime();
        long end = start + settings.totalTimeout().toNanos();
        List<Steps.Step> all = steps.all(address, domain);
        List<Future<Steps.Answer>> running = new ArrayList<>();
        for (Steps.Step step : all) {
            running.add(pool.submit(step.work()));
        }
        for (int i = 0; i < all.size(); i++) {
            Steps.Step step = all.get(i);
            long deadline = Math.min(end, start + step.timeout().toNanos());
            Attempt attempt;
            try {
                Steps.Answer answer = running.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (answer.found() == null) {
                    attempt = new Attempt(step.source(), step.asked(), Outcome.NOTHING, answer.detail());
                } else {
                    Optional<String> unsafe = Safety.problem(answer.found(), domain, answer.secure());
                    if (unsafe.isEmpty()) {
                        attempts.add(new Attempt(step.source(), step.asked(), Outcome.FOUND, answer.detail()));
                        skipRest(all, i + 1, attempts);
                        return new Finding(Optional.of(answer.found()), attempts);
                    }
                    attempt = new Attempt(step.source(), step.asked(), Outcome.REFUSED, unsafe.get());
                }
            } catch (TimeoutException e) {
                running.get(i).cancel(true);
                attempt = new Attempt(step.source(), step.asked(), Outcome.TIMED_OUT,
                        "no answer within " + Duration.ofNanos(deadline - start).toMillis() + " ms");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                attempt = new Attempt(step.source(), step.asked(), timedOut(cause) ? Outcome.TIMED_OUT : Outcome.FAILED,
                        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                attempts.add(new Attempt(step.source(), step.asked(), Outcome.FAILED, "interrupted"));
                return new Finding(Optional.empty(), attempts);
            }
            attempts.add(attempt);
        }
        return new Finding(Optional.empty(), attempts);
    }

    /** A step's own time limit (a DNS query's, an HTTP request's, a socket's) is a timeout too. */
    private static boolean timedOut(Throwable cause) {
        return cause instanceof java.net.SocketTimeoutException || cause instanceof java.net.http.HttpTimeoutException
                || cause instanceof java.net.http.HttpConnectTimeoutException
                || (cause instanceof java.io.IOException && String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("timed out"));
    }

    private static void skipRest(List<Steps.Step> all, int from, List<Attempt> attempts) {
        for (Steps.Step step : all.subList(from, all.size())) {
            attempts.add(new Attempt(step.source(), step.asked(), Outcome.SKIPPED, ""));
        }
    }
}
