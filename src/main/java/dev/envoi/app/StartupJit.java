package dev.envoi.app;

import java.util.List;

/**
 * The JIT options every way of starting Envoi gives its JVM: the packaged launchers (in
 * packaging/app-image.args, which InstallerFilesTest holds to this list), the second JVM of
 * `java -jar` ({@link ClassDataRelaunch}) and `mvn javafx:run` (pom.xml).
 *
 * <p>Why: before the first frame the JVM's two compiler threads spent more CPU than the FX thread
 * itself (docs/benchmarks.md, "Start-up margin"), most of it C2 compiling start-up code that runs a
 * few thousand times and then never again, and throwing some of it away (deoptimising back to the
 * interpreter on the FX thread). On two cores that competes with the FX thread and the profile's
 * opening. C2 is asked to wait until a method has run several times as often as by default (six
 * times the calls, five times the loop turns); C1 still compiles at once. Code that stays hot (a
 * 256 MiB transfer's copy and encoding loops, the spooler) reaches these counts within
 * milliseconds, so its speed after warm-up is C2's as before (benchmark 3 run with and without
 * them). Taken out once because Sent's first scroll then skipped frames, back since the renderer
 * no longer starved it ({@code ui.RegionPainting}; docs/benchmarks.md, "StartupJit back").
 */
public final class StartupJit {

    /** HotSpot's tiered thresholds for level 4 (C2), defaults 5000, 600, 15000 and 40000. */
    public static final List<String> OPTIONS = List.of(
            "-XX:Tier4InvocationThreshold=30000",
            "-XX:Tier4MinInvocationThreshold=10000",
            "-XX:Tier4CompileThreshold=40000",
            "-XX:Tier4BackEdgeThreshold=200000");

    private StartupJit() {
    }
}
