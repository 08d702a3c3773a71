package io.feedbackbot.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.LoggerFactory;

import io.feedbackbot.opennlp.OpenNlpComplaintClassifier;

/**
 * Time to load the shipped model from the classpath as the server does at start-up: one shot in each of five fresh
 * JVMs. Logging is initialised first, as the server has done by then, so its cost is not counted.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
@State(Scope.Benchmark)
public class ModelLoadBenchmark {

    @Setup
    public void initialiseLogging() {
        LoggerFactory.getLogger(ModelLoadBenchmark.class).debug("logging initialised before the model loads");
    }

    @Benchmark
    public OpenNlpComplaintClassifier loadShippedColdJvm() {
        return OpenNlpComplaintClassifier.shipped();
    }
}
