using Ctem.Core.Model;
using Ctem.Core.Scoping;

namespace Ctem.Engine.Graph;

/// <summary>
/// Which integration a leaked secret opens. A secret scanner names its rule (<c>aws-access-key-id</c>,
/// <c>stripe-access-token</c>); the rule's first word is the provider. An integration takes the secret when its
/// <c>secrets:</c> list names the rule or the provider, or when its name or endpoint mentions the provider.
/// </summary>
public static class SecretBinding
{
    private const string SecretCwe = "CWE-798";

    // Rule words that name no provider: a generic API key could open anything, so it is bound only by rule.
    private static readonly HashSet<string> Generic = new(StringComparer.OrdinalIgnoreCase) { "generic", "private", "secret", "password", "jwt", "api", "key", "token", "my", "custom" };

    /// <summary>True for a hard-coded credential (CWE-798) or a secret scanner's <c>secret:</c> rule.</summary>
    public static bool IsSecret(StoredFinding finding) =>
        finding.Vulnerability.Cwes.Contains(SecretCwe, StringComparer.Ordinal)
        || finding.Vulnerability.Id.StartsWith("secret:", StringComparison.Ordinal);

    /// <summary>The scanner's rule: the weakness id without a tool prefix (<c>secret:aws-access-key-id</c> → <c>aws-access-key-id</c>).</summary>
    public static string RuleOf(StoredFinding finding)
    {
        var id = finding.Vulnerability.Id;
        var colon = id.LastIndexOf(':');
        return colon >= 0 ? id[(colon + 1)..] : id;
    }

    /// <summary>The rule's first word, when it names a provider; null for generic rules.</summary>
    public static string? ProviderOf(string rule)
    {
        var word = rule.Split(['-', '_', '.', ' '], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return word is { Length: >= 3 } && !Generic.Contains(word) ? word.ToLowerInvariant() : null;
    }

    /// <summary>The integrations the secret opens, each with why; empty when none can be told.</summary>
    public static IReadOnlyList<(ScopeIntegration Integration, string Why)> Bind(string rule, IReadOnlyList<ScopeIntegration> integrations)
    {
        var provider = ProviderOf(rule);
        var bound = new List<(ScopeIntegration, string)>();
        foreach (var integration in integrations)
        {
            if (integration.Secrets.Contains(rule, StringComparer.OrdinalIgnoreCase))
            {
                bound.Add((integration, $"integrations.{integration.Name}.secrets lists the rule {rule}"));
            }
            else if (provider is null)
            {
                continue;
            }
            else if (integration.Secrets.Contains(provider, StringComparer.OrdinalIgnoreCase))
            {
                bound.Add((integration, $"integrations.{integration.Name}.secrets lists the provider {provider} of rule {rule}"));
            }
            else if (integration.Name.Contains(provider, StringComparison.OrdinalIgnoreCase))
            {
                bound.Add((integration, $"the rule {rule} is for provider {provider}, which the integration's name {integration.Name} names"));
            }
            else if (Host(integration.Endpoint) is { } host && host.Contains(provider, StringComparison.OrdinalIgnoreCase))
            {
                bound.Add((integration, $"the rule {rule} is for provider {provider}, whose host {host} is the integration's endpoint"));
            }
        }

        return bound;
    }

    private static string? Host(string? endpoint) =>
        endpoint is not null && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri.Host : null;
}
