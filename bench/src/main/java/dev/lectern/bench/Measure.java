package dev.lectern.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** Runs work on concurrent clients and summarises what it took. */
final class Measure {
  private Measure() {}

  /** One unit of work, given its index. */
  @FunctionalInterface
  interface Work {
    void run(int index) throws Exception;
  }

  /**
   * Latency summary of a run.
   *
   * @param count units of work done
   * @param seconds wall time of the whole run
   */
  record Run(int count, double seconds, double p50Millis, double p99Millis, double meanMillis) {
    double perSecond() {
      return count / seconds;
    }
  }

  /**
   * Does units {@code 0..count-1} on {@code clients} threads, each taking the next index as it
   * finishes, and times every unit. The first failure stops the run and is thrown.
   */
  static Run concurrently(int clients, int count, Work work) throws Exception {
    long[] took = new long[count];
    AtomicInteger next = new AtomicInteger();
    long began = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    work.run(i);
                    took[i] = System.nanoTime() - start;
                  }
                  return null;
                }));
      }
      for (Future<?> client : running) {
        try {
          client.get();
        } catch (java.util.concurrent.ExecutionException e) {
          next.set(count);
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    return summarise(took, seconds);
  }

  static Run summarise(long[] nanos, double seconds) {
    long[] sorted = nanos.clone();
    java.util.Arrays.sort(sorted);
    double mean = 0;
    for (long value : sorted) {
      mean += value;
    }
    mean = sorted.length == 0 ? 0 : mean / sorted.length / 1e6;
    return new Run(
        sorted.length, seconds, percentile(sorted, 0.50), percentile(sorted, 0.99), mean);
  }

  /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
  static double percentile(long[] sorted, double fraction) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(fraction * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  static long directoryBytes(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              file -> {
                try {
                  return Files.size(file);
                } catch (IOException gone) {
                  return 0; // merged away while walking
                }
              })
          .sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
