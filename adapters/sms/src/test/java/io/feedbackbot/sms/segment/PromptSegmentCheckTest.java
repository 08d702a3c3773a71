package io.feedbackbot.sms.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptSegmentCheckTest {

    @Test
    void reportsOnlyThePromptsOverTheAccountsBudget() {
        Map<String, String> prompts = new LinkedHashMap<>();
        prompts.put("nps.ask", "How likely are you to recommend us? Reply 0-10.");
        prompts.put("nps.why", "请告诉我们原因".repeat(11));   // 77 UCS-2 units: 2 segments
        List<PromptSegmentCheck.OversizedPrompt> over = PromptSegmentCheck.oversized("cn-main", prompts, 1);
        assertEquals(1, over.size());
        assertEquals("nps.why", over.get(0).promptId());
        assertEquals("SMS prompt 'nps.why' needs 2 segments (UCS-2, 77 units) but account 'cn-main' allows 1",
                over.get(0).describe());
    }

    @Test
    void promptsWithinBudgetGiveNoWarning() {
        assertTrue(PromptSegmentCheck.oversized("us", Map.of("a", "x".repeat(306)), 2).isEmpty());
    }

    @Test
    void aBudgetBelowOneSegmentIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> PromptSegmentCheck.oversized("us", Map.of(), 0));
    }
}
