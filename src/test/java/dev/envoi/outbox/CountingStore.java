package dev.envoi.outbox;

import dev.envoi.store.MessageStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real store, with the rows of every list it hands out counted on their way and any read of a
 * whole folder (outbox(), drafts(), sent()) noted: what the outbox window reads, without timing it.
 */
final class CountingStore {

    final AtomicLong rows = new AtomicLong();
    final Set<String> wholeFolders = ConcurrentHashMap.newKeySet();
    final MessageStore store;

    CountingStore(MessageStore real) {
        store = (MessageStore) Proxy.newProxyInstance(MessageStore.class.getClassLoader(),
                new Class<?>[] {MessageStore.class}, (proxy, method, args) -> {
                    if (List.of("outbox", "drafts", "sent").contains(method.getName())) {
                        wholeFolders.add(method.getName());
                    }
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof List<?> list) {
                        rows.addAndGet(list.size());
                    }
                    return result;
                });
    }
}
