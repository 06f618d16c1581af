using Ctem.Core.Scoping;
using YamlDotNet.RepresentationModel;

namespace Ctem.Engine.Scoping;

/// <summary><c>scope: {allow, deny}</c> and <c>deployments[].targets</c>: where discovery and validation may connect.</summary>
internal sealed partial class ScopeReader
{
    private static readonly string[] NetworkKeys = ["allow", "deny"];
    private static readonly string[] ValidationKeys = ["checks"];

    private NetworkScope Network(Fields root)
    {
        if (root.Value("scope") is not { } node || Fields(node, "scope", NetworkKeys) is not { } fields)
        {
            return NetworkScope.None;
        }

        return new NetworkScope(Targets(fields, "allow"), Targets(fields, "deny"));
    }

    private ValidationSettings Validation(Fields root)
    {
        if (root.Value("validation") is not { } node || Fields(node, "validation", ValidationKeys) is not { } fields)
        {
            return ValidationSettings.None;
        }

        return new ValidationSettings(Text(fields, "checks"));
    }

    private List<NetworkTarget> Targets(Fields fields, string key)
    {
        var targets = new List<NetworkTarget>();
        var items = Sequence(fields, key);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not YamlScalarNode { Value: { } text } || YamlScalars.Kind((YamlScalarNode)items[i]) != ScalarKind.String)
            {
                Error(items[i], $"{fields.Name(key)}[{i}]: expected a host, IP address, CIDR range or URL, found {Describe(items[i])}");
                continue;
            }

            if (NetworkTarget.Parse(text, out var problem) is { } target)
            {
                targets.Add(target);
            }
            else
            {
                Error(items[i], $"{fields.Name(key)}[{i}]: {problem}");
            }
        }

        return targets;
    }
}
