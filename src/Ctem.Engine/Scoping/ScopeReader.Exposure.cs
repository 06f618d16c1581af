using Ctem.Core.Graph;
using Ctem.Core.Scoping;
using YamlDotNet.RepresentationModel;

namespace Ctem.Engine.Scoping;

/// <summary>The exposure graph's keys: <c>deployments[].connects</c> and <c>reachableFrom</c>, <c>integrations:</c> and <c>data:</c>.</summary>
internal sealed partial class ScopeReader
{
    /// <summary>The entry points a deployment names (<c>reachableFrom</c>), each once; null when the key is absent.</summary>
    private IReadOnlyList<string>? ReachableFrom(Fields deployment)
    {
        if (deployment.Value("reachableFrom") is not YamlSequenceNode)
        {
            Sequence(deployment, "reachableFrom"); // says what is wrong with anything else there
            return null;
        }

        var entries = new List<string>();
        var items = Sequence(deployment, "reachableFrom");
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is YamlScalarNode { Value: { } entry } && EntryPoints.All.Contains(entry, StringComparer.Ordinal))
            {
                if (!entries.Contains(entry, StringComparer.Ordinal))
                {
                    entries.Add(entry);
                }

                continue;
            }

            var nearest = items[i] is YamlScalarNode { Value: { } word } ? Suggestions.Nearest(word, EntryPoints.All) : null;
            Error(items[i], $"{deployment.Name("reachableFrom")}[{i}]: expected one of {string.Join(", ", EntryPoints.All)}, found {Describe(items[i])}{(nearest is null ? "" : $"; did you mean '{nearest}'?")}");
        }

        return entries;
    }

    /// <summary><c>internetFacing</c>, else whether <c>reachableFrom</c> names the internet; the two must agree.</summary>
    private bool InternetFacing(Fields deployment, IReadOnlyList<string>? reachableFrom)
    {
        var declared = Flag(deployment, "internetFacing");
        var fromInternet = reachableFrom?.Contains(EntryPoints.Internet, StringComparer.Ordinal);
        if (declared is { } flag && fromInternet is { } listed && flag != listed)
        {
            Error(deployment.Value("reachableFrom")!, flag
                ? $"{deployment.Name("reachableFrom")}: internetFacing is true but reachableFrom does not name internet; add it, or drop internetFacing"
                : $"{deployment.Name("reachableFrom")}: names internet but internetFacing is false; drop one of them");
        }

        return declared ?? fromInternet ?? false;
    }

    private static readonly string[] IntegrationKeys = ["name", "kind", "endpoint", "data", "secrets"];
    private static readonly string[] DataStoreKeys = ["name", "classification", "crownJewel"];

    private static readonly Dictionary<string, IntegrationKind> IntegrationKinds = new(StringComparer.Ordinal)
    {
        ["api"] = IntegrationKind.Api,
        ["saas"] = IntegrationKind.Saas,
        ["database"] = IntegrationKind.Database,
        ["queue"] = IntegrationKind.Queue,
        ["identity"] = IntegrationKind.Identity,
        ["other"] = IntegrationKind.Other,
    };

    private IReadOnlyList<ScopeIntegration> Integrations(Fields root)
    {
        var integrations = new List<ScopeIntegration>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = Sequence(root, "integrations");
        for (var i = 0; i < items.Count; i++)
        {
            if (Fields(items[i], $"integrations[{i}]", IntegrationKeys) is not { } fields || Text(fields, "name", required: true) is not { } name)
            {
                continue;
            }

            if (!seen.Add(name))
            {
                Error(fields.Value("name")!, $"{fields.Name("name")}: duplicate integration name '{name}'");
                continue;
            }

            var endpoint = Text(fields, "endpoint");
            if (endpoint is not null && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
            {
                Error(fields.Value("endpoint")!, $"{fields.Name("endpoint")}: '{endpoint}' is not an absolute URL (https://api.payments.example)");
            }

            integrations.Add(new ScopeIntegration(name, Choice(fields, "kind", IntegrationKinds), endpoint, Names(fields, "data"), Names(fields, "secrets")));
        }

        return integrations.Count == 0 ? Array.Empty<ScopeIntegration>() : integrations;
    }

    private IReadOnlyList<ScopeDataStore> DataStores(Fields root)
    {
        var stores = new List<ScopeDataStore>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = Sequence(root, "data");
        for (var i = 0; i < items.Count; i++)
        {
            if (Fields(items[i], $"data[{i}]", DataStoreKeys) is not { } fields || Text(fields, "name", required: true) is not { } name)
            {
                continue;
            }

            if (!seen.Add(name))
            {
                Error(fields.Value("name")!, $"{fields.Name("name")}: duplicate data store name '{name}'");
                continue;
            }

            stores.Add(new ScopeDataStore(name, Choice(fields, "classification", Sensitivities), Flag(fields, "crownJewel") ?? false));
        }

        return stores.Count == 0 ? Array.Empty<ScopeDataStore>() : stores;
    }

    /// <summary>A list of non-empty names; an empty list stays the shared empty one, so records without it compare equal.</summary>
    private IReadOnlyList<string> Names(Fields fields, string key)
    {
        var names = new List<string>();
        var items = Sequence(fields, key);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is YamlScalarNode { Value: { Length: > 0 } name } scalar && YamlScalars.Kind(scalar) == ScalarKind.String)
            {
                names.Add(name);
            }
            else
            {
                Error(items[i], $"{fields.Name(key)}[{i}]: expected a name, found {Describe(items[i])}");
            }
        }

        return names.Count == 0 ? Array.Empty<string>() : names;
    }

    /// <summary>
    /// A <c>product/deployment</c> that <c>connects</c> names must exist; other names may be data stores, integrations or
    /// the services an SBOM declares, which the scope file cannot check.
    /// </summary>
    private void CheckConnections(YamlNode root, IReadOnlyList<ScopeProduct> products)
    {
        var deployments = products.SelectMany(p => p.Deployments.Select(d => $"{p.Name}/{d.Name}")).ToHashSet(StringComparer.Ordinal);
        var productIndex = 0;
        foreach (var product in root is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode("products"), out var list) && list is YamlSequenceNode sequence
            ? sequence.Children
            : [])
        {
            foreach (var (deployment, d) in Children(product, "deployments").Select((node, d) => (node, d)))
            {
                foreach (var (target, c) in Children(deployment, "connects").Select((node, c) => (node, c)))
                {
                    if (target is YamlScalarNode { Value: { } name } && name.Contains('/', StringComparison.Ordinal) && !deployments.Contains(name))
                    {
                        var nearest = Suggestions.Nearest(name, deployments);
                        Error(target, $"products[{productIndex}].deployments[{d}].connects[{c}]: no deployment '{name}' in this file (product/deployment){(nearest is null ? "" : $"; did you mean '{nearest}'?")}");
                    }
                }
            }

            productIndex++;
        }
    }

    private static IEnumerable<YamlNode> Children(YamlNode node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode sequence
            ? sequence.Children
            : [];
}
