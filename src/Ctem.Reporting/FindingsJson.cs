namespace Ctem.Reporting;

/// <summary>A list of findings as JSON: <c>{"findings": […]}</c>, and the API's page adds <c>"next"</c>.</summary>
public static class FindingsJson
{
    public static void Write(TextWriter output, IReadOnlyList<FindingView> findings) => Write(output, findings, page: null);

    /// <summary>A page of findings: <paramref name="page"/> is what comes after them (a relative URL), written as <c>"next"</c>.</summary>
    public static void Write(TextWriter output, IReadOnlyList<FindingView> findings, FindingsPage? page) =>
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("findings");
            foreach (var finding in findings)
            {
                JsonOutput.WriteFinding(writer, finding);
            }

            writer.WriteEndArray();
            if (page is not null)
            {
                writer.WriteString("next", page.Next);
            }

            writer.WriteEndObject();
        });
}

/// <summary>Where a page of findings leads: the relative URL of the next page, null on the last.</summary>
public sealed record FindingsPage(string? Next);
