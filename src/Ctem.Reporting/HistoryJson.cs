using Ctem.Core.Stores;

namespace Ctem.Reporting;

/// <summary>A product's runs as <c>ctem history --format json</c> writes them, and as the API answers.</summary>
public static class HistoryJson
{
    public static void Write(TextWriter output, string product, IReadOnlyList<RunSummary> runs) =>
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("product", product);
            writer.WriteStartArray("runs");
            foreach (var run in runs)
            {
                writer.WriteStartObject();
                writer.WriteNumber("id", run.Id);
                writer.WriteString("kind", Name(run.Kind));
                writer.WriteString("source", run.Source);
                writer.WriteString("tool", run.Tool);
                JsonOutput.WriteTime(writer, "startedAt", run.StartedAt);
                JsonOutput.WriteTime(writer, "finishedAt", run.FinishedAt);
                JsonOutput.WriteInputs(writer, run.Inputs);
                writer.WriteNumber("components", run.Components);
                writer.WriteNumber("findings", run.Findings);
                writer.WriteNumber("new", run.New);
                writer.WriteNumber("resolved", run.Resolved);
                writer.WriteNumber("reopened", run.Reopened);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    public static string Name(RunKind kind) => kind.ToString().ToLowerInvariant();
}
