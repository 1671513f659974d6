package dev.envoi.testing;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints why each skipped test was skipped, where `mvn verify` shows it: Maven's console says only
 * "Skipped: 1". A test skips when this machine cannot make its situation (an unreadable file when
 * running as root, no system keyring): a disabled test gives its reason, an assumption that failed
 * its message. Registered for every test run in META-INF/services.
 */
public final class SkipReasons implements TestExecutionListener {

    private final List<String> reasons = new CopyOnWriteArrayList<>();
    private final PrintStream console;
    private TestPlan plan;

    public SkipReasons() {
        this(System.out);
    }

    SkipReasons(PrintStream console) {
        this.console = console;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        note(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            note(test, result.getThrowable().map(Throwable::getMessage).orElse("an assumption did not hold"));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (!reasons.isEmpty()) {
            console.println("Skipped tests and why (" + reasons.size() + "):");
            reasons.forEach(line -> console.println("  " + line));
        }
    }

    private void note(TestIdentifier test, String reason) {
        String line = name(test) + ": " + (reason == null || reason.isBlank() ? "no reason given" : reason.strip());
        reasons.add(line);
        console.println("[SKIPPED] " + line);
    }

    /** Class and method, as a developer would look them up. */
    private String name(TestIdentifier test) {
        String parent = plan == null ? "" : plan.getParent(test).map(TestIdentifier::getDisplayName).orElse("");
        return parent.isEmpty() ? test.getDisplayName() : parent + " > " + test.getDisplayName();
    }
}
