package io.feedbackbot.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import io.feedbackbot.opennlp.OpenNlpComplaintClassifier;

/**
 * Time to load the shipped model from the classpath as the server does at start-up. Single shot in fresh JVMs: the
 * first load in a cold JVM is what start-up pays; later shots show the warm cost.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class ModelLoadBenchmark {

    @Benchmark
    public OpenNlpComplaintClassifier loadShippedColdJvm() {
        return OpenNlpComplaintClassifier.shipped();
    }
}
