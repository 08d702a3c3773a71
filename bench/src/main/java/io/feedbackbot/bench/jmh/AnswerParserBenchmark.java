package io.feedbackbot.bench.jmh;

import io.feedbackbot.dialogs.answer.AnswerParser;
import io.feedbackbot.dialogs.answer.ParsedAnswer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of reading one customer answer, sampled so JMH reports the median and p99: a scale answer (NPS 0–10),
 * a yes/no and a choice, each over a mix of what customers type (digits, full-width digits, Chinese numerals,
 * words, ratings inside sentences, emoji, off-scale and ambiguous replies).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnswerParserBenchmark {

    private static final List<String> SCALE = List.of("9", "９", "给9分", "九分", "nine", "10/10", "⭐⭐⭐⭐",
            "我觉得8分吧，送得还挺快的", "8 or 9", "等了40分钟才到", "满分", "0");
    private static final List<String> YES_NO = List.of("是", "好的", "yeah", "👍", "不是", "nope", "❌", "解决了，谢谢",
            "还没有解决", "嗯");
    private static final List<String> CHOICE = List.of("1", "第一个", "配送", "the app", "B", "价格太贵了", "都不是",
            "second one");
    private static final List<List<String>> OPTIONS = List.of(List.of("配送", "delivery"),
            List.of("商品质量", "product quality"), List.of("价格", "price"), List.of("App", "the app"));

    private final AnswerParser parser = new AnswerParser();
    private int next;

    @Benchmark
    public ParsedAnswer scale() {
        return parser.scale(SCALE.get(Math.floorMod(next++, SCALE.size())), 0, 10);
    }

    @Benchmark
    public ParsedAnswer yesNo() {
        return parser.yesNo(YES_NO.get(Math.floorMod(next++, YES_NO.size())));
    }

    @Benchmark
    public ParsedAnswer choice() {
        return parser.choice(CHOICE.get(Math.floorMod(next++, CHOICE.size())), OPTIONS);
    }
}
