package dev.newsdesk.trending;

import java.time.Duration;
import java.util.List;

/** The configured windows as arrays: name, half-life and decay rate per millisecond. */
final class Windows {

    final int count;
    final String[] names;
    final Duration[] halfLives;
    final double[] lambda;
    final double maxLambda;

    Windows(List<TrendingSettings.Window> windows) {
        count = windows.size();
        names = new String[count];
        halfLives = new Duration[count];
        lambda = new double[count];
        double max = 0;
        for (int i = 0; i < count; i++) {
            names[i] = windows.get(i).name();
            halfLives[i] = windows.get(i).halfLife();
            lambda[i] = Math.log(2) / halfLives[i].toMillis();
            max = Math.max(max, lambda[i]);
        }
        maxLambda = max;
    }

    /** {@code value * e^(-lambda * elapsedMs)}, computed in log space so that huge forward-decayed values do not overflow. */
    static double decay(double value, double lambda, long elapsedMs) {
        return value <= 0 ? 0 : Math.exp(Math.log(value) - lambda * elapsedMs);
    }
}
