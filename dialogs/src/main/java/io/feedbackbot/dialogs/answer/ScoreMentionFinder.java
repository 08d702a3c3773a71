package io.feedbackbot.dialogs.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Reads the numbers in a normalised reply and keeps those the customer meant as a rating.
 *
 * <p>Numbers joined by a connector become one mention: {@code 8-9} and {@code 8到9} (a range, at most four values
 * wide), {@code 8 or 9} and {@code 8还是9} (alternatives), {@code 9/10} and {@code 9 out of 10} (a stated scale),
 * {@code 5⭐} (a star unit). A mention counts when it is marked as a rating (a unit such as {@code 分} or
 * {@code stars}, a stated scale, a cue such as {@code 给} or {@code I'd say}), when the reply is nothing but the number
 * and filler words ({@code a nine}, {@code 我给九吧}), or, for digits and English words within the scale only, when it
 * opens or closes the reply set apart by punctuation ({@code 9, the driver was nice}). A number followed by another
 * unit ({@code 40分钟}, {@code 2 hours}) or preceded by an identifier ({@code order 123}, {@code #5}) never counts.
 */
final class ScoreMentionFinder {

    private static final Set<String> RANGE = Set.of("-", "~", "〜", "–", "—", "到", "至", "to");
    private static final Set<String> ALTERNATIVES = Set.of("or", "or maybe", "maybe", "and", "或", "或者", "或是", "还是",
            "和", "、", "/ or", "or even");
    private static final Set<String> OUT_OF = Set.of("/", "out of", "of", "outta");
    private static final int WIDEST_RANGE = 3;
    private static final int CONTEXT = 64;

    private ScoreMentionFinder() {
    }

    /** A run of tokens read as one number; {@code next} is the index of the first token after it. */
    private record Group(int start, int end, List<Integer> candidates, OptionalInt outOf, boolean stars,
                         NumberToken.Kind kind, int next) {
    }

    static List<ScoreMention> find(String s, int min, int max) {
        List<NumberToken> tokens = NumberScanner.scan(s);
        List<ScoreMention> mentions = new ArrayList<>();
        int t = 0;
        while (t < tokens.size()) {
            Group group = group(s, tokens, t);
            t = group.next();
            read(s, group, min, max).ifPresent(mentions::add);
        }
        FullMarks.alone(s, mentions).ifPresent(at ->
                mentions.add(new ScoreMention(at, at + 2, List.of(max), OptionalInt.of(max), true)));
        return mentions;
    }

    private static Group group(String s, List<NumberToken> tokens, int t) {
        NumberToken first = tokens.get(t);
        List<Integer> candidates = new ArrayList<>(first.values());
        boolean stars = first.kind() == NumberToken.Kind.STARS;
        OptionalInt outOf = OptionalInt.empty();
        int end = first.end();
        int i = t + 1;
        for (; i < tokens.size(); i++) {
            NumberToken next = tokens.get(i);
            String gap = s.substring(end, next.start()).trim();
            boolean nextStars = next.kind() == NumberToken.Kind.STARS;
            if (!stars && nextStars && gap.isEmpty() && (next.value() == 1 || candidates.equals(next.values()))) {
                stars = true;  // 5⭐, 3 ★★★: the stars are the unit
            } else if (RANGE.contains(gap) && candidates.size() == 1 && next.single() && stars == nextStars) {
                int low = Math.min(candidates.get(0), next.value());
                int high = Math.max(candidates.get(0), next.value());
                candidates = high - low > WIDEST_RANGE
                        ? new ArrayList<>() : new ArrayList<>(IntStream.rangeClosed(low, high).boxed().toList());
            } else if (ALTERNATIVES.contains(gap) && stars == nextStars) {
                candidates.addAll(next.values());
                end = next.end();
                continue;
            } else if (OUT_OF.contains(gap) && next.single() && !nextStars && !stars) {
                outOf = OptionalInt.of(next.value());
            } else {
                break;
            }
            end = next.end();
            if (candidates.isEmpty() || stars || outOf.isPresent()) {
                i++;
                break;
            }
        }
        return new Group(first.start(), end, candidates, outOf, stars, first.kind(), i);
    }

    private static Optional<ScoreMention> read(String s, Group g, int min, int max) {
        // Only a window around the number matters; reading all of a long message per number would be quadratic.
        String before = s.substring(Math.max(0, g.start() - CONTEXT), g.start());
        String after = s.substring(g.end(), Math.min(s.length(), g.end() + CONTEXT));
        boolean wholeBefore = g.start() <= CONTEXT;
        boolean wholeAfter = g.end() + CONTEXT >= s.length();
        boolean date = g.outOf().isPresent() && after.length() > 1 && after.charAt(0) == '/'
                && NumberScanner.isAsciiDigit(after.charAt(1));
        if (g.candidates().isEmpty() || date) {
            return Optional.empty();  // 1-10 is a stretch of the scale, 9/10/2024 a date: neither is an answer
        }
        boolean single = g.candidates().size() == 1;
        int fullAfter = FullMarks.lengthAfter(after);
        int fullBefore = FullMarks.startBefore(before);
        if (single && (fullAfter >= 0 || fullBefore >= 0)) {
            int start = fullBefore >= 0 ? g.start() - before.length() + fullBefore : g.start();
            int end = g.end() + (fullAfter >= 0 ? fullAfter : after.startsWith("分") ? 1 : 0);
            return Optional.of(new ScoreMention(start, end, g.candidates(), OptionalInt.of(g.candidates().get(0)), true));
        }
        ScoreContext.Unit unit = ScoreContext.unitAfter(after);
        if (unit == ScoreContext.Unit.OTHER
                || (unit == ScoreContext.Unit.NONE && ScoreContext.glued(before, after))
                || ScoreContext.identifierBefore(before)) {
            return Optional.empty();
        }
        boolean stars = g.stars() || unit == ScoreContext.Unit.STARS;
        OptionalInt outOf = g.outOf().isPresent() || !stars ? g.outOf() : OptionalInt.of(5);
        ScoreMention mention = new ScoreMention(g.start(), g.end(), g.candidates(), outOf, false);
        boolean marked = unit != ScoreContext.Unit.NONE || stars || outOf.isPresent() || ScoreContext.cueBefore(before);
        boolean fillersBefore = wholeBefore && ReplyShape.onlyFillers(before);
        boolean fillersAfter = wholeAfter && ReplyShape.onlyFillers(after);
        if (marked || (fillersBefore && fillersAfter)) {
            return Optional.of(mention);
        }
        boolean positional = g.kind() != NumberToken.Kind.HAN && mention.within(min, max) && (
                (fillersBefore && ReplyShape.separatedAfter(after))
                || (fillersAfter && ReplyShape.separatedBefore(before)));
        return positional ? Optional.of(mention) : Optional.empty();
    }
}
