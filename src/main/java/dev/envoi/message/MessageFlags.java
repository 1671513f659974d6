package dev.envoi.message;

import java.util.EnumSet;
import java.util.Set;

/** An immutable set of {@link MessageFlag}s, stored as MAPI's bit mask. */
public record MessageFlags(Set<MessageFlag> flags) {

    public MessageFlags {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    public static MessageFlags of(MessageFlag... flags) {
        EnumSet<MessageFlag> set = EnumSet.noneOf(MessageFlag.class);
        set.addAll(java.util.Arrays.asList(flags));
        return new MessageFlags(set);
    }

    public static MessageFlags fromBits(int bits) {
        EnumSet<MessageFlag> set = EnumSet.noneOf(MessageFlag.class);
        for (MessageFlag flag : MessageFlag.values()) {
            if ((bits & flag.bit()) != 0) {
                set.add(flag);
            }
        }
        return new MessageFlags(set);
    }

    public int toBits() {
        int bits = 0;
        for (MessageFlag flag : flags) {
            bits |= flag.bit();
        }
        return bits;
    }

    public boolean has(MessageFlag flag) {
        return flags.contains(flag);
    }

    public MessageFlags with(MessageFlag flag) {
        EnumSet<MessageFlag> set = EnumSet.noneOf(MessageFlag.class);
        set.addAll(flags);
        set.add(flag);
        return new MessageFlags(set);
    }

    public MessageFlags without(MessageFlag flag) {
        EnumSet<MessageFlag> set = EnumSet.noneOf(MessageFlag.class);
        set.addAll(flags);
        set.remove(flag);
        return new MessageFlags(set);
    }
}
