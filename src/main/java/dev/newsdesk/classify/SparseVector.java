package dev.newsdesk.classify;

/** A sparse feature vector: parallel arrays of indices and values, owned by whoever made it. */
public record SparseVector(int[] index, float[] value) {

    public SparseVector {
        if (index.length != value.length) {
            throw new IllegalArgumentException("index and value lengths differ");
        }
    }

    public int size() {
        return index.length;
    }
}
