package io.feedbackbot.server.campaign.audience;

import io.feedbackbot.redis.campaign.RecipientRecord;
import io.feedbackbot.redis.campaign.RecipientShards;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Imports an audience file into a campaign as it streams in: decodes it, reads CSV records, checks each row, and
 * stores good rows in batches (one pipelined round trip per batch, one script per shard), numbering recipients and
 * grouping them by time zone. Rows are checked a chunk at a time on every core, so the channel's normalisation
 * ({@code customerId}) must be thread-safe. Bad rows are reported with their line and reason and the good rows are kept; a file
 * that stops being CSV ends the import there, keeping what came before. Reports progress as it goes.
 */
public final class AudienceImport {

    static final int BATCH = 2_000;
    /** The most time zones one audience may have (each is a queue per shard). */
    public static final int MAX_ZONES = 200;
    static final int PROGRESS_EVERY = 20_000;

    private final RecipientShards shards;
    private final String campaign;
    private final int shardCount;
    private final String preferredAddress;
    private final UnaryOperator<String> customerId;
    private final ZoneId defaultZone;

    private final Map<String, Integer> zones = new LinkedHashMap<>();
    private final Map<String, Long> byReason = new TreeMap<>();
    private final List<RowProblem> listed = new ArrayList<>();
    private final List<RecipientShards.Added> batch = new ArrayList<>(BATCH);
    private final Map<String, List<Long>> batchLines = new HashMap<>();
    private final List<Row> read = new ArrayList<>(BATCH);
    private AudienceRows check;
    private List<String> attributes = List.of();
    private String encoding = "us-ascii";
    private long rows;
    private long imported;
    private long rejected;
    private long seq;

    /**
     * @param preferredAddress the channel's address column ({@code phone}, {@code openid}, {@code customer})
     * @param customerId       the channel's normalisation of an address
     */
    public AudienceImport(RecipientShards shards, String campaign, int shardCount, String preferredAddress,
                          UnaryOperator<String> customerId, ZoneId defaultZone) {
        this.shards = shards;
        this.campaign = campaign;
        this.shardCount = shardCount;
        this.preferredAddress = preferredAddress;
        this.customerId = customerId;
        this.defaultZone = defaultZone;
    }

    /** Reads the whole stream; {@code progress} hears a report every {@value #PROGRESS_EVERY} rows. */
    public ImportReport run(InputStream in, Consumer<ImportReport> progress) {
        AudienceReader reader = new AudienceReader(in);
        CsvRecords csv = new CsvRecords(reader);
        try {
            List<String> header = csv.next();
            encoding = reader.encoding();
            if (header == null) {
                return report("failed", "the file is empty");
            }
            AudienceColumns columns = AudienceColumns.of(header, preferredAddress);
            attributes = columns.attributes();
            check = new AudienceRows(columns, customerId, defaultZone);
            List<String> fields;
            while ((fields = csv.next()) != null) {
                if (fields.stream().allMatch(String::isBlank)) {
                    continue;
                }
                read.add(new Row(fields, csv.line()));
                if (read.size() >= BATCH) {
                    checkAll(progress, reader);
                }
            }
            checkAll(progress, reader);
            encoding = reader.encoding();
            return report("complete", null);
        } catch (CsvRecords.MalformedCsvException e) {
            checkAll(progress, reader);
            return report("failed", e.getMessage() + "; the rows before it were imported");
        } catch (IllegalArgumentException e) {
            return report("failed", e.getMessage());
        } catch (IOException e) {
            checkAll(progress, reader);
            return report("failed", "the upload broke off after " + rows + " rows: " + e.getMessage());
        } finally {
            shards.forgetIds(campaign, shardCount);
        }
    }

    /** A record and the line it starts on. */
    private record Row(List<String> fields, long line) {
    }

    /**
     * Checks a chunk of rows on the available cores (checking is pure, and normalising a phone number is the
     * expensive part), then numbers and stores them in file order.
     */
    private void checkAll(Consumer<ImportReport> progress, AudienceReader reader) {
        if (check == null) {
            return;
        }
        List<AudienceRows.Checked> checked = read.parallelStream().map(r -> check.check(r.fields(), r.line())).toList();
        for (int i = 0; i < read.size(); i++) {
            rows++;
            accept(checked.get(i), read.get(i).line());
            if (rows % PROGRESS_EVERY == 0) {
                encoding = reader.encoding();
                progress.accept(report("importing", null));
            }
        }
        read.clear();
        flush();
    }

    private void accept(AudienceRows.Checked checked, long line) {
        if (checked instanceof AudienceRows.Checked.Bad bad) {
            reject(bad.problem());
            return;
        }
        Recipient r = ((AudienceRows.Checked.Good) checked).recipient();
        Integer group = zones.get(r.zone().getId());
        if (group == null) {
            if (zones.size() >= MAX_ZONES) {
                reject(new RowProblem(line, r.id(), "too_many_time_zones", "line " + line + " is in a time zone "
                        + "beyond the first " + MAX_ZONES + " of this audience"));
                return;
            }
            group = zones.size();
            zones.put(r.zone().getId(), group);
        }
        batch.add(new RecipientShards.Added(group, new RecipientRecord(r.id(), seq++, r.customer(),
                r.language(), r.values())));
        batchLines.computeIfAbsent(r.id(), id -> new ArrayList<>(1)).add(line);
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<String> duplicates = shards.add(campaign, shardCount, zones.size(), batch);
        for (String id : duplicates) {
            List<Long> lines = batchLines.get(id);
            long line = lines.size() > 1 ? lines.remove(lines.size() - 1) : lines.get(0);
            reject(new RowProblem(line, id, "duplicate_id", "line " + line + " repeats id '" + id
                    + "' of an earlier row"));
        }
        imported += batch.size() - duplicates.size();
        batch.clear();
        batchLines.clear();
    }

    private void reject(RowProblem problem) {
        rejected++;
        byReason.merge(problem.reason(), 1L, Long::sum);
        if (listed.size() < ImportReport.LISTED_ERRORS) {
            listed.add(problem);
        }
    }

    private ImportReport report(String state, String failure) {
        return new ImportReport(state, encoding, rows, imported, rejected, byReason,
                listed.stream().sorted(java.util.Comparator.comparingLong(RowProblem::line)).toList(),
                List.copyOf(zones.keySet()), attributes, failure);
    }
}
