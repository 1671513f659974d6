package dev.envoi.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pages in a profile's write-ahead log, read from the file itself: what a commit made durable
 * (each frame is one page, synced with the commit). Only the frames written since the log last
 * started over count: their salts match the log header's, older frames left in the file do not.
 */
final class WalFrames {

    private static final int HEADER = 32;
    private static final int FRAME_HEADER = 24;

    private WalFrames() {
    }

    /** The page number of each frame in the log now, in order. */
    static List<Integer> pages(Path profile) throws IOException {
        Path log = profile.resolve(SqliteMessageStore.DATABASE_FILE + "-wal");
        List<Integer> pages = new ArrayList<>();
        if (!Files.exists(log) || Files.size(log) < HEADER) {
            return pages;
        }
        try (FileChannel channel = FileChannel.open(log)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            channel.read(header, 0);
            int frame = FRAME_HEADER + header.getInt(8);
            int salt1 = header.getInt(16);
            int salt2 = header.getInt(20);
            for (long at = HEADER; at + frame <= channel.size(); at += frame) {
                ByteBuffer frameHeader = ByteBuffer.allocate(FRAME_HEADER);
                channel.read(frameHeader, at);
                if (frameHeader.getInt(8) != salt1 || frameHeader.getInt(12) != salt2) {
                    break;
                }
                pages.add(frameHeader.getInt(0));
            }
        }
        return pages;
    }

    /** The frames one commit added between two readings (all of them if the log started over). */
    static List<Integer> added(List<Integer> before, List<Integer> after) {
        boolean sameLog = after.size() >= before.size() && after.subList(0, before.size()).equals(before);
        return sameLog ? after.subList(before.size(), after.size()) : after;
    }
}
