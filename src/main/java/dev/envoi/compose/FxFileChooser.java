package dev.envoi.compose;

import dev.envoi.ui.Texts;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The system's file chooser, remembering the last folder for the next attach. */
public final class FxFileChooser implements FileChooserService {

    private final Window owner;
    private File lastFolder;

    public FxFileChooser(Window owner) {
        this.owner = owner;
    }

    @Override
    public List<Path> chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.of(FxFileChooser.class).get("chooser.title"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        List<File> files = chooser.showOpenMultipleDialog(owner);
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        lastFolder = files.get(0).getParentFile();
        return files.stream().map(File::toPath).toList();
    }
}
