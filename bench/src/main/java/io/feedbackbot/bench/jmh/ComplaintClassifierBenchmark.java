package io.feedbackbot.bench.jmh;

import java.util.List;
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

import io.feedbackbot.core.classify.ComplaintAssessment;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.opennlp.OpenNlpComplaintClassifier;

/**
 * Latency of one {@code assess} call on the shipped model (features, probability, category, evidence), sampled so
 * that JMH reports the median (p0.50). Messages are our own, short and long, in both languages.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ComplaintClassifierBenchmark {

    private static final List<String> MESSAGES = List.of(
            "外卖送到都凉了，还少了一份饭",
            "@bank charged me twice and nobody answers",
            "谢谢，很好吃，下次还来",
            "9",
            "The parcel says delivered but it is not here. I have called three times and every time I was put on hold "
                    + "for half an hour before the line dropped. I want my money back!!!",
            "客服态度太差了，打了三次电话都没人理，到现在还没退款😡",
            "great service, thanks a lot 👍",
            "app 一直闪退，登录不了");

    private OpenNlpComplaintClassifier classifier;
    private int next;

    @Setup
    public void load() {
        classifier = OpenNlpComplaintClassifier.shipped();
    }

    @Benchmark
    public ComplaintAssessment assess() {
        String text = MESSAGES.get(next++ & 7);
        return classifier.assess(text, Language.detect(text).orElse(Language.EN));
    }
}
