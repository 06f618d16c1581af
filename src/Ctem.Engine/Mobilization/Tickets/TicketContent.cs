using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ctem.Core.Model;

namespace Ctem.Engine.Mobilization.Tickets;

/// <summary>A ticket's title and body (Markdown), deterministic for the same findings, and their digest.</summary>
public sealed record TicketContent(string Title, string Body)
{
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Title + "\n" + Body)));

    /// <summary>The hidden marker the body starts with: it lets a person (or a later tool) find orphans; the stored key is what sync trusts.</summary>
    public static string Marker(string groupingKey) => $"<!-- ctem:{groupingKey} -->";

    public static TicketContent ForAction(string groupingKey, string ecosystem, string name, IReadOnlyList<string> from, string to, bool breaking, IReadOnlyList<StoredFinding> findings)
    {
        var title = $"Upgrade {name} ({ecosystem}) to {to}";
        var intro = $"Upgrade `{name}` ({ecosystem}) from {string.Join(", ", from)} to **{to}**{(breaking ? " (a new major version)" : "")}. " +
                    $"It fixes {findings.Count} open finding(s):";
        return new TicketContent(title, Render(groupingKey, intro, findings));
    }

    public static TicketContent ForFinding(string groupingKey, StoredFinding finding)
    {
        var title = $"{finding.Vulnerability.Id} in {finding.PackageName}{(finding.Version is null ? "" : " " + finding.Version)} ({finding.Product})";
        var fixes = finding.FixedVersions.Count == 0 ? "No fixed version is known." : $"Fixed in {string.Join(", ", finding.FixedVersions)}.";
        return new TicketContent(title, Render(groupingKey, fixes, [finding]));
    }

    private static string Render(string groupingKey, string intro, IReadOnlyList<StoredFinding> findings)
    {
        var body = new StringBuilder();
        body.Append(Marker(groupingKey)).Append('\n').Append(intro).Append("\n\n");
        body.Append("| Finding | Product | Vulnerability | Component | Priority | Due | Owner |\n|---|---|---|---|---|---|---|\n");
        foreach (var f in findings.OrderBy(f => f.Id))
        {
            var component = f.Version is null ? f.PackageName : $"{f.PackageName} {f.Version}";
            var priority = f.Risk?.Priority.ToString().ToLowerInvariant() ?? "-";
            var due = f.DueAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
            body.Append(CultureInfo.InvariantCulture, $"| {f.Id} | {Cell(f.Product)} | {Cell(f.Vulnerability.Id)} | {Cell(component)} | {priority} | {due} | {Cell(f.Owner ?? "-")} |\n");
        }

        body.Append("\nFiled by `ctem tickets sync`. Closing this ticket claims the fix; the next scan verifies it.\n");
        return body.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
