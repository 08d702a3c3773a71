package io.feedbackbot.dialogs.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Intents in customer messages. Each row: message | expected intent, or NONE. */
class IntentRecognizerTest {

    private static final IntentLexicon DEFAULTS = IntentLexicon.defaults();
    private static final IntentLexicon SMS = DEFAULTS.plus(new IntentLexicon(
            Map.of(Intent.OPT_OUT, List.of("STOPALL", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE")), Map.of()));

    private final IntentRecognizer recognizer = new IntentRecognizer();

    private static Optional<Intent> intent(String name) {
        return name.equals("NONE") ? Optional.empty() : Optional.of(Intent.valueOf(name));
    }

    @ParameterizedTest(name = "[{0}] is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            STOP                | OPT_OUT
            stop                | OPT_OUT
            Stop!               | OPT_OUT
            ' STOP. '           | OPT_OUT
            ＳＴＯＰ            | OPT_OUT
            unsubscribe         | OPT_OUT
            退订                | OPT_OUT
            TD                  | OPT_OUT
            td                  | OPT_OUT
            T                   | OPT_OUT
            R                   | OPT_OUT
            Ｒ                  | OPT_OUT
            不要再发了          | OPT_OUT
            你们别再发了！      | OPT_OUT
            请不要再给我发短信  | OPT_OUT
            怎么退订            | OPT_OUT
            quit                | QUIT
            QUIT                | QUIT
            exit                | QUIT
            结束                | QUIT
            不想答了            | QUIT
            我不想回答了        | QUIT
            please stop the survey | QUIT
            agent               | HUMAN
            Agent?              | HUMAN
            human               | HUMAN
            人工                | HUMAN
            转人工              | HUMAN
            帮我转人工吧        | HUMAN
            客服                | HUMAN
            我要人工客服        | HUMAN
            是真人吗            | HUMAN
            can I talk to a person | HUMAN
            let me speak to someone please | HUMAN
            I want a real person | HUMAN
            不想答了，转人工    | HUMAN
            HELP                | HELP
            help?               | HELP
            info                | HELP
            START               | OPT_IN
            unstop              | OPT_IN
            YES                 | OPT_IN
            yes!                | OPT_IN
            """)
    void recognizesTheDefaultWordsInAnyCaseWidthOrPunctuation(String text, String expected) {
        assertEquals(intent(expected), recognizer.recognize(text, DEFAULTS), () -> "message [" + text + "]");
    }

    @ParameterizedTest(name = "[{0}] is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            stop sending me stuff     | NONE
            please stop               | NONE
            don't stop                | NONE
            the food was cold, stop   | NONE
            the agent was rude        | NONE
            agents are slow           | NONE
            客服态度很差              | NONE
            that's it, thanks         | NONE
            this was the worst experience | NONE
            r u serious               | NONE
            td bank                   | NONE
            I need help with my order | NONE
            yes it was solved         | NONE
            start                     | OPT_IN
            不要再发错货了            | NONE
            结束了吗                  | NONE
            9                         | NONE
            ''                        | NONE
            '   '                     | NONE
            """)
    void leavesOrdinarySentencesAlone(String text, String expected) {
        assertEquals(intent(expected), recognizer.recognize(text, DEFAULTS), () -> "message [" + text + "]");
    }

    @ParameterizedTest(name = "on SMS [{0}] is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            QUIT      | OPT_OUT
            quit      | OPT_OUT
            STOPALL   | OPT_OUT
            cancel    | OPT_OUT
            END       | OPT_OUT
            OptOut    | OPT_OUT
            revoke    | OPT_OUT
            STOP      | OPT_OUT
            exit      | QUIT
            stop the survey | QUIT
            agent     | HUMAN
            """)
    void letsTheAccountsLexiconDecide_optOutBeatingQuitOnSms(String text, String expected) {
        assertEquals(intent(expected), recognizer.recognize(text, SMS), () -> "message [" + text + "]");
    }

    @ParameterizedTest(name = "[{0}] is {1} when agent is a phrase")
    @CsvSource(delimiter = '|', textBlock = """
            I want an agent       | HUMAN
            agent please          | HUMAN
            agent!                | HUMAN
            我要agent             | HUMAN
            agents are slow       | NONE
            the reagent           | NONE
            """)
    void matchesLatinPhrasesAsWholeWordsOnly(String text, String expected) {
        IntentLexicon lexicon = new IntentLexicon(Map.of(), Map.of(Intent.HUMAN, List.of("agent")));
        assertEquals(intent(expected), recognizer.recognize(text, lexicon), () -> "message [" + text + "]");
    }
}
