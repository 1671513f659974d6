package dev.envoi.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One crash trial whose profile lives on the power-cut file system: each time an Envoi process
 * stops (killed at the plan's point, or done), the power goes: everything not synced is lost, the
 * database left on the "disk" must pass {@code integrity_check}, and the next Envoi starts on what
 * survived, mounted anew. The last cut comes after the restart has sent what it could, so what it
 * acknowledged must survive too; the audit then looks at that disk.
 */
final class PowerCutTrial implements CrashTrial.Outage {

    private final TrialPlan plan;
    private final Path folder;
    private final Path mountpoint;
    private final boolean torn;
    private final PowerCutFigures figures;
    private PowerCutFs fs;
    private int cuts;

    PowerCutTrial(TrialPlan plan, Path folder, PowerCutFigures figures) {
        this.plan = plan;
        this.folder = folder;
        this.mountpoint = folder.resolve("disk");
        // Half the trials tear: some unsynced pages reach the disk, in no order.
        this.torn = (plan.seed() >>> 1 & 1) == 0;
        this.figures = figures;
    }

    /** One trial in four sends to the pickup folder (no account): then the .eml files are in the cut too. */
    boolean pickup() {
        return (plan.seed() >>> 2 & 3) == 0;
    }

    TrialResult run() throws Exception {
        Files.createDirectories(mountpoint);
        fs = PowerCutFs.mount(Files.createDirectories(folder.resolve("image-0")), mountpoint,
                folder.resolve("image-1"), plan.seed(), torn);
        try {
            return new CrashTrial(plan, folder, mountpoint, this, pickup()).run();
        } finally {
            fs.close();
        }
    }

    @Override
    public void afterStop(TrialResult result) throws Exception {
        String line = fs.cut();
        cuts++;
        Path image = fs.image();
        figures.add(line, torn, pickup());
        checkDatabase(image, result);
        fs = PowerCutFs.mount(image, mountpoint, folder.resolve("image-" + (cuts + 1)), plan.seed() + cuts, torn);
    }

    /** The database the cut left opens and passes integrity_check (read on a copy: the restart must find it as it was). */
    private void checkDatabase(Path image, TrialResult result) throws IOException {
        List<Path> databases = new ArrayList<>();
        try (var files = Files.walk(image)) {
            files.filter(f -> f.getFileName().toString().equals("envoi.db")).forEach(databases::add);
        }
        for (Path db : databases) {
            Path copy = Files.createDirectories(folder.resolve("check-" + cuts));
            for (String suffix : List.of("", "-wal")) {
                Path part = db.resolveSibling("envoi.db" + suffix);
                if (Files.exists(part)) {
                    Files.copy(part, copy.resolve("envoi.db" + suffix));
                }
            }
            String verdict = integrityCheck(copy.resolve("envoi.db"));
            if (!verdict.equals("ok")) {
                result.violation("after cut " + cuts + " the database fails integrity_check: " + verdict);
                figures.integrityFailures.incrementAndGet();
            }
        }
    }

    private static String integrityCheck(Path db) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            List<String> lines = new ArrayList<>();
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
            return String.join("; ", lines);
        } catch (SQLException e) {
            return "cannot open: " + e.getMessage();
        }
    }

    int cuts() {
        return cuts;
    }
}
