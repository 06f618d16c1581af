using System.Text.Json;

namespace Ctem.Plugins.Reports.Sarif;

/// <summary>Finds the rule (<c>reportingDescriptor</c>) a result refers to, in the driver or in a tool extension.</summary>
internal sealed class SarifRules
{
    private readonly List<JsonElement> driverRules;
    private readonly List<List<JsonElement>> extensionRules;

    public SarifRules(JsonElement tool)
    {
        driverRules = ReportJson.Object(tool, "driver") is { } driver ? [.. ReportJson.Array(driver, "rules")] : [];
        extensionRules = [.. ReportJson.Array(tool, "extensions").Select(e => ReportJson.Array(e, "rules").ToList())];
    }

    public JsonElement? Find(JsonElement result, string? ruleId)
    {
        var reference = ReportJson.Object(result, "rule");
        var rules = driverRules;
        if (reference is { } r && ReportJson.Object(r, "toolComponent") is { } component && SarifJson.Int(component, "index") is { } extension)
        {
            rules = extension >= 0 && extension < extensionRules.Count ? extensionRules[extension] : [];
        }

        var index = SarifJson.Int(result, "ruleIndex") ?? (reference is { } withIndex ? SarifJson.Int(withIndex, "index") : null);
        if (index is >= 0 && index < rules.Count)
        {
            return rules[index.Value];
        }

        var id = ruleId ?? (reference is { } withId ? ReportJson.String(withId, "id") : null);
        if (id is null)
        {
            return null;
        }

        // A hierarchical id ("C2001/sub") falls back to its parent rule; ids such as "py/empty-except" match whole first.
        for (var candidate = id; candidate.Length > 0; candidate = candidate[..Math.Max(0, candidate.LastIndexOf('/'))])
        {
            foreach (var rule in rules)
            {
                if (ReportJson.String(rule, "id") == candidate)
                {
                    return rule;
                }
            }
        }

        return null;
    }
}
