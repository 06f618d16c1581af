using System.Globalization;
using System.Text.Json;
using Ctem.Core.Scoring.Risk;

namespace Ctem.Engine.Mobilization.Notifications;

/// <summary>One event as JSON: the webhook payload's <c>events[]</c> and <c>ctem notify --format json</c> write the same object.</summary>
public static class EventJson
{
    public static void Write(Utf8JsonWriter json, NotificationEvent e)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(e);
        var f = e.Finding;
        json.WriteStartObject();
        json.WriteString("kind", NotificationKinds.Name(e.Kind));
        json.WriteString("key", e.Key);
        json.WriteString("product", f.Product);
        json.WriteStartObject("finding");
        json.WriteNumber("id", f.Id);
        json.WriteString("vulnerability", f.Vulnerability.Id);
        json.WriteStartArray("aliases");
        foreach (var alias in f.Vulnerability.Aliases)
        {
            json.WriteStringValue(alias);
        }

        json.WriteEndArray();
        WriteOptional(json, "summary", f.Vulnerability.Summary);
        json.WriteString("component", f.ComponentPurl);
        WriteOptional(json, "version", f.Version);
        WriteOptional(json, "priority", e.Priority == Priority.Unspecified ? null : e.Priority.ToString().ToLowerInvariant());
        if (f.Risk is { } risk)
        {
            json.WriteNumber("riskScore", Math.Round(risk.Score, 1));
        }
        else
        {
            json.WriteNull("riskScore");
        }

        WriteOptional(json, "owner", f.Owner);
        json.WriteString("firstSeenAt", Time(f.FirstSeenAt));
        WriteOptional(json, "dueAt", e.Due is { } due ? Time(due.At) : null);
        WriteOptional(json, "dueBy", e.Due?.Basis.ToString().ToLowerInvariant());
        json.WriteEndObject();
        if (e.OpenedAt is { } opened)
        {
            json.WriteString("openedAt", Time(opened));
        }

        if (e.Kev is { } kev)
        {
            json.WriteStartObject("kev");
            json.WriteString("cve", kev.CveId);
            json.WriteString("dateAdded", Day(kev.DateAdded));
            WriteOptional(json, "dueDate", kev.DueDate is { } d ? Day(d) : null);
            WriteOptional(json, "requiredAction", kev.RequiredAction);
            json.WriteEndObject();
        }

        if (e.Acceptance is { } acceptance)
        {
            json.WriteStartObject("acceptance");
            json.WriteString("until", Time(acceptance.Until));
            json.WriteString("reason", acceptance.Reason);
            json.WriteString("acceptedBy", acceptance.By);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    public static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
