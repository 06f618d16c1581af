using System.Text.Json;

namespace Ctem.Plugins.Reports.Sarif.Packages;

/// <summary>What one result and its run say that can name a package: the texts a producer's convention reads.</summary>
/// <param name="Targets">What the run says it scanned (Trivy's <c>imageName</c> and <c>repoTags</c>), for the distribution.</param>
internal sealed record SarifResultFacts(
    string? RuleId,
    string? RuleName,
    string? Message,
    string? Help,
    string? FullDescription,
    string? File,
    string? LocationMessage,
    JsonElement? RuleProperties,
    IReadOnlyList<string> Targets)
{
    /// <summary>The value of a "Label: value" line in the message, else in the rule's help, trimmed; null when absent or empty.</summary>
    public string? Field(string label) => FieldIn(Message, label) ?? FieldIn(Help, label);

    private static string? FieldIn(string? text, string label)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith(label + ":", StringComparison.Ordinal))
            {
                var value = trimmed[(label.Length + 1)..].Trim();
                return value.Length == 0 ? null : value;
            }
        }

        return null;
    }
}
