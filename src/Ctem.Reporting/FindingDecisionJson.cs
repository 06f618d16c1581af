using Ctem.Core.Stores;

namespace Ctem.Reporting;

/// <summary>The JSON of a decision about one finding: <c>ctem accept</c> and <c>ctem assign</c>, for the CLI and the API alike.</summary>
public static class FindingDecisionJson
{
    /// <summary><c>{"finding", "product", "acceptance": {…}}</c>.</summary>
    public static void WriteAcceptance(TextWriter output, RiskAcceptance accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("finding", accepted.FindingId);
            writer.WriteString("product", accepted.Product);
            writer.WritePropertyName("acceptance");
            JsonOutput.WriteAcceptance(writer, accepted);
            writer.WriteEndObject();
        });
    }

    /// <summary><c>{"finding", "product", "from", "to", "by", "at"}</c>.</summary>
    public static void WriteAssignment(TextWriter output, Assignment assigned)
    {
        ArgumentNullException.ThrowIfNull(assigned);
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("finding", assigned.FindingId);
            writer.WriteString("product", assigned.Product);
            writer.WriteString("from", assigned.From);
            writer.WriteString("to", assigned.To);
            writer.WriteString("by", assigned.By);
            JsonOutput.WriteTime(writer, "at", assigned.At);
            writer.WriteEndObject();
        });
    }
}
