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
 *
 * <p>Checkpoints keep replay short and the directory bounded: once a configured number of segments have been
 * closed since the last one, the engine {@linkplain #roll() rolls} the log under its lock (events after the cut
 * go to a new segment) and hands over a copy of its state, which is written as a segment of its own between the two:
 * the landmark, every article's counts and forward-decayed engagement bit for bit, the editor's pins and blocks. It
 * is written to a temporary file, fsynced and renamed into place, and only then are the segments before it deleted;
 * replay starts at the last checkpoint, so a crash at any step loses nothing and counts nothing twice.
 */
final class EventLog implements AutoCloseable {

    /** What replay hands back, in log order. */
    interface Replay {
        void landmark(long landmarkMs);

        void event(String articleId, EventType type, long timeMs, double weight);

        void editorial(int action, String articleId);

        /** A checkpoint begins: the index is empty; {@code lambdas} are the windows' decay rates it was written with. */
        void checkpoint(long landmarkMs, double[] lambdas);

        /** One article's state in a checkpoint: counts by event type, engagement by window. */
        void state(String articleId, int[] counts, double[] engagement);
    }

    /** What a checkpoint holds: articles' state in parallel arrays (counts by type, engagement by window). */
    record Checkpoint(
            long landmarkMs,
            double[] lambdas,
            String[] ids,
            int[] counts,
            double[] engagement,
            Editorial.Snapshot editorial) {}

    private static final int VERSION = 1;
    private static final byte HEADER = 1;
    private static final byte EVENT = 2;
    private static final byte EDITORIAL = 3;
    private static final byte CHECKPOINT = 4;
    private static final byte STATE = 5;
    private static final int MAX_WINDOWS = 8;
    private static final int MAX_PAYLOAD =
            16 + 4 * EventType.values().length + 8 * MAX_WINDOWS + 3 * EngagementEvent.MAX_ID_LENGTH;
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
    private volatile int closedSinceCheckpoint;
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
            List<Path> segments = segments(dir);
            int from = 0;
            for (int i = segments.size() - 1; i > 0 && from == 0; i--) {
                from = startsWithCheckpoint(segments.get(i)) ? i : 0;
            }
            for (int i = 0; i < from; i++) {
                Files.delete(segments.get(i)); // superseded: a crash came between a checkpoint and this cleanup
            }
            boolean fresh = true;
            for (int i = from; i < segments.size(); i++) {
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

    /** The segments' size on disk now (a listing of the directory, no lock). */
    long bytesOnDisk() {
        try {
            long bytes = 0;
            for (Path p : segments(dir)) {
                bytes += Files.size(p);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Segments closed since the last checkpoint (or the open). */
    int closedSinceCheckpoint() {
        return closedSinceCheckpoint;
    }

    /**
     * Cuts the log for a checkpoint; the caller holds the engine's lock, so nothing is appended meanwhile. Waits
     * until every record so far is on disk, closes the segment, and leaves a gap in the numbering for the checkpoint:
     * returns the gap's index, to pass to {@link #writeCheckpoint}.
     */
    int roll() {
        lock.lock();
        try {
            while (durable < appended && failure == null) {
                durableCond.awaitUninterruptibly();
            }
            checkUsable();
            // everything appended is written, so the flusher is not inside write(): the channel is ours until the
            // next append, which needs this lock
            channel.close();
            int gap = segmentIndex + 1;
            segmentIndex += 2;
            channel = FileChannel.open(
                    dir.resolve(segmentName(segmentIndex)), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            segmentSize = 0;
            closedSinceCheckpoint = 0;
            forceDirectory(dir);
            return gap;
        } catch (IOException e) {
            failure = e;
            throw new TrendingException("cannot roll the event log: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes a checkpoint into the gap {@link #roll} left, then deletes the segments before it. On a failure the
     * temporary file goes and the segments stay: the log is as it was, only longer.
     */
    void writeCheckpoint(int gap, Checkpoint cp) {
        Path tmp = dir.resolve(segmentName(gap) + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(
                    tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.allocate(BUFFER_BYTES);
                var sealer = new CRC32C();
                int start = open(b);
                b.put(CHECKPOINT).putInt(VERSION).putLong(cp.landmarkMs()).put((byte) cp.lambdas().length);
                for (double l : cp.lambdas()) {
                    b.putDouble(l);
                }
                seal(b, start, sealer);
                int types = TYPES.length;
                int windows = cp.lambdas().length;
                for (int i = 0; i < cp.ids().length; i++) {
                    drainIfFull(b, out);
                    start = open(b);
                    b.put(STATE).put((byte) types).put((byte) windows);
                    for (int t = 0; t < types; t++) {
                        b.putInt(cp.counts()[i * types + t]);
                    }
                    for (int w = 0; w < windows; w++) {
                        b.putDouble(cp.engagement()[i * windows + w]);
                    }
                    putId(b, cp.ids()[i]);
                    seal(b, start, sealer);
                }
                editorials(b, out, Editorial.PIN, cp.editorial().pins(), sealer);
                editorials(b, out, Editorial.BLOCK, cp.editorial().blocks(), sealer);
                drain(b, out);
                out.force(true);
            }
            List<Path> before =
                    segments(dir).stream().filter(p -> segmentNumber(p) < gap).toList();
            Files.move(tmp, dir.resolve(segmentName(gap)), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(dir);
            for (Path p : before) {
                Files.deleteIfExists(p);
            }
            forceDirectory(dir);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the next open ignores a stray temporary file
            }
            throw new TrendingException("cannot write an event log checkpoint: " + e.getMessage(), e);
        }
    }

    /** Editor actions that rebuild the pins (in order) or the blocks. */
    private static void editorials(
            ByteBuffer b, FileChannel out, int action, java.util.Collection<String> ids, CRC32C sealer)
            throws IOException {
        for (String id : ids) {
            drainIfFull(b, out);
            int start = open(b);
            b.put(EDITORIAL).put((byte) action);
            putId(b, id);
            seal(b, start, sealer);
        }
    }

    private static int open(ByteBuffer b) {
        int start = b.position();
        b.position(start + 8);
        return start;
    }

    private static void seal(ByteBuffer b, int start, CRC32C sealer) {
        int len = b.position() - start - 8;
        sealer.reset();
        sealer.update(b.slice(start + 8, len));
        b.putInt(start, len);
        b.putInt(start + 4, (int) sealer.getValue());
    }

    private static void drainIfFull(ByteBuffer b, FileChannel out) throws IOException {
        if (b.remaining() < 8 + MAX_PAYLOAD) {
            drain(b, out);
        }
    }

    private static void drain(ByteBuffer b, FileChannel out) throws IOException {
        b.flip();
        while (b.hasRemaining()) {
            out.write(b);
        }
        b.clear();
    }

    private static List<Path> segments(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("segment-\\d{10}\\.log"))
                    .sorted()
                    .toList();
        }
    }

    private static boolean startsWithCheckpoint(Path segment) throws IOException {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(9);
            while (head.hasRemaining() && ch.read(head) > 0) {
                // fill
            }
            return !head.hasRemaining() && head.get(8) == CHECKPOINT;
        }
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
            closedSinceCheckpoint++;
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
            case CHECKPOINT -> {
                int version = p.getInt();
                if (version != VERSION) {
                    throw new TrendingException(
                            "event log version " + version + " is not supported (expected " + VERSION + ")");
                }
                long landmark = p.getLong();
                double[] lambdas = new double[p.get()];
                for (int w = 0; w < lambdas.length; w++) {
                    lambdas[w] = p.getDouble();
                }
                replay.checkpoint(landmark, lambdas);
            }
            case STATE -> {
                int[] counts = new int[p.get()];
                double[] engagement = new double[p.get()];
                for (int t = 0; t < counts.length; t++) {
                    counts[t] = p.getInt();
                }
                for (int w = 0; w < engagement.length; w++) {
                    engagement[w] = p.getDouble();
                }
                replay.state(getId(p), counts, engagement);
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
