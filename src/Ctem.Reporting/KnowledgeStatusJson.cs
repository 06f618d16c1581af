using Ctem.Core.Stores;

namespace Ctem.Reporting;

/// <summary>What the knowledge base holds, as <c>ctem db status --format json</c> writes it and the API's <c>/knowledge</c> answers.</summary>
public static class KnowledgeStatusJson
{
    /// <param name="database">Where the data lives (no password); null where the reader should not learn it (the API).</param>
    public static void Write(
        TextWriter output, string? database, IReadOnlyList<KnowledgeStatusRow> rows, IReadOnlyList<FeedStatusRow> feeds, IReadOnlyList<CveRecordStatusRow> cveRecords) =>
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("database", database);
            writer.WriteStartArray("sources");
            foreach (var row in rows)
            {
                writer.WriteStartObject();
                writer.WriteString("source", row.Source);
                writer.WriteString("ecosystem", row.Ecosystem);
                writer.WriteNumber("advisories", row.Advisories);
                writer.WriteNumber("withdrawn", row.Withdrawn);
                JsonOutput.WriteTime(writer, "latestModified", row.LatestModified);
                JsonOutput.WriteTime(writer, "lastImportedAt", row.LastImportedAt);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("feeds");
            foreach (var feed in feeds)
            {
                writer.WriteStartObject();
                writer.WriteString("source", feed.Source);
                writer.WriteString("version", feed.Version);
                JsonOutput.WriteTime(writer, "publishedAt", feed.PublishedAt);
                writer.WriteNumber("records", feed.Records);
                JsonOutput.WriteTime(writer, "importedAt", feed.ImportedAt);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("cveRecords");
            foreach (var row in cveRecords)
            {
                writer.WriteStartObject();
                writer.WriteString("source", row.Database);
                writer.WriteNumber("records", row.Records);
                JsonOutput.WriteTime(writer, "latestModified", row.LatestModified);
                JsonOutput.WriteTime(writer, "lastImportedAt", row.LastImportedAt);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
}
