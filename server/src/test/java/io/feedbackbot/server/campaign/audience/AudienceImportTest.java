package io.feedbackbot.server.campaign.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.redis.campaign.CampaignKeys;
import io.feedbackbot.redis.campaign.RecipientRecord;
import io.feedbackbot.redis.campaign.RecipientShards;
import io.feedbackbot.redis.testing.TestRedis;
import io.feedbackbot.sms.phone.PhoneNumbers;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An audience CSV into a campaign's shards: good rows kept, bad rows reported with line and reason. */
class AudienceImportTest {

    private static final int SHARDS = 4;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final CampaignKeys keys = new CampaignKeys(TestRedis.freshKeys());
    private final RecipientShards shards = new RecipientShards(TestRedis.client(), keys);

    private ImportReport importSms(byte[] file) {
        return new AudienceImport(shards, "c1", SHARDS, "phone", raw -> PhoneNumbers.toE164(raw, "CN"), SHANGHAI)
                .run(new ByteArrayInputStream(file), report -> { });
    }

    private List<RecipientRecord> everyone(int groups) {
        BitSet open = new BitSet();
        open.set(0, groups);
        Map<Integer, Integer> quotas = new HashMap<>();
        for (int s = 0; s < SHARDS; s++) {
            quotas.put(s, 1_000);
        }
        List<RecipientRecord> out = new ArrayList<>();
        shards.claim("c1", groups, open, quotas, "test", Instant.EPOCH, Duration.ofMinutes(1)).claimed()
                .forEach(c -> out.add(c.record()));
        return out;
    }

    @Test
    void goodRowsAreKeptAndEveryBadRowIsReportedWithItsLineAndReason() {
        String csv = "\uFEFFID, Phone ,language,timezone,store,touchpoint\r\n"
                + "r1,138 0013 8000,zh-CN,,SH-001,delivery\r\n"
                + "r2,12345,en,,SH-002,delivery\r\n"
                + ",13800138001,en,,SH-003,delivery\r\n"
                + "r4,13800138002,fr,,SH-004,delivery\r\n"
                + "r5,13800138003,en,Mars/Olympus,SH-005,delivery\r\n"
                + "r6,13800138004,en,America/New_York,\"SH-006, \"\"east\"\"\r\nwing\",store visit\r\n"
                + "r1,13800138005,en,,SH-007,delivery\r\n"
                + "r8,13800138006,en,,SH-008\r\n";

        ImportReport report = importSms(csv.getBytes(StandardCharsets.UTF_8));

        assertEquals("complete", report.state());
        assertEquals("utf-8-bom", report.encoding());
        assertEquals(8, report.rows());
        assertEquals(2, report.imported());
        assertEquals(6, report.rejected());
        assertEquals(Map.of("invalid_number", 1L, "missing_id", 1L, "unknown_language", 1L, "unknown_time_zone", 1L,
                "duplicate_id", 1L, "wrong_field_count", 1L), report.rejectedByReason());
        assertEquals(List.of(3L, 4L, 5L, 6L, 9L, 10L), report.errors().stream().map(RowProblem::line).toList(),
                "line numbers count the quoted line break in row r6");
        assertEquals("line 3 '12345' is not a valid phone number for region CN", report.errors().get(0).message());
        assertEquals("line 9 repeats id 'r1' of an earlier row", report.errors().get(4).message());
        assertEquals(List.of("Asia/Shanghai", "America/New_York"), report.zones());
        assertEquals(List.of("store", "touchpoint"), report.attributes());

        List<RecipientRecord> stored = everyone(2);
        assertEquals(2, stored.size());
        RecipientRecord r6 = stored.stream().filter(r -> r.id().equals("r6")).findFirst().orElseThrow();
        assertEquals("+8613800138004", r6.customer());
        assertEquals(List.of("SH-006, \"east\"  wing", "store visit"), r6.values(),
                "control characters in values become spaces");
        RecipientRecord r1 = stored.stream().filter(r -> r.id().equals("r1")).findFirst().orElseThrow();
        assertEquals("+8613800138000", r1.customer());
        assertEquals("zh-CN", r1.language());
    }

    @Test
    void aGbkFileFromChineseExcelKeepsItsChineseAttributes() {
        String csv = "id,phone,门店\n1,13800138000,上海人民广场店\n2,13800138001,北京朝阳店\n";

        ImportReport report = importSms(csv.getBytes(Charset.forName("GBK")));

        assertEquals("gb18030", report.encoding());
        assertEquals(2, report.imported());
        assertEquals(List.of("门店"), report.attributes());
        assertTrue(everyone(1).stream().anyMatch(r -> r.values().equals(List.of("上海人民广场店"))));
    }

    @Test
    void aHeaderWithoutTheAddressColumnFailsTheImportWithAReason() {
        ImportReport report = importSms("id,name\n1,x\n".getBytes(StandardCharsets.UTF_8));

        assertEquals("failed", report.state());
        assertEquals("the header needs an id column and a phone column (found: id, name)", report.failure());
        assertEquals(0, report.imported());
    }

    @Test
    void aQuoteThatNeverEndsStopsTheImportButKeepsTheRowsBefore() {
        ImportReport report = importSms("id,phone\n1,13800138000\n2,\"13800138001\n3,13800138002\n"
                .getBytes(StandardCharsets.UTF_8));

        assertEquals("failed", report.state());
        assertEquals(1, report.imported());
        assertEquals("a quoted field that starts on line 3 never ends; the rows before it were imported",
                report.failure());
    }

    @Test
    void recipientsAreNumberedInFileOrderSoEachHasItsOwnBit() {
        StringBuilder csv = new StringBuilder("id,customer\n");
        for (int i = 0; i < 5_000; i++) {
            csv.append("u").append(i).append(",web-").append(i).append('\n');
        }
        ImportReport report = new AudienceImport(shards, "c1", SHARDS, "customer", raw -> raw, SHANGHAI)
                .run(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), r -> { });

        assertEquals(5_000, report.imported());
        List<Long> seqs = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            everyone(1).forEach(r -> seqs.add(r.seq()));
        }
        assertEquals(5_000, seqs.stream().distinct().count());
        assertEquals(4_999L, seqs.stream().mapToLong(Long::longValue).max().orElseThrow());
    }
}
