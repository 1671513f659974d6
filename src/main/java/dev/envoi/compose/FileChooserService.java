package dev.envoi.compose;

import java.nio.file.Path;
import java.util.List;

/** Asks the user for files to attach; the app shows a file chooser, tests return paths. */
@FunctionalInterface
public interface FileChooserService {

    List<Path> chooseFiles();
}
