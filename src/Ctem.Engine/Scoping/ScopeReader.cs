using System.Globalization;
using Ctem.Core.Diagnostics;
using Ctem.Core.Scoping;
using YamlDotNet.RepresentationModel;

namespace Ctem.Engine.Scoping;

/// <summary>
/// Checks a loaded YAML tree against the scope file's shape and builds the <see cref="ScopeDocument"/>. Every problem is
/// collected (with its <c>line:column</c>) and reading goes on, so one run reports them all.
/// </summary>
internal sealed partial class ScopeReader(string path, Func<string, string?>? readRelated = null)
{
    private static readonly string[] RootKeys = ["products", "sla", "priorities", "riskWeights", "vex", "acceptance", "notifications", "tickets", "schedules", "integrations", "data", "scope", "validation"];
    private static readonly string[] VexKeys = ["author", "supplier", "auto"];
    private static readonly string[] PartyKeys = ["name", "contact", "namespace"];
    private static readonly string[] ProductKeys = ["name", "description", "owner", "owners", "codeowners", "criticality", "dataSensitivity", "crownJewel", "releases", "deployments"];
    private static readonly string[] OwnerKeys = ["team", "contact"];
    private static readonly string[] ReleaseKeys = ["version", "status"];
    private static readonly string[] DeploymentKeys = ["name", "environment", "internetFacing", "customers", "connects", "targets", "reachableFrom"];
    private static readonly string[] SlaKeys = ["critical", "high", "medium", "low"];
    private static readonly string[] WeightKeys = ["cvss", "epss", "kev", "ssvc", "criticality", "exposure", "dependency", "nonRuntimeScope", "inferredVersion", "offPath"];
    private static readonly string[] PriorityKeys = ["critical", "high", "medium"];

    private static readonly Dictionary<string, Criticality> Criticalities = new(StringComparer.Ordinal)
    {
        ["low"] = Criticality.Low,
        ["medium"] = Criticality.Medium,
        ["high"] = Criticality.High,
        ["critical"] = Criticality.Critical,
    };

    private static readonly Dictionary<string, DataSensitivity> Sensitivities = new(StringComparer.Ordinal)
    {
        ["public"] = DataSensitivity.Public,
        ["internal"] = DataSensitivity.Internal,
        ["confidential"] = DataSensitivity.Confidential,
        ["restricted"] = DataSensitivity.Restricted,
    };

    private static readonly Dictionary<string, DeploymentEnvironment> Environments = new(StringComparer.Ordinal)
    {
        ["production"] = DeploymentEnvironment.Production,
        ["staging"] = DeploymentEnvironment.Staging,
        ["development"] = DeploymentEnvironment.Development,
        ["test"] = DeploymentEnvironment.Test,
    };

    private readonly List<Diagnostic> _diagnostics = [];

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public ScopeDocument Read(YamlNode root)
    {
        var fields = Fields(root, "");
        if (fields is null)
        {
            return ScopeDocument.Empty;
        }

        var products = new List<ScopeProduct>();
        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (fields.Value("products") is null)
        {
            Missing(fields, "products", " (the list of products in scope)");
        }

        var items = Sequence(fields, "products");
        for (var i = 0; i < items.Count; i++)
        {
            if (Product(items[i], $"products[{i}]") is not { } product)
            {
                continue;
            }

            var nameNode = ((YamlMappingNode)items[i]).Children[new YamlScalarNode("name")];
            if (seen.TryGetValue(product.Name, out var first))
            {
                Error(nameNode, $"products[{i}].name: duplicate product name '{product.Name}' (first at {first.Start.Line}:{first.Start.Column})");
                continue;
            }

            seen[product.Name] = nameNode;
            products.Add(product);
        }

        var notifications = Notifications(fields, products);
        CheckConnections(root, products);
        return new ScopeDocument(products, Sla(fields), Weights(fields))
        {
            Priorities = Priorities(fields), Vex = Vex(fields), Acceptance = Acceptance(fields), Notifications = notifications, Tickets = Tickets(fields),
            Schedules = Schedules(fields, products, notifications),
            Integrations = Integrations(fields), Data = DataStores(fields), Network = Network(fields), Validation = Validation(fields),
        };
    }

    private VexPolicy Vex(Fields root)
    {
        if (root.Value("vex") is not { } node || Fields(node, "vex", VexKeys) is not { } fields)
        {
            return VexPolicy.Empty;
        }

        var auto = new List<string>();
        var items = Sequence(fields, "auto");
        for (var i = 0; i < items.Count; i++)
        {
            var kind = items[i] is YamlScalarNode { Value: { } value } ? value : null;
            if (kind is not null && VexSuggestionKinds.All.Contains(kind, StringComparer.Ordinal))
            {
                auto.Add(kind);
                continue;
            }

            var nearest = kind is null ? null : Suggestions.Nearest(kind, VexSuggestionKinds.All);
            Error(items[i], $"vex.auto[{i}]: expected one of {string.Join(", ", VexSuggestionKinds.All)}, found {Describe(items[i])}{(nearest is null ? "" : $"; did you mean '{nearest}'?")}");
        }

        return new VexPolicy(Party(fields, "author"), Party(fields, "supplier"), auto);
    }

    private Core.Model.VexParty? Party(Fields vex, string key)
    {
        if (vex.Value(key) is not { } node || Fields(node, vex.Name(key), PartyKeys) is not { } fields)
        {
            return null;
        }

        var name = Text(fields, "name", required: true);
        return name is null ? null : new Core.Model.VexParty(name, Text(fields, "contact"), Text(fields, "namespace"));
    }

    private ScopeProduct? Product(YamlNode node, string context)
    {
        if (Fields(node, context, ProductKeys) is not { } fields)
        {
            return null;
        }

        var name = Text(fields, "name", required: true);
        var owner = fields.Value("owner") is { } ownerNode && Fields(ownerNode, $"{context}.owner", OwnerKeys) is { } ownerFields
            ? new ProductOwner(Text(ownerFields, "team"), Text(ownerFields, "contact"))
            : null;
        var product = new ScopeProduct(
            name ?? "",
            Text(fields, "description"),
            owner,
            Choice(fields, "criticality", Criticalities),
            Choice(fields, "dataSensitivity", Sensitivities),
            Flag(fields, "crownJewel") ?? false,
            Releases(fields),
            Deployments(fields))
        {
            ComponentOwners = ComponentOwners(fields),
        };
        return name is null ? null : WithCodeOwners(product, fields);
    }

    private List<ProductRelease> Releases(Fields product)
    {
        var releases = new List<ProductRelease>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = Sequence(product, "releases");
        for (var i = 0; i < items.Count; i++)
        {
            if (Fields(items[i], $"{product.Context}.releases[{i}]", ReleaseKeys) is not { } fields)
            {
                continue;
            }

            var version = Text(fields, "version", required: true);
            var status = Text(fields, "status");
            if (version is null)
            {
                continue;
            }

            if (!seen.Add(version))
            {
                Error(fields.Value("version")!, $"{fields.Context}.version: duplicate release '{version}'");
                continue;
            }

            releases.Add(new ProductRelease(version, status));
        }

        return releases;
    }

    private List<ProductDeployment> Deployments(Fields product)
    {
        var deployments = new List<ProductDeployment>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = Sequence(product, "deployments");
        for (var i = 0; i < items.Count; i++)
        {
            if (Fields(items[i], $"{product.Context}.deployments[{i}]", DeploymentKeys) is not { } fields)
            {
                continue;
            }

            var name = Text(fields, "name", required: true);
            var environment = Choice(fields, "environment", Environments, required: true);
            var reachableFrom = ReachableFrom(fields);
            var internetFacing = InternetFacing(fields, reachableFrom);
            var customers = Text(fields, "customers");
            if (name is null || environment == DeploymentEnvironment.Unspecified)
            {
                continue;
            }

            if (!seen.Add(name))
            {
                Error(fields.Value("name")!, $"{fields.Context}.name: duplicate deployment name '{name}'");
                continue;
            }

            var deployment = new ProductDeployment(name, environment, internetFacing, customers) { Connects = Names(fields, "connects"), ReachableFrom = reachableFrom };
            var targets = Targets(fields, "targets");
            deployments.Add(targets.Count > 0 ? deployment with { Targets = targets } : deployment);
        }

        return deployments;
    }

    private RemediationSla Sla(Fields root)
    {
        var defaults = RemediationSla.Default;
        return root.Value("sla") is { } node && Fields(node, "sla", SlaKeys) is { } fields
            ? new RemediationSla(
                Days(fields, "critical") ?? defaults.Critical,
                Days(fields, "high") ?? defaults.High,
                Days(fields, "medium") ?? defaults.Medium,
                Days(fields, "low") ?? defaults.Low)
            : defaults;
    }

    private RiskWeights Weights(Fields root)
    {
        var defaults = RiskWeights.Default;
        if (root.Value("riskWeights") is not { } node || Fields(node, "riskWeights", WeightKeys) is not { } fields)
        {
            return defaults;
        }

        var weights = new RiskWeights(
            Weight(fields, "cvss") ?? defaults.Cvss,
            Weight(fields, "epss") ?? defaults.Epss,
            Weight(fields, "kev") ?? defaults.Kev,
            Weight(fields, "ssvc") ?? defaults.Ssvc,
            Weight(fields, "criticality") ?? defaults.Criticality,
            Weight(fields, "exposure") ?? defaults.Exposure,
            Weight(fields, "dependency") ?? defaults.Dependency)
        {
            NonRuntimeScope = Weight(fields, "nonRuntimeScope", max: 1) ?? defaults.NonRuntimeScope,
            InferredVersion = Weight(fields, "inferredVersion", max: 1) ?? defaults.InferredVersion,
            OffPath = Weight(fields, "offPath", max: 1) ?? defaults.OffPath,
        };
        if (weights.Total <= 0)
        {
            Error(node, "riskWeights: every factor weight is 0, so no score can be computed; give at least one factor a weight above 0");
        }

        return weights;
    }

    private PriorityThresholds Priorities(Fields root)
    {
        var defaults = PriorityThresholds.Default;
        if (root.Value("priorities") is not { } node || Fields(node, "priorities", PriorityKeys) is not { } fields)
        {
            return defaults;
        }

        var thresholds = new PriorityThresholds(
            Weight(fields, "critical", max: 100) ?? defaults.Critical,
            Weight(fields, "high", max: 100) ?? defaults.High,
            Weight(fields, "medium", max: 100) ?? defaults.Medium);
        if (!(thresholds.Critical >= thresholds.High && thresholds.High >= thresholds.Medium))
        {
            Error(node, $"priorities: thresholds must not rise from critical to medium, found critical {thresholds.Critical}, high {thresholds.High}, medium {thresholds.Medium}");
        }

        return thresholds;
    }

    /// <summary>The known keys of a mapping; unknown keys are reported with the nearest known one. Null (and reported) when not a mapping; a null value is an empty mapping.</summary>
    private Fields? Fields(YamlNode node, string context, IReadOnlyList<string>? known = null)
    {
        known ??= RootKeys;
        if (YamlScalars.IsNull(node))
        {
            return new Fields(node, context, new Dictionary<string, YamlNode>(StringComparer.Ordinal));
        }

        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"{Prefix(context)}expected a mapping of {string.Join(", ", known)}, found {Describe(node)}");
            return null;
        }

        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var misspelt = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                Error(key, $"{Prefix(context)}a key must be a name, found {Describe(key)}");
            }
            else if (!known.Contains(name, StringComparer.Ordinal))
            {
                var nearest = Suggestions.Nearest(name, known);
                if (nearest is not null)
                {
                    misspelt.Add(nearest);
                }

                Error(key, $"{Prefix(context)}unknown key '{name}'{(nearest is null ? $"; known keys: {string.Join(", ", known)}" : $"; did you mean '{nearest}'?")}");
            }
            else
            {
                values[name] = value;
            }
        }

        return new Fields(node, context, values) { Misspelt = misspelt };
    }

    private List<YamlNode> Sequence(Fields fields, string key)
    {
        switch (fields.Value(key))
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                return [.. sequence.Children];
            case var other:
                Error(other, $"{fields.Name(key)}: expected a list, found {Describe(other)}");
                return [];
        }
    }

    private string? Text(Fields fields, string key, bool required = false)
    {
        var node = fields.Value(key);
        if (node is null)
        {
            if (required)
            {
                Missing(fields, key, "");
            }

            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            Error(node, $"{fields.Name(key)}: expected a string, found {Describe(node)}");
            return null;
        }

        var kind = YamlScalars.Kind(scalar);
        if (kind != ScalarKind.String)
        {
            Error(node, $"{fields.Name(key)}: expected a string, found the {Describe(node)}; quote it (\"{scalar.Value}\") to mean the text");
            return null;
        }

        if (required && string.IsNullOrWhiteSpace(scalar.Value))
        {
            Error(node, $"{fields.Name(key)}: must not be empty");
            return null;
        }

        return scalar.Value;
    }

    private bool? Flag(Fields fields, string key)
    {
        var node = fields.Value(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode scalar && YamlScalars.Kind(scalar) == ScalarKind.Boolean)
        {
            return YamlScalars.Boolean(scalar);
        }

        Error(node, $"{fields.Name(key)}: expected true or false, found {Describe(node)}");
        return null;
    }

    private T Choice<T>(Fields fields, string key, Dictionary<string, T> names, bool required = false)
        where T : struct, Enum
    {
        var node = fields.Value(key);
        if (node is null)
        {
            if (required)
            {
                Missing(fields, key, $" ({string.Join(", ", names.Keys)})");
            }

            return default;
        }

        if (node is YamlScalarNode { Value: { } value } && names.TryGetValue(value, out var choice))
        {
            return choice;
        }

        var found = node is YamlScalarNode { Value: { } text } ? $"'{text}'" : Describe(node);
        var hint = node is YamlScalarNode { Value: { } word } && Suggestions.Nearest(word, names.Keys) is { } nearest ? $"; did you mean '{nearest}'?" : "";
        Error(node, $"{fields.Name(key)}: {found} is not one of {string.Join(", ", names.Keys)}{hint}");
        return default;
    }

    private int? Days(Fields fields, string key)
    {
        var node = fields.Value(key);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode scalar || YamlScalars.Kind(scalar) != ScalarKind.Integer
            || !int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days))
        {
            Error(node, $"{fields.Name(key)}: expected a whole number of days, found {Describe(node)}");
            return null;
        }

        if (days < 0)
        {
            Error(node, $"{fields.Name(key)}: {days} days is negative; an SLA is 0 days or more");
            return null;
        }

        return days;
    }

    /// <summary>A finite number from 0 to <paramref name="max"/>: a weight, a multiplier or a score threshold.</summary>
    private double? Weight(Fields fields, string key, double max = double.PositiveInfinity)
    {
        var node = fields.Value(key);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode scalar || YamlScalars.Kind(scalar) is not (ScalarKind.Integer or ScalarKind.Float)
            || !YamlScalars.TryNumber(scalar, out var weight))
        {
            Error(node, $"{fields.Name(key)}: expected a number, found {Describe(node)}");
            return null;
        }

        if (!double.IsFinite(weight) || weight < 0 || weight > max)
        {
            var range = double.IsPositiveInfinity(max) ? "a finite number, 0 or more" : $"a number from 0 to {max.ToString(CultureInfo.InvariantCulture)}";
            Error(node, $"{fields.Name(key)}: {scalar.Value} is out of range; expected {range}");
            return null;
        }

        return weight;
    }

    private void Missing(Fields fields, string key, string hint)
    {
        if (fields.Misspelt.Contains(key))
        {
            return;
        }

        if (fields.Values.TryGetValue(key, out var empty))
        {
            Error(empty, $"{fields.Name(key)}: has no value{hint}");
        }
        else
        {
            Error(fields.Node, $"{Prefix(fields.Context)}missing required key '{key}'{hint}");
        }
    }

    private static string Prefix(string context) => context.Length == 0 ? "" : context + ": ";

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar => YamlScalars.Kind(scalar) switch
        {
            ScalarKind.Null => "nothing (null)",
            ScalarKind.Boolean => $"boolean {scalar.Value}",
            ScalarKind.Integer or ScalarKind.Float => $"number {scalar.Value}",
            _ => $"string '{Shorten(scalar.Value ?? "")}'",
        },
        _ => "an alias",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private void Error(YamlNode node, string message) =>
        _diagnostics.Add(Diagnostic.Error(ScopeFile.DiagnosticCode, path, message, $"{node.Start.Line}:{node.Start.Column}"));
}

/// <summary>A mapping's known keys and their values, with where the mapping is and its path in the document ("products[0].owner").</summary>
internal sealed record Fields(YamlNode Node, string Context, Dictionary<string, YamlNode> Values)
{
    /// <summary>The key's value; null when the key is absent or its value is null.</summary>
    public YamlNode? Value(string key) => Values.GetValueOrDefault(key) is { } node && !YamlScalars.IsNull(node) ? node : null;

    /// <summary>Known keys that an unknown key was reported as a misspelling of; not reported again as missing.</summary>
    public IReadOnlySet<string> Misspelt { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public string Name(string key) => Context.Length == 0 ? key : $"{Context}.{key}";
}
