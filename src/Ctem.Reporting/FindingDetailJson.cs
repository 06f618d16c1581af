using Ctem.Core.Model;
using Ctem.Core.Stores;

namespace Ctem.Reporting;

/// <summary>One finding, its explanation (the finding with the sources that report it) and its history, as the API answers them.</summary>
public static class FindingDetailJson
{
    public static void WriteFinding(TextWriter output, FindingView finding) =>
        JsonOutput.Write(output, writer => JsonOutput.WriteFinding(writer, finding));

    /// <summary><c>{"finding": {…}, "sources": [{source, tool, reportedAs, firstRunId, lastRunId, active}]}</c>: the risk factors are in the finding's <c>risk</c>.</summary>
    public static void WriteExplanation(TextWriter output, FindingView finding, IReadOnlyList<FindingSource> sources) =>
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("finding");
            JsonOutput.WriteFinding(writer, finding);
            writer.WriteStartArray("sources");
            foreach (var source in sources)
            {
                writer.WriteStartObject();
                writer.WriteString("source", source.Source);
                writer.WriteString("tool", source.Tool);
                JsonOutput.WriteStrings(writer, "reportedAs", source.ReportedAs);
                writer.WriteNumber("firstRunId", source.FirstRunId);
                writer.WriteNumber("lastRunId", source.LastRunId);
                writer.WriteBoolean("active", source.Active);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    /// <summary><c>{"finding": ID, "events": [{id, runId, at, kind, priority, previousPriority}]}</c>, oldest first.</summary>
    public static void WriteHistory(TextWriter output, long findingId, IReadOnlyList<FindingEvent> events) =>
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("finding", findingId);
            writer.WriteStartArray("events");
            foreach (var item in events)
            {
                writer.WriteStartObject();
                writer.WriteNumber("id", item.Id);
                if (item.RunId is { } run)
                {
                    writer.WriteNumber("runId", run);
                }
                else
                {
                    writer.WriteNull("runId");
                }

                JsonOutput.WriteTime(writer, "at", item.At);
                writer.WriteString("kind", item.Kind.ToString().ToLowerInvariant());
                writer.WriteString("priority", item.Priority);
                writer.WriteString("previousPriority", item.PreviousPriority);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
}
