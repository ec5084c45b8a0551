package dev.newsdesk.trending;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;

/**
 * The embedded mode's durability: an append-only log of accepted events and editor actions, in segment files of
 * records {@code [payload length][CRC32C of payload][payload]}. Appends go to a memory buffer; one flusher thread
 * writes whatever has gathered and fsyncs it (group commit), then acknowledges that whole batch. On open every
 * segment is replayed; a torn or corrupt tail of the last segment (a crash mid-write) is cut off, corruption
 * anywhere else stops the open. Holds no visitor data.
 */
final class EventLog implements AutoCloseable {

    /** What replay hands back, in log order. */
    interface Replay {
        void landmark(long landmarkMs);

        void event(String articleId, EventType type, long timeMs, double weight);

        void editorial(int action, String articleId);
    }

    private static final int VERSION = 1;
    private static final byte HEADER = 1;
    private static final byte EVENT = 2;
    private static final byte EDITORIAL = 3;
    private static final int MAX_PAYLOAD = 32 + 3 * EngagementEvent.MAX_ID_LENGTH;
    private static final int BUFFER_BYTES = 1 << 20;
    private static final EventType[] TYPES = EventType.values();

    private final Path dir;
    private final long segmentBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition hasData = lock.newCondition();
    private final Condition hasRoom = lock.newCondition();
    private final Condition durableCond = lock.newCondition();
    private final CRC32C crc = new CRC32C();
    private final Thread flusher;

    private FileChannel channel; // the flusher's after open
    private int segmentIndex;
    private long segmentSize;
    private final boolean fresh;

    private ByteBuffer active = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private ByteBuffer spare = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private long appended;
    private long flushingUpTo;
    private long durable;
    private CompletableFuture<Void> batch = new CompletableFuture<>();
    private CompletionStage<Outcome> batchAccepted;
    private CompletionStage<Outcome> flushingAccepted;
    private Throwable failure;
    private boolean closing;

    private EventLog(
            Path dir, long segmentBytes, int segmentIndex, long segmentSize, FileChannel channel, boolean fresh) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.segmentIndex = segmentIndex;
        this.segmentSize = segmentSize;
        this.channel = channel;
        this.fresh = fresh;
        this.flusher = Thread.ofPlatform().name("trending-log-flusher").daemon().start(this::flushLoop);
    }

    /** Replays the log in {@code dir} (created if missing) and opens it for appending. */
    static EventLog open(Path dir, long segmentBytes, Replay replay) {
        try {
            Files.createDirectories(dir);
            List<Path> segments;
            try (var files = Files.list(dir)) {
                segments = files.filter(p -> p.getFileName().toString().matches("segment-\\d{10}\\.log"))
                        .sorted()
                        .toList();
            }
            boolean fresh = true;
            for (int i = 0; i < segments.size(); i++) {
                fresh &= replaySegment(segments.get(i), i == segments.size() - 1, replay) == 0;
            }
            int index = segments.isEmpty() ? 0 : segmentNumber(segments.getLast());
            Path last = dir.resolve(segmentName(index));
            FileChannel ch = FileChannel.open(last, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long size = ch.size();
            ch.position(size);
            if (segments.isEmpty()) {
                forceDirectory(dir);
            }
            return new EventLog(dir, segmentBytes, index, size, ch, fresh);
        } catch (IOException e) {
            throw new TrendingException("cannot open the event log in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** True when the log held no records: the caller writes the landmark header first. */
    boolean isNew() {
        return fresh;
    }

    long appendLandmark(long landmarkMs) {
        lock.lock();
        try {
            int start = begin(1 + 4 + 8);
            active.put(HEADER).putInt(VERSION).putLong(landmarkMs);
            return end(start);
        } finally {
            lock.unlock();
        }
    }

    long appendEvent(String articleId, EventType type, long timeMs, double weight) {
        lock.lock();
        try {
            int start = begin(1 + 1 + 8 + 8 + 2 + 3 * articleId.length());
            active.put(EVENT).put((byte) type.ordinal()).putLong(timeMs).putDouble(weight);
            putId(active, articleId);
            return end(start);
        } finally {
            lock.unlock();
        }
    }

    long appendEditorial(int action, String articleId) {
        lock.lock();
        try {
            int start = begin(1 + 1 + 2 + 3 * articleId.length());
            active.put(EDITORIAL).put((byte) action);
            putId(active, articleId);
            return end(start);
        } finally {
            lock.unlock();
        }
    }

    /** Reserves room for a record and returns its start; the payload goes after the 8-byte record header. */
    private int begin(int maxPayload) {
        checkUsable();
        while (active.remaining() < 8 + maxPayload) {
            hasData.signal();
            hasRoom.awaitUninterruptibly();
            checkUsable();
        }
        int start = active.position();
        active.position(start + 8);
        return start;
    }

    /** Seals the record begun at {@code start} with its length and checksum; returns its sequence number. */
    private long end(int start) {
        int len = active.position() - start - 8;
        crc.reset();
        crc.update(active.slice(start + 8, len));
        active.putInt(start, len);
        active.putInt(start + 4, (int) crc.getValue());
        appended++;
        hasData.signal();
        return appended;
    }

    private void checkUsable() {
        if (failure != null) {
            throw new TrendingException("the event log failed: " + failure.getMessage(), failure);
        }
        if (closing) {
            throw new TrendingException("the event log is closed");
        }
    }

    private static void putId(ByteBuffer b, String id) {
        int lenAt = b.position();
        b.putShort((short) 0);
        int n = id.length();
        boolean ascii = true;
        for (int i = 0; i < n && ascii; i++) {
            ascii = id.charAt(i) < 0x80;
        }
        if (ascii) {
            for (int i = 0; i < n; i++) {
                b.put((byte) id.charAt(i));
            }
            b.putShort(lenAt, (short) n);
        } else {
            byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
            b.put(bytes);
            b.putShort(lenAt, (short) bytes.length);
        }
    }

    private static String getId(ByteBuffer b) {
        int len = Short.toUnsignedInt(b.getShort());
        byte[] bytes = new byte[len];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Blocks until record {@code seq} is on disk. */
    void awaitDurable(long seq) {
        lock.lock();
        try {
            while (durable < seq && failure == null) {
                durableCond.awaitUninterruptibly();
            }
            if (durable < seq) {
                throw new TrendingException("the event log failed: " + failure.getMessage(), failure);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Completes with {@link Outcome#ACCEPTED} once record {@code seq} is on disk. */
    CompletionStage<Outcome> acceptedWhenDurable(long seq) {
        lock.lock();
        try {
            if (durable >= seq) {
                return CompletableFuture.completedStage(Outcome.ACCEPTED);
            }
            if (seq <= flushingUpTo) {
                return flushingAccepted;
            }
            if (batchAccepted == null) {
                batchAccepted = batch.thenApply(v -> Outcome.ACCEPTED).minimalCompletionStage();
            }
            return batchAccepted;
        } finally {
            lock.unlock();
        }
    }

    private void flushLoop() {
        while (true) {
            ByteBuffer toWrite;
            long upTo;
            CompletableFuture<Void> done;
            lock.lock();
            try {
                while (active.position() == 0 && !closing) {
                    hasData.awaitUninterruptibly();
                }
                if (active.position() == 0) {
                    return;
                }
                toWrite = active;
                active = spare;
                spare = null;
                upTo = appended;
                done = batch;
                flushingUpTo = upTo;
                flushingAccepted = batchAccepted != null
                        ? batchAccepted
                        : done.thenApply(v -> Outcome.ACCEPTED).minimalCompletionStage();
                batch = new CompletableFuture<>();
                batchAccepted = null;
                hasRoom.signalAll();
            } finally {
                lock.unlock();
            }
            try {
                write(toWrite);
            } catch (IOException | RuntimeException e) {
                lock.lock();
                try {
                    failure = e;
                    durableCond.signalAll();
                    hasRoom.signalAll();
                    batch.completeExceptionally(e);
                } finally {
                    lock.unlock();
                }
                done.completeExceptionally(new TrendingException("the event log failed: " + e.getMessage(), e));
                return;
            }
            lock.lock();
            try {
                toWrite.clear();
                spare = toWrite;
                durable = upTo;
                durableCond.signalAll();
                hasRoom.signalAll();
            } finally {
                lock.unlock();
            }
            done.complete(null);
        }
    }

    private void write(ByteBuffer b) throws IOException {
        b.flip();
        int n = b.remaining();
        while (b.hasRemaining()) {
            channel.write(b);
        }
        channel.force(false);
        segmentSize += n;
        if (segmentSize >= segmentBytes) {
            channel.close();
            segmentIndex++;
            channel = FileChannel.open(
                    dir.resolve(segmentName(segmentIndex)), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            segmentSize = 0;
            forceDirectory(dir);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            hasData.signal();
        } finally {
            lock.unlock();
        }
        try {
            flusher.join(TimeUnit.SECONDS.toMillis(30));
            channel.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- replay

    /** Replays one segment; returns the number of records. */
    private static int replaySegment(Path file, boolean last, Replay replay) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        var crc = new CRC32C();
        int records = 0;
        while (b.hasRemaining()) {
            int at = b.position();
            int len = b.remaining() >= 8 ? b.getInt(at) : -1;
            boolean whole = len > 0 && len <= MAX_PAYLOAD && b.remaining() - 8 >= len;
            if (whole) {
                crc.reset();
                crc.update(b.slice(at + 8, len));
                whole = (int) crc.getValue() == b.getInt(at + 4);
            }
            if (!whole) {
                if (!last) {
                    throw new TrendingException("event log segment " + file + " is corrupt at byte " + at
                            + "; move it aside to start without it");
                }
                cutTail(file, b, at);
                return records;
            }
            ByteBuffer p = b.slice(at + 8, len);
            b.position(at + 8 + len);
            decode(p, replay);
            records++;
        }
        return records;
    }

    /**
     * Cuts the last segment at {@code at}. A crash mid-write leaves at most the last, unacknowledged batch torn;
     * the cut bytes are kept beside the segment ({@code .torn-<offset>}) for inspection, never silently destroyed.
     */
    private static void cutTail(Path file, ByteBuffer whole, int at) throws IOException {
        boolean allZero = true;
        for (int i = at; i < whole.limit() && allZero; i++) {
            allZero = whole.get(i) == 0;
        }
        if (!allZero) {
            Path aside = file.resolveSibling(file.getFileName() + ".torn-" + at);
            Files.write(aside, Arrays.copyOfRange(whole.array(), at, whole.limit()));
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(at);
            ch.force(true);
        }
    }

    private static void decode(ByteBuffer p, Replay replay) {
        byte kind = p.get();
        switch (kind) {
            case HEADER -> {
                int version = p.getInt();
                if (version != VERSION) {
                    throw new TrendingException(
                            "event log version " + version + " is not supported (expected " + VERSION + ")");
                }
                replay.landmark(p.getLong());
            }
            case EVENT -> {
                EventType type = TYPES[p.get()];
                long time = p.getLong();
                double weight = p.getDouble();
                replay.event(getId(p), type, time, weight);
            }
            case EDITORIAL -> {
                int action = p.get();
                replay.editorial(action, getId(p));
            }
            default -> throw new TrendingException("unknown event log record kind " + kind);
        }
    }

    private static String segmentName(int index) {
        return "segment-%010d.log".formatted(index);
    }

    private static int segmentNumber(Path p) {
        String n = p.getFileName().toString();
        return Integer.parseInt(n.substring("segment-".length(), n.length() - ".log".length()));
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some platforms cannot sync a directory; the segment's own fsync still holds its records
        }
    }
}
