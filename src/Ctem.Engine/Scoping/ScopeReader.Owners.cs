using Ctem.Core.Scoping;
using Ctem.Engine.Mobilization.Owners;

namespace Ctem.Engine.Scoping;

/// <summary>A product's <c>owners:</c> (teams per component pattern) and <c>codeowners:</c> (a CODEOWNERS file beside the scope file).</summary>
internal sealed partial class ScopeReader
{
    private static readonly string[] ComponentOwnerKeys = ["match", "team"];

    private IReadOnlyList<ComponentOwnerRule> ComponentOwners(Fields product)
    {
        var rules = new List<ComponentOwnerRule>();
        var items = Sequence(product, "owners");
        for (var i = 0; i < items.Count; i++)
        {
            if (Fields(items[i], $"{product.Context}.owners[{i}]", ComponentOwnerKeys) is not { } fields)
            {
                continue;
            }

            var match = Text(fields, "match", required: true);
            var team = Text(fields, "team", required: true);
            if (match is not null && !match.StartsWith("pkg:", StringComparison.Ordinal))
            {
                Error(fields.Value("match")!, $"{fields.Name("match")}: '{match}' is not a purl pattern; write it as pkg:TYPE/NAMESPACE/NAME with * for any text (pkg:npm/@acme/*)");
            }
            else if (match is not null && team is not null)
            {
                rules.Add(new ComponentOwnerRule(match, team));
            }
        }

        // An empty list stays the shared empty one, so products without owner rules compare equal.
        return rules.Count == 0 ? Array.Empty<ComponentOwnerRule>() : rules;
    }

    private ScopeProduct WithCodeOwners(ScopeProduct product, Fields fields)
    {
        if (Text(fields, "codeowners") is not { } file || fields.Value("codeowners") is not { } node)
        {
            return product;
        }

        var resolved = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "", file);
        if (readRelated?.Invoke(resolved) is not { } text)
        {
            Error(node, $"{fields.Name("codeowners")}: cannot read the CODEOWNERS file {file} (looked for {resolved})");
            return product;
        }

        var (rules, diagnostics) = CodeOwnersFile.Read(file, text);
        foreach (var diagnostic in diagnostics)
        {
            Error(node, $"{fields.Name("codeowners")}: {diagnostic}");
        }

        return product with { CodeOwners = rules, CodeOwnersFile = file };
    }
}
